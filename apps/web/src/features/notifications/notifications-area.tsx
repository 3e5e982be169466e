import type { AreaProps } from '../../lib/area';
import { matchPath } from '../../lib/router';
import { NotificationListScreen } from './screens/notification-list-screen';
import { PreferencesScreen } from './screens/preferences-screen';
import { WebhooksScreen } from './screens/webhooks-screen';
import './notifications.css';

/** The screens at /notifications/*: the list, my preferences, the organisation's webhooks. */
export default function NotificationsArea({ path }: AreaProps) {
  if (matchPath('/notifications/preferences', path)) return <PreferencesScreen />;
  if (matchPath('/notifications/webhooks', path)) return <WebhooksScreen />;
  if (matchPath('/notifications', path)) return <NotificationListScreen />;
  return null;
}
