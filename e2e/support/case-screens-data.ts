import sharp from 'sharp';
import { expect } from 'vitest';
import type { APIRequestContext } from 'playwright-core';

/**
 * Cases, messages, pictures and a webhook for the screens of cases and notifications, made through
 * the API on the demo data (for the every-screen and keyboard journeys).
 */
export interface CaseScreensData {
  /** Submitted, with a photo of its line, a message to the right holder and a note among customs. */
  submittedId: string;
  /** A draft with a photo. */
  draftId: string;
  /** The demo's risk alert, with a picture. */
  alertId: string;
}

/** A small photo (a few kB: one chunk of an upload). */
const photo = await sharp({
  create: { width: 640, height: 480, channels: 3, background: { r: 150, g: 90, b: 40 } },
})
  .jpeg()
  .toBuffer();

export const OFFICER_MESSAGE = 'Is the crown engraved on yours?';

/**
 * Through the API (each request context signed in as its demo user), as the officer and the right
 * holder would: a case with a photo of its line, submitted (the right holder is notified), its
 * deadline moved, a message with an attachment to the right holder and a note among customs; a
 * draft with a photo; a picture on the demo's risk alert; a webhook with a long address.
 */
export async function makeCaseScreensData(
  base: string,
  officer: APIRequestContext,
  rightHolder: APIRequestContext,
): Promise<CaseScreensData> {
  const ok = async <T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> => {
    expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  const found = await ok<{ products: { id: string }[] }>(
    await officer.post(`${base}/api/v1/identify`, { data: { input: '3790000000014' } }),
  );
  const productId = found.products[0]!.id;

  /** An upload of the photo to a case, complete (one chunk). */
  const uploaded = async (caseId: string, name: string) => {
    const upload = await ok<{ id: string }>(
      await officer.post(`${base}/api/v1/cases/${caseId}/uploads`, {
        data: { name, contentType: 'image/jpeg', size: photo.length },
      }),
    );
    await ok(
      await officer.patch(`${base}/api/v1/uploads/${upload.id}`, {
        headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
        data: photo,
      }),
    );
    return upload.id;
  };
  // Long unbroken words, as real declarations, names and links have: they must wrap on a phone.
  const shipment = {
    declarationReference: '26FR000000000012345678901234567890',
    transportMode: 'sea',
    transportId: 'MSCU1234567/MSCU7654321/MSCU1111111',
    portOrOffice: 'Le Havre – Terminal de France',
    originCountry: 'CN',
    consignor: 'ShenzhenGlobalTradingImportExportCompanyLimited-WarehouseNo12',
    consignee: 'Société Anonyme de Distribution d’Accessoires de Mode',
    goodsDescription: 'FASHIONACCESSORIES/WATCHES/STRAPS/BOXES',
    goodsLocation: 'Le Havre, bonded warehouse 4',
    assessment: 'Crowns with 10 printed rays, as in the right holder’s alert.',
  };
  const caseWithPhoto = async () => {
    const made = await ok<{ id: string; lines: { id: string }[] }>(
      await officer.post(`${base}/api/v1/cases`, { data: { ...shipment, lines: [{ productId, quantity: 40 }] } }),
    );
    const uploadId = await uploaded(made.id, 'IMG_0001.jpg');
    await ok(
      await officer.post(`${base}/api/v1/cases/${made.id}/photos`, {
        data: { uploadId, lineId: made.lines[0]!.id },
      }),
    );
    return made.id;
  };

  const submittedId = await caseWithPhoto();
  await ok(await officer.post(`${base}/api/v1/cases/${submittedId}/submit`));
  await ok(
    await officer.put(`${base}/api/v1/cases/${submittedId}/deadline`, {
      data: {
        responseDeadline: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
        reason: 'Asked for in LUMIERE-LEGAL-2026-11-23-FR-2026-000001-EXTENSION-REQUEST',
      },
    }),
  );
  const { channels } = await ok<{ channels: { channel: string; rightHolder: unknown }[] }>(
    await officer.get(`${base}/api/v1/cases/${submittedId}/conversations`),
  );
  const toRightHolder = channels.find((c) => c.rightHolder)!.channel;
  await ok(
    await officer.post(`${base}/api/v1/cases/${submittedId}/messages`, {
      data: {
        channel: toRightHolder,
        body: `${OFFICER_MESSAGE} See https://douane.gouv.fr/dossiers/FR-2026-000001/photos/IMG_0001-full-resolution.jpg`,
        attachmentUploadIds: [
          await uploaded(submittedId, 'IMG_20261123_154102_HDR_crown_close_up_from_the_container.jpg'),
        ],
      },
    }),
  );
  await ok(
    await officer.post(`${base}/api/v1/cases/${submittedId}/messages`, {
      data: { channel: 'customs', body: 'Customs only: ask Spain about the consignor' },
    }),
  );
  const draftId = await caseWithPhoto();

  const alerts = await ok<{ items: { id: string }[] }>(await rightHolder.get(`${base}/api/v1/alerts`));
  const alertId = alerts.items[0]!.id;
  await ok(
    await rightHolder.post(`${base}/api/v1/alerts/${alertId}/images`, {
      multipart: { file: { name: 'seized.jpg', mimeType: 'image/jpeg', buffer: photo } },
    }),
  );
  await ok(
    await rightHolder.post(`${base}/api/v1/webhooks`, {
      data: {
        url: `http://localhost:9/integrations/verity/${'counterfeit-cases-'.repeat(6)}receiver`,
        events: ['case.submitted'],
      },
    }),
  );
  return { submittedId, draftId, alertId };
}
