import type { AreaProps } from '../../lib/area';

/** The screens at /portal/*. (Being built: this placeholder only shows the route is wired.) */
export default function PortalArea({ path }: AreaProps) {
  return <p className="muted">{path}</p>;
}
