import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { processImage } from '../platform/images';
import { authorizeOn, type Actor } from '../platform/policy';
import * as q from './catalog.queries';
import { productAsOwned } from './catalog.scope';
import * as images from './images.queries';
import { fileUrl } from './products.present';

export function createImagesService({
  db,
  changed,
  maxImageBytes,
}: {
  db: Db;
  changed: () => void;
  maxImageBytes: number;
}) {
  async function productForWrite(actor: Actor, productId: string) {
    const product = await q.findProductById(db, productId);
    authorizeOn(actor, 'catalog.write', productAsOwned(product), 'PRODUCT_NOT_FOUND');
    return product!;
  }

  /**
   * Stores a photo: checks it is an image by content, re-encodes it (which drops EXIF,
   * GPS and any embedded payload), applies the EXIF orientation, makes a thumbnail.
   */
  async function addImage(actor: Actor, productId: string, readUpload: () => Promise<Buffer>) {
    // Authorize before reading the upload: a caller who may not write learns nothing from its body.
    const product = await productForWrite(actor, productId);
    const upload = await readUpload();
    if (upload.length > maxImageBytes) throw new AppError('IMAGE_TOO_LARGE', { maxBytes: maxImageBytes });
    const processed = await processImage(upload);
    const contentType = processed.contentType;
    const image = await db.transaction(async (tx) => {
      const fileId = await images.insertFile(tx, {
        organisationId: product.organisationId,
        contentType,
        bytes: processed.data,
        size: processed.data.length,
      });
      const thumbnailFileId = await images.insertFile(tx, {
        organisationId: product.organisationId,
        contentType: processed.thumbnailContentType,
        bytes: processed.thumbnail,
        size: processed.thumbnail.length,
      });
      const row = await images.insertProductImage(tx, {
        productId,
        organisationId: product.organisationId,
        fileId,
        thumbnailFileId,
        width: processed.width,
        height: processed.height,
        contentType,
        position: await images.nextImagePosition(tx, productId),
      });
      await images.refreshProductThumbnail(tx, productId);
      return row;
    });
    changed(); // the product's thumbnail
    return {
      id: image.id,
      url: fileUrl(image.fileId),
      thumbnailUrl: fileUrl(image.thumbnailFileId),
      width: image.width,
      height: image.height,
      contentType,
    };
  }

  async function deleteImage(actor: Actor, productId: string, imageId: string) {
    const product = await productForWrite(actor, productId);
    const image = await images.findProductImage(db, productId, imageId);
    if (!image) throw new AppError('IMAGE_NOT_FOUND');
    await db.transaction(async (tx) => {
      await images.deleteProductImage(tx, imageId, [image.fileId, image.thumbnailFileId]);
      // Features that showed this image no longer point at it.
      const features = product.features.map((f) => ({ ...f, imageIds: f.imageIds.filter((id) => id !== imageId) }));
      await q.updateProduct(tx, productId, { features });
      await images.refreshProductThumbnail(tx, productId);
    });
    changed();
  }

  async function readFile(actor: Actor, fileId: string) {
    const file = await images.findFileWithOwner(db, fileId);
    authorizeOn(
      actor,
      'catalog.read',
      file && { organisationId: file.organisation_id, published: file.status === 'published' },
      'IMAGE_NOT_FOUND',
    );
    return { contentType: file!.content_type, bytes: file!.bytes };
  }

  return { addImage, deleteImage, readFile };
}
export type ImagesService = ReturnType<typeof createImagesService>;
