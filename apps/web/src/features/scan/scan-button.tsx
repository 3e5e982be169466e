import { lazy, Suspense, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import './scan.css';

// The scanner (and through it the decoder worker and its .wasm) loads when the button is pressed.
const loadScanner = () => import('./scanner-dialog');
const ScannerDialog = lazy(() => loadScanner().catch(() => ({ default: ScannerUnavailable })));

/** The big Scan button under the identify box; `onDetected` gets the text of the code read. */
export function ScanButton({ onDetected }: { onDetected: (text: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="scan">
      <button
        ref={button}
        type="button"
        className="button primary scan-button"
        aria-haspopup="dialog"
        // Fetching starts as the finger lands, a little before the click.
        onPointerDown={() => void loadScanner().catch(() => {})}
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M3 7V4h3M18 4h3v3M21 17v3h-3M6 20H3v-3" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M7 8v8M10 8v8M12.5 8v8M15 8v8M17 8v8" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span>{t('scan.button')}</span>
      </button>
      {open && (
        <Suspense fallback={<p className="muted">{t('scan.loading')}</p>}>
          <ScannerDialog
            onClose={close}
            onDetected={(text) => {
              close();
              onDetected(text);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

/** In place of the scanner when its files could not be fetched (offline before they were cached). */
function ScannerUnavailable() {
  const { t } = useI18n();
  return (
    <p className="alert" role="alert">
      {t('scan.loadFailed')}
    </p>
  );
}
