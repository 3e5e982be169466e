import type { NotificationEvent, Webhook, WebhookCreated } from '@verity/contract';
import { notificationEvents, webhookManagerRoles } from '@verity/contract/values';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useAppContext } from '../../../lib/app-context';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { createWebhook, deleteWebhook, listWebhooks } from '../api';
import { eventKey, eventsFor } from '../notification-text';

/** An organisation's webhooks (its administrators): add a URL and events (the secret shows once), list, delete. */
export function WebhooksScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { me } = useAppContext();
  const [items, setItems] = useState<Webhook[] | null>(null);
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLElement>(null);
  const title = t('notifications.webhooks.title');
  useDocumentTitle(title);
  const allowed = webhookManagerRoles.includes(me.membership.role);

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    listWebhooks(controller.signal).then(
      (answer) => setItems(answer.items),
      (error: unknown) => {
        if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      },
    );
    return () => controller.abort();
  }, [allowed]);

  useEffect(() => {
    if (created) secretRef.current?.focus();
  }, [created]);

  if (!allowed)
    return (
      <p className="alert" role="alert">
        {errorMessage(i18n, 'FORBIDDEN')}
      </p>
    );

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const events = form.getAll('events').map(String) as NotificationEvent[];
    setProblem(null);
    setStatus('');
    if (events.length === 0) {
      setProblem('WEBHOOK_EVENTS_REQUIRED');
      return;
    }
    setBusy(true);
    try {
      const hook = await createWebhook({ url: String(form.get('url') ?? '').trim(), events });
      setCreated(hook);
      setItems((shown) => [...(shown ?? []), hook]);
      formElement.reset();
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (hook: Webhook) => {
    if (!window.confirm(t('notifications.webhooks.confirmDelete', { url: hook.url }))) return;
    setBusy(true);
    setProblem(null);
    try {
      await deleteWebhook(hook.id);
      setItems((shown) => shown?.filter((h) => h.id !== hook.id) ?? null);
      if (created?.id === hook.id) setCreated(null);
      setStatus(t('notifications.webhooks.deleted', { url: hook.url }));
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setBusy(false);
    }
  };

  const eventName = (e: NotificationEvent) => t(`notifications.eventNames.${eventKey(e)}`);
  const problemText =
    problem === 'WEBHOOK_EVENTS_REQUIRED'
      ? t('notifications.webhooks.eventsRequired')
      : problem && errorMessage(i18n, problem);

  return (
    <section className="notifications" aria-labelledby={`${id}-title`}>
      <p>
        <Link to="/notifications">{t('notifications.back')}</Link>
      </p>
      <h1 id={`${id}-title`}>{title}</h1>
      <p>{t('notifications.webhooks.explain')}</p>
      {problemText && (
        <p className="alert" role="alert">
          {problemText}
        </p>
      )}
      <p role="status" className="notification-status">
        {status}
      </p>
      {created && (
        <section className="card webhook-secret" tabIndex={-1} ref={secretRef} aria-labelledby={`${id}-secret`}>
          <h2 id={`${id}-secret`}>{t('notifications.webhooks.secretTitle')}</h2>
          <p>{t('notifications.webhooks.secretOnce')}</p>
          <p>
            <code className="secret">{created.secret}</code>
          </p>
          <button type="button" className="button" onClick={() => setCreated(null)}>
            {t('notifications.webhooks.secretDone')}
          </button>
        </section>
      )}
      <form className="card webhook-form" onSubmit={(e) => void add(e)} aria-labelledby={`${id}-add`}>
        <h2 id={`${id}-add`}>{t('notifications.webhooks.add')}</h2>
        <label>
          {t('notifications.webhooks.url')}
          <input
            name="url"
            type="url"
            required
            inputMode="url"
            placeholder="https://"
            aria-describedby={`${id}-url-hint`}
          />
          <span id={`${id}-url-hint`} className="hint">
            {t('notifications.webhooks.urlHint')}
          </span>
        </label>
        <fieldset>
          <legend>{t('notifications.webhooks.events')}</legend>
          {eventsFor(me.membership.role, notificationEvents).map((e) => (
            <label key={e} className="case-check">
              <input type="checkbox" name="events" value={e} /> {eventName(e)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary" disabled={busy}>
          {t('notifications.webhooks.create')}
        </button>
      </form>
      {items === null && !problem && <p className="muted">{t('app.loading')}</p>}
      {items?.length === 0 && <p className="empty">{t('notifications.webhooks.none')}</p>}
      {items && items.length > 0 && (
        <ul className="notification-list">
          {items.map((hook) => (
            <li key={hook.id} className="card">
              <p>
                <code>{hook.url}</code>
              </p>
              <p className="muted">{hook.events.map(eventName).join(', ')}</p>
              <p className="muted">
                {t('notifications.webhooks.deliveries', {
                  pending: hook.pendingDeliveries,
                  failed: hook.failedDeliveries,
                })}
              </p>
              <button type="button" className="button" onClick={() => void remove(hook)} disabled={busy}>
                {t('notifications.webhooks.delete')}
                <span className="visually-hidden">: {hook.url}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
