import type { ProductSheet } from '@verity/contract';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../lib/i18n';
import './photo-zoom.css';

/** What the zoom needs of a picture (a product's photo, an alert's picture). */
type Image = Pick<ProductSheet['images'][number], 'url' | 'thumbnailUrl' | 'width' | 'height'>;

/**
 * A photo at full size in a modal <dialog>: the browser keeps keyboard focus inside it, closes
 * it on Escape and gives focus back to the thumbnail that opened it.
 */
export function PhotoZoom({ image, label, onClose }: { image: Image; label: string; onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    return () => element.close();
  }, []);

  return (
    <dialog ref={dialog} className="photo-zoom" aria-label={label} onClose={onClose}>
      <form method="dialog" className="photo-zoom-bar">
        <p className="photo-zoom-title">{label}</p>
        <button className="button" autoFocus>
          {t('sheet.photos.close')}
        </button>
      </form>
      <img src={image.url} alt={label} width={image.width} height={image.height} />
    </dialog>
  );
}

/** A tappable thumbnail that opens the photo at full size. */
export function PhotoThumb<T extends Image>({
  image,
  label,
  onOpen,
}: {
  image: T;
  label: string;
  onOpen: (image: T) => void;
}) {
  const { t } = useI18n();
  return (
    <button type="button" className="photo-thumb" onClick={() => onOpen(image)}>
      <img src={image.thumbnailUrl} alt={label} width={96} height={96} loading="lazy" />
      <span className="visually-hidden">{t('sheet.photos.zoom')}</span>
    </button>
  );
}
