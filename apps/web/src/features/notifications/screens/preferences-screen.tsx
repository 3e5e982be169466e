import type { NotificationChannel, NotificationPreference } from '@verity/contract';
import { notificationChannels, notificationEvents } from '@verity/contract/values';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { readPreferences, savePreferences } from '../api';
import { eventKey, eventsFor } from '../notification-text';
import { useAppContext } from '../../../lib/app-context';
import { currentSubscription, disablePush, enablePush, pushSupported } from '../push';

/** What I receive: a table of events × channels (in-app, e-mail, push), and push on this device. */
export function PreferencesScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { me } = useAppContext();
  const [items, setItems] = useState<NotificationPreference[] | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pushOn, setPushOn] = useState<boolean | null>(null);
  const title = t('notifications.preferences.title');
  useDocumentTitle(title);

  useEffect(() => {
    const controller = new AbortController();
    readPreferences(controller.signal).then(
      (answer) => setItems(answer.items),
      (error: unknown) => {
        if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      },
    );
    currentSubscription().then(
      (s) => setPushOn(s !== null),
      () => setPushOn(false),
    );
    return () => controller.abort();
  }, []);

  const toggle = (event: string, channel: NotificationChannel, on: boolean) => {
    setStatus('');
    setItems((shown) => shown?.map((i) => (i.event === event ? { ...i, [channel]: on } : i)) ?? null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!items) return;
    setSaving(true);
    setProblem(null);
    try {
      setItems((await savePreferences(items)).items);
      setStatus(t('notifications.preferences.saved'));
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setSaving(false);
    }
  };

  const switchPush = async (on: boolean) => {
    setProblem(null);
    setStatus('');
    try {
      if (on) {
        const refused = await enablePush();
        if (refused) {
          setStatus(t(`notifications.push.${refused === 'denied' ? 'denied' : 'unsupported'}`));
          return;
        }
        setStatus(t('notifications.push.enabled'));
      } else {
        await disablePush();
        setStatus(t('notifications.push.disabled'));
      }
      setPushOn(on);
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    }
  };

  return (
    <section className="notifications" aria-labelledby={`${id}-title`}>
      <p>
        <Link to="/notifications">{t('notifications.back')}</Link>
      </p>
      <h1 id={`${id}-title`}>{title}</h1>
      {problem && (
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      )}
      <p role="status" className="notification-status">
        {status}
      </p>
      {items === null && !problem && <p className="muted">{t('app.loading')}</p>}
      {items && (
        <form onSubmit={(e) => void save(e)}>
          <div className="table-scroll">
            <table className="preferences-table">
              <caption>{t('notifications.preferences.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('notifications.preferences.event')}</th>
                  {notificationChannels.map((c) => (
                    <th scope="col" key={c}>
                      {t(`notifications.channels.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items
                  .filter((item) => eventsFor(me.membership.role, notificationEvents).includes(item.event))
                  .map((item) => {
                    const eventName = t(`notifications.eventNames.${eventKey(item.event)}`);
                    return (
                      <tr key={item.event}>
                        <th scope="row">{eventName}</th>
                        {notificationChannels.map((c) => (
                          <td key={c}>
                            <input
                              type="checkbox"
                              checked={item[c]}
                              onChange={(e) => toggle(item.event, c, e.target.checked)}
                              aria-label={`${eventName}: ${t(`notifications.channels.${c}`)}`}
                            />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? t('app.loading') : t('notifications.preferences.save')}
          </button>
        </form>
      )}
      <section className="card push-device" aria-labelledby={`${id}-push`}>
        <h2 id={`${id}-push`}>{t('notifications.push.title')}</h2>
        <p>{t('notifications.push.explain')}</p>
        {!pushSupported() ? (
          <p className="muted">{t('notifications.push.unsupported')}</p>
        ) : pushOn ? (
          <button type="button" className="button" onClick={() => void switchPush(false)}>
            {t('notifications.push.disable')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => void switchPush(true)}
            disabled={pushOn === null}
          >
            {t('notifications.push.enable')}
          </button>
        )}
      </section>
    </section>
  );
}
