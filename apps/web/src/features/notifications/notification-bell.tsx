import type { Notification } from '@verity/contract';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { STREAM_URL } from './api';
import { notificationText } from './notification-text';
import './notification-bell.css';

/** Fired on window for each notification the stream brings (the list screen adds it live). */
export const NOTIFICATION_EVENT = 'verity:notification';
/** Fired on window with the unread count whenever the stream tells it. */
export const UNREAD_EVENT = 'verity:unread';

/**
 * The bell in the header: the unread count, live through the server-sent event stream (the
 * browser reconnects by itself and resumes with Last-Event-ID; a refused stream is retried
 * after a while). New notifications are read out politely by screen readers. Small on purpose:
 * it is in the main chunk; the screens load when opened.
 */
export function NotificationBell() {
  const i18n = useI18n();
  const { t } = i18n;
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;
  const [unread, setUnread] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource(STREAM_URL);
      source.addEventListener('unread', (event) => {
        const count = (JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread;
        setUnread(count);
        window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: count }));
      });
      source.addEventListener('notification', (event) => {
        const notification = JSON.parse((event as MessageEvent<string>).data) as Notification;
        setAnnouncement(notificationText(i18nRef.current, notification));
        window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT, { detail: notification }));
      });
      source.onerror = () => {
        // CONNECTING: the browser retries by itself. CLOSED: the server refused; try again later.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, 15_000);
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, []);

  return (
    <>
      <Link
        to="/notifications"
        className="notification-bell"
        aria-label={unread > 0 ? t('notifications.bell.unread', { count: unread }) : t('notifications.bell.none')}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 && (
          <span className="notification-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
