import type { AreaProps } from '../../lib/area';

/** The screens at /products/:id. (Being built: this placeholder only shows the route is wired.) */
export default function ProductArea({ path }: AreaProps) {
  return <p className="muted">{path}</p>;
}
