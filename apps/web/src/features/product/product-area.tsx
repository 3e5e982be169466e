import type { AreaProps } from '../../lib/area';
import { matchPath } from '../../lib/router';
import { ProductScreen } from './product-screen';
import './product.css';

/** The screens at /products/:id: one product sheet. */
export default function ProductArea({ path }: AreaProps) {
  const id = matchPath('/products/:id', path)?.id;
  return id ? <ProductScreen key={id} productId={id} /> : null;
}
