import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { deleteImage, uploadImage, type ProductImage } from '../api';

/** What the server accepts (images.service.ts judges the bytes; this only saves a useless upload). */
const acceptedTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/heif'];

interface Upload {
  key: number;
  file: File;
  preview: string;
  state: 'waiting' | 'uploading' | 'failed';
  progress: number;
  code?: string;
}

/** Where the photos are stored: a product's by default, or another owner's (a risk alert's). */
export interface PhotoStore<T> {
  upload: (ownerId: string, file: File, onProgress: (fraction: number) => void) => Promise<T>;
  remove: (ownerId: string, imageId: string) => Promise<unknown>;
}
const productPhotos: PhotoStore<ProductImage> = { upload: uploadImage, remove: deleteImage };

interface Props<T> {
  /** Null until the product is first saved: photos chosen before wait and go right after. */
  productId: string | null;
  images: T[];
  onUploaded: (image: T) => void;
  onDeleted: (imageId: string) => void;
  /** Unset: the product's photos. */
  store?: PhotoStore<T>;
  /** Unset: “Photos” (portal.photos.title). */
  title?: string;
}

let uploadKey = 0;

/** Drop or choose photos; each shows its preview at once, then its progress, then the stored thumbnail. */
export function PhotosEditor<T extends { id: string; thumbnailUrl: string }>({
  productId,
  images,
  onUploaded,
  onDeleted,
  // Left unset only by the product editor, whose T is ProductImage.
  store = productPhotos as unknown as PhotoStore<T>,
  title,
}: Props<T>) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const previews = useRef(new Set<string>());

  const patch = (key: number, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const start = (target: string, upload: Upload) => {
    patch(upload.key, { state: 'uploading', progress: 0, code: undefined });
    store
      .upload(target, upload.file, (progress) => patch(upload.key, { progress }))
      .then((image) => {
        onUploaded(image);
        URL.revokeObjectURL(upload.preview);
        previews.current.delete(upload.preview);
        setUploads((all) => all.filter((u) => u.key !== upload.key));
      })
      .catch((error: unknown) =>
        patch(upload.key, { state: 'failed', code: isApiError(error) ? error.code : 'NETWORK_ERROR' }),
      );
  };

  // Photos chosen before the first save go as soon as the product has an id.
  useEffect(() => {
    if (!productId) return;
    for (const upload of uploads) if (upload.state === 'waiting') start(productId, upload);
    // Only the arrival of an id starts the waiting ones; later ones start when added.
  }, [productId]);

  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const add = (files: FileList | null) => {
    if (!files) return;
    const added = [...files].map((file): Upload => {
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      const allowed = acceptedTypes.includes(file.type);
      return {
        key: ++uploadKey,
        file,
        preview,
        state: allowed ? 'waiting' : 'failed',
        progress: 0,
        code: allowed ? undefined : 'IMAGE_TYPE_NOT_ALLOWED',
      };
    });
    setUploads((all) => [...all, ...added]);
    if (productId) for (const upload of added) if (upload.state === 'waiting') start(productId, upload);
  };

  const dismiss = (upload: Upload) => {
    URL.revokeObjectURL(upload.preview);
    previews.current.delete(upload.preview);
    setUploads((all) => all.filter((u) => u.key !== upload.key));
  };

  const remove = async (image: T, number: number) => {
    if (!productId || !window.confirm(t('portal.photos.confirmDelete', { number }))) return;
    setDeleteError(null);
    try {
      await store.remove(productId, image.id);
      onDeleted(image.id);
    } catch (error) {
      setDeleteError(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    add(event.dataTransfer.files);
  };

  const busy = uploads.filter((u) => u.state === 'uploading').length;

  return (
    <section className="card portal-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title ?? t('portal.photos.title')}</h2>
      {!productId && <p className="notice">{t('portal.photos.afterSave')}</p>}
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>{t('portal.photos.drop')}</p>
        <button type="button" className="button" onClick={() => input.current?.click()}>
          {t('portal.photos.choose')}
        </button>
        <p className="hint">{t('portal.photos.formats')}</p>
        <input
          ref={input}
          type="file"
          accept={acceptedTypes.join(',')}
          multiple
          hidden
          data-testid="photo-input"
          onChange={(event) => {
            add(event.target.files);
            event.target.value = ''; // the same file can be chosen again after a failure
          }}
        />
      </div>
      <p className="visually-hidden" role="status">
        {busy > 0 ? t('portal.photos.uploading', { count: busy }) : ''}
      </p>
      {deleteError && <p className="alert">{deleteError}</p>}
      <ul className="photo-grid">
        {images.map((image, index) => (
          <li key={image.id} className="photo">
            <img
              src={image.thumbnailUrl}
              alt={t('portal.photos.photoAlt', { number: index + 1 })}
              width={120}
              height={120}
              loading="lazy"
            />
            <button type="button" className="button" onClick={() => void remove(image, index + 1)}>
              {t('portal.photos.delete')}
              <span className="visually-hidden"> {t('portal.photos.photoAlt', { number: index + 1 })}</span>
            </button>
          </li>
        ))}
        {uploads.map((upload) => (
          <li key={upload.key} className="photo pending" aria-busy={upload.state === 'uploading'}>
            <img src={upload.preview} alt={upload.file.name} width={120} height={120} />
            {upload.state === 'waiting' && <p className="hint">{t('portal.photos.waiting')}</p>}
            {upload.state === 'uploading' && (
              <progress
                max={1}
                value={upload.progress}
                aria-label={t('portal.photos.progressOf', { name: upload.file.name })}
              />
            )}
            {upload.state === 'failed' && (
              <>
                <p className="invalid">{errorMessage(i18n, upload.code ?? 'UNKNOWN')}</p>
                <button type="button" className="button" onClick={() => dismiss(upload)}>
                  {t('portal.photos.dismiss')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
