import type { AreaProps } from '../../lib/area';

/** The screens at /admin/*. (Being built: this placeholder only shows the route is wired.) */
export default function AdminArea({ path }: AreaProps) {
  return <p className="muted">{path}</p>;
}
