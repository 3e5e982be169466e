import type { Notification } from '@verity/contract';
import { webhookManagerRoles } from '@verity/contract/values';
import { useEffect, useId, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useAppContext } from '../../../lib/app-context';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { listNotifications, markRead } from '../api';
import { NOTIFICATION_EVENT, UNREAD_EVENT } from '../notification-bell';
import { notificationText } from '../notification-text';

/** My notifications, newest first: each links to its case; mark one or all read. New ones arrive live. */
export function NotificationListScreen() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const { me } = useAppContext();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = t('notifications.title');
  useDocumentTitle(title);

  useEffect(() => {
    const controller = new AbortController();
    listNotifications({}, controller.signal).then(
      (page) => {
        setItems(page.items);
        setUnread(page.unread);
        setCursor(page.nextCursor);
      },
      (error: unknown) => {
        if (!isAbort(error)) setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      },
    );
    return () => controller.abort();
  }, []);

  // Live: what the header's stream brings is added at the top.
  useEffect(() => {
    const added = (event: Event) => {
      const n = (event as CustomEvent<Notification>).detail;
      setItems((shown) => (shown && !shown.some((s) => s.id === n.id) ? [n, ...shown] : shown));
    };
    // The count as the server tells it (read on another device, say).
    const counted = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    window.addEventListener(NOTIFICATION_EVENT, added);
    window.addEventListener(UNREAD_EVENT, counted);
    return () => {
      window.removeEventListener(NOTIFICATION_EVENT, added);
      window.removeEventListener(UNREAD_EVENT, counted);
    };
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setBusy(false);
    }
  };
  const readOne = (n: Notification) =>
    act(async () => {
      const result = await markRead({ ids: [n.id] });
      setUnread(result.unread);
      const now = new Date().toISOString();
      setItems((shown) => shown?.map((s) => (s.id === n.id ? { ...s, readAt: s.readAt ?? now } : s)) ?? null);
    });
  const readAll = () =>
    act(async () => {
      const result = await markRead({ all: true });
      setUnread(result.unread);
      const now = new Date().toISOString();
      setItems((shown) => shown?.map((s) => ({ ...s, readAt: s.readAt ?? now })) ?? null);
    });
  const loadMore = () =>
    act(async () => {
      const page = await listNotifications({ cursor });
      setItems((shown) => [...(shown ?? []), ...page.items]);
      setCursor(page.nextCursor);
    });

  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const managesWebhooks = webhookManagerRoles.includes(me.membership.role);

  return (
    <section className="notifications" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      <p className="notification-links">
        <Link to="/notifications/preferences">{t('notifications.preferencesLink')}</Link>
        {managesWebhooks && (
          <>
            {' · '}
            <Link to="/notifications/webhooks">{t('notifications.webhooksLink')}</Link>
          </>
        )}
      </p>
      <p role="status">{items && t('notifications.unreadCount', { count: unread })}</p>
      {unread > 0 && (
        <button type="button" className="button" onClick={() => void readAll()} disabled={busy}>
          {t('notifications.markAllRead')}
        </button>
      )}
      {problem && (
        <p className="alert" role="alert">
          {errorMessage(i18n, problem)}
        </p>
      )}
      {items === null && !problem && <p className="muted">{t('app.loading')}</p>}
      {items?.length === 0 && <p className="empty">{t('notifications.none')}</p>}
      {items && items.length > 0 && (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={`card notification-item${n.readAt ? '' : ' unread'}`}>
              <p>
                {!n.readAt && <span className="badge">{t('notifications.new')}</span>}{' '}
                {n.case ? (
                  <Link to={`/cases/${n.case.id}`}>{notificationText(i18n, n)}</Link>
                ) : (
                  notificationText(i18n, n)
                )}
              </p>
              <p className="muted">
                <time dateTime={n.createdAt}>{when.format(new Date(n.createdAt))}</time>
              </p>
              {!n.readAt && (
                <button type="button" className="button small" onClick={() => void readOne(n)} disabled={busy}>
                  {t('notifications.markRead')}
                  <span className="visually-hidden">: {notificationText(i18n, n)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void loadMore()} disabled={busy}>
          {busy ? t('app.loading') : t('notifications.loadMore')}
        </button>
      )}
    </section>
  );
}
