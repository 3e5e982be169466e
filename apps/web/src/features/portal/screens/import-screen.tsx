import type { ImportReport } from '@verity/contract';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { importTypeOf } from '../api';
import { DetailedApiError } from '../http';
import { ImportProgress } from '../components/import-progress';
import { countRows, csvTemplate } from '../import-file';
import { importCatalog } from '../import-stream';

type State =
  | { status: 'idle' }
  /** `total`: the file's data rows (counted here, before sending); `rows`: written so far. */
  | { status: 'sending'; sent: number; rows: number; total: number }
  /** `reason`: the server's own words on a refused header (names the column), shown as code. */
  | { status: 'failed'; code: string; reason?: string }
  | { status: 'done'; report: ImportReport };

/**
 * Bulk import: the file streams to the server, which writes rows in batches as they arrive and
 * says after each batch how far it is; the bar shows rows written out of the file's rows. Then
 * the counts and every refused row with its reason.
 */
export function ImportScreen() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ status: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [template, setTemplate] = useState<string | null>(null);
  const number = new Intl.NumberFormat(lang);

  useEffect(() => {
    const url = URL.createObjectURL(new Blob([csvTemplate()], { type: 'text/csv' }));
    setTemplate(url);
    return () => URL.revokeObjectURL(url);
  }, []);

  useEffect(() => {
    if (state.status === 'done') reportHeading.current?.focus();
  }, [state.status]);

  const choose = (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    setFile(chosen);
    setState(importTypeOf(chosen) ? { status: 'idle' } : { status: 'failed', code: 'IMPORT_FORMAT_UNKNOWN' });
  };

  const start = async () => {
    const type = file && importTypeOf(file);
    if (!file || !type) return;
    const format = type === 'text/csv' ? 'csv' : 'jsonl';
    setState({ status: 'sending', sent: 0, rows: 0, total: 0 });
    try {
      const total = await countRows(file, format);
      setState({ status: 'sending', sent: 0, rows: 0, total });
      const update = (change: Partial<{ sent: number; rows: number }>) =>
        setState((previous) => (previous.status === 'sending' ? { ...previous, ...change } : previous));
      const report = await importCatalog(file, type, {
        onSent: (sent) => update({ sent }),
        onRows: (rows) => update({ rows }),
      });
      setState({ status: 'done', report });
    } catch (error) {
      const reason =
        error instanceof DetailedApiError ? (error.details as { reason?: unknown } | undefined)?.reason : null;
      setState({
        status: 'failed',
        code: isApiError(error) ? error.code : 'NETWORK_ERROR',
        ...(typeof reason === 'string' ? { reason } : {}),
      });
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  };

  const sending = state.status === 'sending';

  return (
    <section className="portal" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('portal.import.title')}</h1>
      <div className="card portal-section">
        <p>{t('portal.import.intro')}</p>
        <p>
          {template && (
            <a href={template} download="verity-products.csv">
              {t('portal.import.template')}
            </a>
          )}
        </p>
        <p className="hint">{t('portal.import.columns')}</p>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <p>{t('portal.import.drop')}</p>
          <button type="button" className="button" disabled={sending} onClick={() => input.current?.click()}>
            {t('portal.import.choose')}
          </button>
          <input
            ref={input}
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            hidden
            data-testid="import-input"
            onChange={(event) => {
              choose(event.target.files);
              event.target.value = '';
            }}
          />
          {file && (
            <p>
              {t('portal.import.chosen', {
                name: file.name,
                size: new Intl.NumberFormat(lang, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(
                  file.size / 1000,
                ),
              })}
            </p>
          )}
        </div>
        <p>
          <button
            type="button"
            className="button primary"
            disabled={!file || sending || !importTypeOf(file)}
            onClick={() => void start()}
          >
            {t('portal.import.start')}
          </button>
        </p>
        {(sending || state.status === 'done') && (
          <ImportProgress
            {...(state.status === 'sending'
              ? { sent: state.sent, rows: state.rows, total: state.total }
              : { sent: 1, rows: state.report.rows, total: state.report.rows })}
          />
        )}
        <div role="status" className="visually-hidden">
          {sending ? t('portal.import.sending') : state.status === 'done' ? t('portal.import.finished') : ''}
        </div>
        {state.status === 'failed' && (
          <p className="alert" role="alert">
            {errorMessage(i18n, state.code)}
            {state.reason && (
              <>
                {' '}
                <code>{state.reason}</code>
              </>
            )}
          </p>
        )}
      </div>

      {state.status === 'done' && (
        <section className="card portal-section" aria-labelledby={`${id}-report`}>
          <h2 id={`${id}-report`} ref={reportHeading} tabIndex={-1}>
            {t('portal.import.reportTitle')}
          </h2>
          <dl className="import-counts">
            <div>
              <dt>{t('portal.import.rows')}</dt>
              <dd>{number.format(state.report.rows)}</dd>
            </div>
            <div>
              <dt>{t('portal.import.created')}</dt>
              <dd>{number.format(state.report.created)}</dd>
            </div>
            <div>
              <dt>{t('portal.import.updated')}</dt>
              <dd>{number.format(state.report.updated)}</dd>
            </div>
            <div>
              <dt>{t('portal.import.failed')}</dt>
              <dd>{number.format(state.report.failed)}</dd>
            </div>
          </dl>
          {state.report.failed === 0 ? (
            <p className="valid">
              <span aria-hidden="true">✓</span> {t('portal.import.allImported')}{' '}
              <Link to="/portal/products">{t('portal.import.seeProducts')}</Link>
            </p>
          ) : (
            <>
              {state.report.errors.length < state.report.failed && (
                <p className="notice">{t('portal.import.errorsCapped', { count: state.report.errors.length })}</p>
              )}
              <div className="table-scroll" role="region" aria-labelledby={`${id}-errors`} tabIndex={0}>
                <table className="data-table">
                  <caption id={`${id}-errors`}>{t('portal.import.errorsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('portal.import.row')}</th>
                      <th scope="col">{t('portal.import.reference')}</th>
                      <th scope="col">{t('portal.import.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.report.errors.map((error, index) => (
                      <tr key={index}>
                        <th scope="row" data-label={t('portal.import.row')}>
                          {number.format(error.row)}
                        </th>
                        <td data-label={t('portal.import.reference')}>{error.reference ?? '—'}</td>
                        <td data-label={t('portal.import.reason')}>
                          {errorMessage(i18n, error.code)}
                          {error.field && (
                            <>
                              {' '}
                              <span className="muted">
                                {t('portal.import.field')} <code>{error.field}</code>
                              </span>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
    </section>
  );
}
