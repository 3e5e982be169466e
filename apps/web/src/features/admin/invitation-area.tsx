import type { AreaProps } from '../../lib/area';

/** The screens at /invite/:token. (Being built: this placeholder only shows the route is wired.) */
export default function InvitationArea({ path }: AreaProps) {
  return <p className="muted">{path}</p>;
}
