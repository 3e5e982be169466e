import type { AlertImage } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { processImage } from '../platform/images';
import { authorizeOn, type Actor } from '../platform/policy';
import * as q from './alerts.queries';
import { presentImage, type AlertsService } from './alerts.service';

/** Enough to show a fake and its packaging; an alert is not a photo album. */
export const MAX_ALERT_IMAGES = 10;

/**
 * Pictures of risk alerts (e.g. a seized fake): the right holder adds and removes them; whoever
 * may read the alert (its right holder, officers of the targeted countries while it is in
 * force, the secretariat) reads them through the alert's own routes.
 */
export function createAlertImagesService({ db, alerts }: { db: Db; alerts: AlertsService }) {
  async function alertForWrite(actor: Actor, alertId: string) {
    const owner = await q.findAlertOwner(db, alertId);
    authorizeOn(actor, 'alert.write', owner, 'ALERT_NOT_FOUND');
    return owner;
  }

  /** Judged by its bytes and re-encoded (platform/images.ts): no EXIF or GPS survives. */
  async function addImage(actor: Actor, alertId: string, readUpload: () => Promise<Buffer>): Promise<AlertImage> {
    // Authorize before reading the upload: a caller who may not write learns nothing from its body.
    const owner = await alertForWrite(actor, alertId);
    if ((await q.imageSlots(db, alertId)).count >= MAX_ALERT_IMAGES)
      throw new AppError('ALERT_IMAGE_LIMIT', { max: MAX_ALERT_IMAGES });
    const image = await processImage(await readUpload());
    const row = await q.insertAlertImage(db, owner.organisationId, {
      alertId,
      ...image,
      position: (await q.imageSlots(db, alertId)).next,
    });
    return presentImage(alertId, row);
  }

  async function deleteImage(actor: Actor, alertId: string, imageId: string) {
    await alertForWrite(actor, alertId);
    const image = await q.findAlertImage(db, alertId, imageId);
    if (!image) throw new AppError('IMAGE_NOT_FOUND');
    await q.deleteAlertImage(db, image);
    return { deleted: true as const };
  }

  /** The picture (or its thumbnail), if the actor may read the alert: otherwise the alert is not found. */
  async function readImage(actor: Actor, alertId: string, imageId: string, size: 'full' | 'thumbnail') {
    await alerts.readAlert(actor, alertId);
    const image = await q.findAlertImage(db, alertId, imageId);
    const file = image && (await q.readFile(db, size === 'full' ? image.fileId : image.thumbnailFileId));
    if (!file) throw new AppError('IMAGE_NOT_FOUND');
    return file;
  }

  return { addImage, deleteImage, readImage };
}
export type AlertImagesService = ReturnType<typeof createAlertImagesService>;
