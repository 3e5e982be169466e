import { useEffect, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { navigate } from '../../../lib/router';
import { createCase } from '../api';
import { idempotencyKey } from '../idempotency-key';

/**
 * Opens a draft at once (with one line for `?product=`) and goes to it. The request carries an
 * Idempotency-Key kept for this screen: a reload or a retry gets the same case, never a second one.
 */
export function NewCaseScreen({ productId }: { productId: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t('cases.newTitle'));

  useEffect(() => {
    let current = true;
    const { key, forget } = idempotencyKey(`new:${productId ?? ''}`);
    const lines = productId ? [{ productId, quantity: 1, unit: 'pieces' as const }] : [];
    createCase(key, { lines }).then(
      (opened) => {
        forget();
        if (current) navigate(`/cases/${opened.id}`, { replace: true });
      },
      (error: unknown) => {
        if (current) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      },
    );
    return () => {
      current = false;
    };
  }, [productId, attempt]);

  return (
    <section className="cases">
      <h1>{t('cases.newTitle')}</h1>
      {problem ? (
        <>
          <p className="alert" role="alert">
            {errorMessage(i18n, problem)}
          </p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setProblem(null);
              setAttempt((n) => n + 1);
            }}
          >
            {t('cases.retry')}
          </button>
        </>
      ) : (
        <p role="status">{t('cases.opening')}</p>
      )}
    </section>
  );
}
