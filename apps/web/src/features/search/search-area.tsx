import type { AreaProps } from '../../lib/area';

/** The screens at /search. (Being built: this placeholder only shows the route is wired.) */
export default function SearchArea({ path }: AreaProps) {
  return <p className="muted">{path}</p>;
}
