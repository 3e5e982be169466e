/**
 * What the shell gives each area (a lazily loaded group of screens under one path): the path
 * and query it was opened at. Areas route their own sub-paths with lib/router's matchPath.
 */
export interface AreaProps {
  path: string;
  query: URLSearchParams;
}
