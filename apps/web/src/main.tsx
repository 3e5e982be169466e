import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { I18nProvider, initialLanguage, loadMessages } from './lib/i18n';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Load the chosen language before the first paint, so the page never flashes in English.
const lang = initialLanguage();
const messages = await loadMessages(lang);

createRoot(root).render(
  <StrictMode>
    <I18nProvider lang={lang} messages={messages}>
      <App />
    </I18nProvider>
  </StrictMode>,
);

// The service worker keeps the app and the barcode decoder on the phone, so it opens offline.
// Not in development: Vite's dev server serves modules the worker would keep stale.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline copy (e.g. a private window that refuses it); everything works online.
    });
  });
}
