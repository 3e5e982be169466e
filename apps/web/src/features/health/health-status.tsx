import { useEffect, useState } from 'react';
import { isAbort } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { fetchHealth, type Health } from './api';

type HealthState = { status: 'checking' } | { status: 'ok'; health: Health } | { status: 'down' };

/** One line saying whether the server answers, which database it runs on and its version. */
export function HealthStatus() {
  const { t } = useI18n();
  const [state, setState] = useState<HealthState>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    fetchHealth(controller.signal).then(
      (health) => setState({ status: 'ok', health }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'down' });
      },
    );
    return () => controller.abort();
  }, []);

  return (
    <p className="health" data-state={state.status} data-testid="health">
      <span className="health-dot" aria-hidden="true" />
      {state.status === 'checking' && t('health.checking')}
      {state.status === 'down' && t('health.down')}
      {state.status === 'ok' &&
        t('health.ok', {
          database: t(`health.database.${state.health.database}`),
          version: state.health.version,
        })}
    </p>
  );
}
