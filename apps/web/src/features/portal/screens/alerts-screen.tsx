import type { Alert } from '@verity/contract';
import { useEffect, useId, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { deleteAlert, listOwnAlerts } from '../api';
import { displayNames } from '../../../shared/display-names';

/** The right holder's risk alerts: what each says, to whom, until when; new, change, withdraw. */
export function AlertsScreen() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const names = displayNames(lang);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });

  useEffect(() => {
    const controller = new AbortController();
    listOwnAlerts(controller.signal).then(
      (list) => setAlerts(list.items),
      (error: unknown) => setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR'),
    );
    return () => controller.abort();
  }, [reload]);

  const withdraw = async (alert: Alert) => {
    if (!window.confirm(t('portal.alerts.confirmWithdraw'))) return;
    try {
      await deleteAlert(alert.id);
      setReload((n) => n + 1);
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    }
  };

  return (
    <section className="portal" aria-labelledby={`${id}-title`}>
      <div className="editor-header">
        <h1 id={`${id}-title`}>{t('portal.alerts.title')}</h1>
        <Link className="button primary" to="/portal/alerts/new">
          {t('portal.alerts.new')}
        </Link>
      </div>
      <p className="hint">{t('portal.alerts.intro')}</p>
      {problem && (
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      )}
      {alerts === null && !problem && <p className="muted">{t('app.loading')}</p>}
      {alerts?.length === 0 && <p className="empty">{t('portal.alerts.none')}</p>}
      {alerts && alerts.length > 0 && (
        <ul className="card-list">
          {alerts.map((alert) => {
            const title = alert.title[lang] ?? alert.title[alert.defaultLanguage] ?? '';
            return (
              <li key={alert.id} className="card portal-section">
                <h2>
                  <Link to={`/portal/alerts/${alert.id}`}>{title}</Link>
                </h2>
                <p>
                  {alert.inForce ? t('portal.alerts.inForce') : t('portal.alerts.notInForce')} ·{' '}
                  {t('portal.alerts.period', {
                    from: date.format(new Date(alert.validFrom)),
                    until: date.format(new Date(alert.validUntil)),
                  })}
                </p>
                <p>{t('portal.alerts.to', { countries: names.list(alert.countries.map(names.country)) })}</p>
                <button type="button" className="button" onClick={() => void withdraw(alert)}>
                  {t('portal.alerts.withdraw')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
