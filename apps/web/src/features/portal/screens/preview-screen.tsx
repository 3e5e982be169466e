import type { ProductSheet } from '@verity/contract';
import { useEffect, useId, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, I18nProvider, loadMessages, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import type { Messages } from '../../../lib/translate';
import { directionOf, uiLanguages, type UiLanguage } from '../../../locales/languages';
import { ProductSheetView } from '../../../shared/product-sheet/product-sheet';
import { readProduct } from '../api';

type State = { status: 'loading' } | { status: 'failed'; code: string } | { status: 'ready'; sheet: ProductSheet };

/**
 * The product sheet exactly as an officer sees it (the same component), in the language an
 * officer reads it in: the interface's, or another one chosen here.
 */
export function PreviewScreen({ productId }: { productId: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  // Unless another is picked here, the interface language (an officer reads the sheet in theirs).
  const [picked, setPicked] = useState<UiLanguage | null>(null);
  const chosen = picked ?? lang;
  const [other, setOther] = useState<{ lang: UiLanguage; messages: Messages } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    readProduct(productId, controller.signal)
      .then((sheet) => setState({ status: 'ready', sheet }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', code: isApiError(error) ? error.code : 'NETWORK_ERROR' });
      });
    return () => controller.abort();
  }, [productId]);

  useEffect(() => {
    if (chosen === lang) return setOther(null);
    let current = true;
    loadMessages(chosen)
      .then((messages) => current && setOther({ lang: chosen, messages }))
      .catch(() => current && setPicked(null)); // the messages could not be fetched: stay in the page's language
    return () => {
      current = false;
    };
  }, [chosen, lang]);

  // The nested I18nProvider below marks the whole document with its language when it mounts;
  // the page around the sheet stays in the interface language, so put that back (a parent's
  // effects run after its children's in the same commit).
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
  }, [other, lang]);

  const sheet = state.status === 'ready' ? <ProductSheetView sheet={state.sheet} /> : null;

  return (
    <div className="portal preview">
      <div className="preview-bar">
        <p className="notice">
          {t('portal.preview.notice')}{' '}
          {state.status === 'ready' && state.sheet.status === 'draft' && <strong>{t('portal.preview.draft')}</strong>}
        </p>
        <div className="preview-language">
          <label htmlFor={`${id}-lang`}>{t('portal.preview.language')}</label>
          <select id={`${id}-lang`} value={chosen} onChange={(e) => setPicked(e.target.value as UiLanguage)}>
            {uiLanguages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <Link className="button" to={`/portal/products/${productId}`}>
          {t('portal.preview.backToEditor')}
        </Link>
      </div>
      {state.status === 'loading' && <p className="muted">{t('portal.loading')}</p>}
      {state.status === 'failed' && <p className="alert">{errorMessage(i18n, state.code)}</p>}
      {sheet &&
        (other && other.lang === chosen ? (
          <div lang={other.lang} dir={directionOf(other.lang)}>
            <I18nProvider key={other.lang} lang={other.lang} messages={other.messages}>
              {sheet}
            </I18nProvider>
          </div>
        ) : (
          sheet
        ))}
    </div>
  );
}
