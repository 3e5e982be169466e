import type { AreaProps } from '../../lib/area';
import { matchPath } from '../../lib/router';
import { AcceptInvitationScreen } from './screens/accept-invitation-screen';
import './admin.css';

/** /invite/:token, for people not signed in: accept an invitation by choosing a password. */
export default function InvitationArea({ path }: AreaProps) {
  const token = matchPath('/invite/:token', path)?.token ?? '';
  return <AcceptInvitationScreen key={token} token={token} />;
}
