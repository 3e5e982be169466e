import type { AreaProps } from '../../lib/area';

/** The screens at /cases/*. (Being built: this placeholder only shows the route is wired.) */
export default function CasesArea({ path }: AreaProps) {
  return <p className="muted">{path}</p>;
}
