import type { AreaProps } from '../../lib/area';
import { SearchScreen } from './search-screen';
import './search.css';

/** The screen at /search: what is searched lives in the URL (`q`, `brand`, `category`). */
export default function SearchArea({ query }: AreaProps) {
  return (
    <SearchScreen
      filters={{ q: query.get('q') ?? '', brand: query.get('brand') ?? '', category: query.get('category') ?? '' }}
    />
  );
}
