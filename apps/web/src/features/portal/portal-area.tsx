import type { AreaProps } from '../../lib/area';
import { useI18n } from '../../lib/i18n';
import { Link, matchPath } from '../../lib/router';
import './portal.css';
import { AlertEditorScreen } from './screens/alert-editor-screen';
import { AlertsScreen } from './screens/alerts-screen';
import { BrandsScreen } from './screens/brands-screen';
import { ImportScreen } from './screens/import-screen';
import { PreviewScreen } from './screens/preview-screen';
import { ProductEditorScreen } from './screens/product-editor-screen';
import { ProductsScreen } from './screens/products-screen';

/** The right holder's screens at /portal/*: products, their editor and preview, brands, import, risk alerts. */
export default function PortalArea({ path, query }: AreaProps) {
  const { t } = useI18n();
  if (path === '/portal' || path === '/portal/' || matchPath('/portal/products', path))
    return <ProductsScreen query={query} />;
  const preview = matchPath('/portal/products/:id/preview', path);
  if (preview) return <PreviewScreen productId={preview.id!} />;
  // New and existing products share one editor instance: after the first save the address
  // becomes the product's, and the editor keeps its state (and photos waiting to upload).
  const product = matchPath('/portal/products/:id', path);
  if (product) return <ProductEditorScreen productId={product.id === 'new' ? null : product.id!} />;
  if (matchPath('/portal/brands', path)) return <BrandsScreen />;
  if (matchPath('/portal/alerts', path)) return <AlertsScreen />;
  const alert = matchPath('/portal/alerts/:id', path);
  if (alert) return <AlertEditorScreen alertId={alert.id === 'new' ? null : alert.id!} />;
  if (matchPath('/portal/import', path)) return <ImportScreen />;
  return (
    <section className="card">
      <h1>{t('app.pageNotFound')}</h1>
      <Link to="/portal/products">{t('portal.products.title')}</Link>
    </section>
  );
}
