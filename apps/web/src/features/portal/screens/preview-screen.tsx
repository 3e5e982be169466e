import type { ProductSheet } from '@verity/contract';
import { useEffect, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { ProductSheetView } from '../../../shared/product-sheet/product-sheet';
import { readProduct } from '../api';

type State = { status: 'loading' } | { status: 'failed'; code: string } | { status: 'ready'; sheet: ProductSheet };

/** The product sheet exactly as an officer sees it (the same component), with a way back to editing. */
export function PreviewScreen({ productId }: { productId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [state, setState] = useState<State>({ status: 'loading' });

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

  return (
    <div className="portal preview">
      <nav className="preview-bar" aria-label={t('portal.preview.label')}>
        <p className="notice">
          {t('portal.preview.notice')}{' '}
          {state.status === 'ready' && state.sheet.status === 'draft' && <strong>{t('portal.preview.draft')}</strong>}
        </p>
        <Link className="button" to={`/portal/products/${productId}`}>
          {t('portal.preview.backToEditor')}
        </Link>
      </nav>
      {state.status === 'loading' && <p className="muted">{t('portal.loading')}</p>}
      {state.status === 'failed' && <p className="alert">{errorMessage(i18n, state.code)}</p>}
      {state.status === 'ready' && <ProductSheetView sheet={state.sheet} />}
    </div>
  );
}
