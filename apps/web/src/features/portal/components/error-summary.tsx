import { useEffect, useRef } from 'react';
import { useI18n } from '../../../lib/i18n';

export interface SummaryItem {
  /** The id of the field to go to, when there is one. */
  field?: string;
  message: string;
}

/**
 * The problems that stopped a save, at the top of the form; it takes the focus when it appears
 * so keyboard and screen-reader users hear it, and each item links to its field.
 */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
    // A new attempt with the same problems focuses the summary again.
  }, [items.length, attempt]);
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="alert error-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('portal.editor.problemsTitle', { count: items.length })}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            {item.field ? (
              <a
                href={`#${item.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(item.field!)?.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
