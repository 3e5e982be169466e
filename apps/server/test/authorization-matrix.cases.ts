/**
 * Rows of the authorization matrix (authorization-matrix.test.ts) for a case's uploads, photos,
 * files and conversations. `prepareCaseFiles` makes, for a world's submitted case, a photo, a
 * message with an attachment, and per uploader an upload of its own (only its owner may touch it).
 */
import { expect } from 'vitest';
import type { Role } from '@verity/contract';
import { pdfBytes, upload } from './case-uploads';
import { pngBytes } from './images';
import type { Session } from './test-app';

type Owner = 'own' | 'foreign';
interface CaseWorld {
  caseSubmitted: string;
}
export interface MatrixRow {
  method: string;
  route: string;
  url: (w: CaseWorld, s: Session) => string;
  body?: (w: CaseWorld, s: Session) => unknown;
  headers?: Record<string, string>;
  expected: (role: Role, owner: Owner) => number;
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
interface Prepared {
  rightHolder: string;
  photo: string;
  attachment: string;
  /** Per user: an upload started (for chunks) and a complete one (for a photo). */
  started: Map<string, string>;
  complete: Map<string, string>;
}
const prepared = new Map<string, Prepared>();
const of = (w: CaseWorld) => prepared.get(w.caseSubmitted)!;

const CUSTOMS: Role[] = ['officer', 'administration_admin'];
const RH: Role[] = ['right_holder_editor', 'right_holder_admin'];
/** Customs of the case and its right holder: `ok`; another tenant's case: not found; other roles: forbidden. */
const caseReader = (ok: number) => (role: Role, owner: Owner) =>
  CUSTOMS.includes(role) || RH.includes(role) ? (owner === 'own' ? ok : 404) : 403;
const caseCustoms = (ok: number) => (role: Role, owner: Owner) =>
  CUSTOMS.includes(role) ? (owner === 'own' ? ok : 404) : 403;

/**
 * `customs` opened the world's submitted case with a line of `rightHolder`'s; `uploaders` (the
 * matrix's sessions, for the own world) each start an upload and complete another.
 */
export async function prepareCaseFiles(w: CaseWorld, customs: Session, rightHolder: Session, uploaders: Session[]) {
  const caseId = w.caseSubmitted;
  const photo = await customs.request('POST', `/api/v1/cases/${caseId}/photos`, {
    uploadId: await upload(customs, caseId, pngBytes, { name: 'a.png', contentType: 'image/png' }),
  });
  expect(photo.statusCode, photo.body).toBe(201);
  const message = await customs.request('POST', `/api/v1/cases/${caseId}/messages`, {
    channel: rightHolder.organisationId,
    body: 'Matrix',
    attachmentUploadIds: [await upload(customs, caseId, pdfBytes, { name: 'a.pdf', contentType: 'application/pdf' })],
  });
  expect(message.statusCode, message.body).toBe(201);
  const started = new Map<string, string>();
  const complete = new Map<string, string>();
  for (const s of uploaders) {
    const start = await s.request('POST', `/api/v1/cases/${caseId}/uploads`, {
      name: 'a.png',
      contentType: 'image/png',
      size: pngBytes.length,
    });
    if (start.statusCode !== 201) continue; // a role that may not upload
    started.set(s.userId, start.json().id);
    complete.set(s.userId, await upload(s, caseId, pngBytes, { name: 'b.png', contentType: 'image/png' }));
  }
  // The foreign world: its customs' uploads, which nobody else may touch.
  if (uploaders.length === 0) {
    started.set('*', await upload(customs, caseId, pngBytes, { name: 'c.png', contentType: 'image/png', chunk: 10 }));
    complete.set('*', started.get('*')!);
  }
  prepared.set(caseId, {
    rightHolder: rightHolder.organisationId,
    photo: photo.json().id,
    attachment: message.json().attachments[0].id,
    started,
    complete,
  });
}

const uploadOf = (map: Map<string, string>, s: Session) => map.get(s.userId) ?? map.get('*') ?? UNKNOWN;

export const caseFilesRows: MatrixRow[] = [
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/uploads',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/uploads`,
    body: () => ({ name: 'm.png', contentType: 'image/png', size: 100 }),
    expected: caseReader(201),
  },
  // Only the user who started an upload reaches it: the foreign world's is another user's.
  {
    method: 'GET',
    route: '/api/v1/uploads/{id}',
    url: (w, s) => `/api/v1/uploads/${uploadOf(of(w).started, s)}`,
    expected: caseReader(200),
  },
  {
    method: 'PATCH',
    route: '/api/v1/uploads/{id}',
    url: (w, s) => `/api/v1/uploads/${uploadOf(of(w).started, s)}`,
    body: () => pngBytes.subarray(0, 10),
    headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    expected: caseReader(200),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/photos',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/photos`,
    body: (w, s) => ({ uploadId: uploadOf(of(w).complete, s) }),
    expected: caseCustoms(201),
  },
  // Allowed callers get past the policy to the rule that photos are deleted only in a draft.
  {
    method: 'DELETE',
    route: '/api/v1/cases/{id}/photos/{photoId}',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/photos/${of(w).photo}`,
    expected: caseCustoms(409),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/{id}/files/{fileId}',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/files/${of(w).photo}`,
    expected: caseReader(200),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/{id}/files/{fileId} (attachment)',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/files/${of(w).attachment}`,
    expected: caseReader(200),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/{id}/files/{fileId}/thumbnail',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/files/${of(w).photo}/thumbnail`,
    expected: caseReader(200),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/{id}/conversations',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/conversations`,
    expected: caseReader(200),
  },
  {
    method: 'GET',
    route: '/api/v1/cases/{id}/messages',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/messages?channel=${of(w).rightHolder}`,
    expected: caseReader(200),
  },
  // The customs-only conversation: right holders find no such conversation.
  {
    method: 'GET',
    route: '/api/v1/cases/{id}/messages (customs)',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/messages?channel=customs`,
    expected: (role, owner) => (RH.includes(role) ? 404 : caseCustoms(200)(role, owner)),
  },
  {
    method: 'POST',
    route: '/api/v1/cases/{id}/messages',
    url: (w) => `/api/v1/cases/${w.caseSubmitted}/messages`,
    body: (w) => ({ channel: of(w).rightHolder, body: 'Matrix' }),
    expected: caseReader(201),
  },
];
