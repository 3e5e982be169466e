import type { Alert, ProductSheet } from '@verity/contract';
import { RiskAlertList } from '../../shared/risk-alerts/risk-alert-list';
import { useDocumentTitle } from '../../lib/document-title';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { isAbort, isApiError } from '../../lib/api';
import { errorMessage, useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { useAppContext } from '../../lib/app-context';
import { pickText } from '../../shared/product-sheet/localized';
import { ProductSheetView } from '../../shared/product-sheet/product-sheet';
import { readAlertsAbout, readProductSheet } from './api';

type State = { status: 'loading' } | { status: 'failed'; code: string } | { status: 'ready'; sheet: ProductSheet };

/** Back where the officer came from (a search comes back with its results), else to search. */
function goBack(event: MouseEvent<HTMLAnchorElement>) {
  if (window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
}

/** An officer's product sheet: loads it, says plainly when it is missing or the network failed. */
export function ProductScreen({ productId }: { productId: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    readProductSheet(productId, controller.signal)
      .then((sheet) => setState({ status: 'ready', sheet }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', code: isApiError(error) ? error.code : 'NETWORK_ERROR' });
      });
    return () => controller.abort();
  }, [productId, attempt]);

  // Risk alerts about this product (in force for the officer's country; a right holder's own).
  // Fetched beside the sheet, which waits for them (null: not yet answered): alerts shown under
  // its header after it appeared would push everything the officer is reading down the screen.
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setAlerts(null);
    readAlertsAbout(productId, controller.signal).then(
      (list) => setAlerts(list.items),
      (error: unknown) => {
        if (!isAbort(error)) setAlerts([]); // the sheet stands without them
      },
    );
    return () => controller.abort();
  }, [productId]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Customs open a case about goods held at the border (right holders answer cases, not open them).
  const role = useAppContext().me.membership.role;
  const opensCases = role === 'officer' || role === 'administration_admin';
  const name = state.status === 'ready' ? pickText(state.sheet.name, lang, state.sheet.defaultLanguage)?.text : null;
  useDocumentTitle(name ? t('product.documentTitle', { name }) : null);

  return (
    <div className="product-screen">
      <p className="product-back">
        <Link to="/search" onClick={goBack}>
          {t('product.back')}
        </Link>
      </p>
      {(state.status === 'loading' || (state.status === 'ready' && alerts === null)) && (
        <p className="muted" role="status">
          {t('product.loading')}
        </p>
      )}
      {state.status === 'failed' && <Failure code={state.code} onRetry={retry} />}
      {state.status === 'ready' && alerts !== null && (
        <ProductSheetView sheet={state.sheet} alerts={<RiskAlertList alerts={alerts} />} />
      )}
      {state.status === 'ready' && alerts !== null && opensCases && (
        <p className="product-actions">
          <Link className="button primary" to={`/cases/new?product=${encodeURIComponent(productId)}`}>
            {t('product.openCase')}
          </Link>
        </p>
      )}
    </div>
  );
}

function Failure({ code, onRetry }: { code: string; onRetry: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (code === 'PRODUCT_NOT_FOUND' || code === 'VALIDATION_FAILED')
    return (
      <section className="card">
        <h1>{t('product.notFound.title')}</h1>
        <p>{t('product.notFound.text')}</p>
        <p>
          <Link className="button primary" to="/search">
            {t('product.notFound.search')}
          </Link>
        </p>
      </section>
    );
  return (
    <section className="card">
      <h1>{t('product.failed')}</h1>
      <p className="alert" role="alert">
        {errorMessage(i18n, code)}
      </p>
      <p>
        <button type="button" className="button primary" onClick={onRetry}>
          {t('product.retry')}
        </button>
      </p>
    </section>
  );
}
