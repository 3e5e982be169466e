import type { Language } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { decodeCursor, pageOf } from '../platform/pagination';
import { idCursor } from '../platform/cursors';
import { authorize, authorizeOn, type Actor } from '../platform/policy';
import * as q from './catalog.queries';
import * as c from './contacts.queries';

interface ContactInput {
  brandId: string | null;
  country: string | null;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  languages: Language[];
}
interface ApplicationInput {
  brandId: string | null;
  country: string;
  reference: string;
  validFrom: string;
  validUntil: string;
}

type ContactRow = NonNullable<Awaited<ReturnType<typeof c.findContact>>>;
type ApplicationRow = NonNullable<Awaited<ReturnType<typeof c.findApplication>>>;

const presentContact = ({ createdAt: _createdAt, ...row }: ContactRow) => row;
const presentApplication = ({ createdAt: _createdAt, ...row }: ApplicationRow) => {
  const today = new Date().toISOString().slice(0, 10);
  return { ...row, inForce: row.validFrom <= today && today <= row.validUntil };
};
// Contacts and applications are there for officers to use: every catalog reader sees them.
const asOwned = (row: { organisationId: string } | undefined) =>
  row && { organisationId: row.organisationId, published: true };

/** Contacts per country and customs applications for action, both owned by a right holder. */
export function createContactsService({ db, changed }: { db: Db; changed: () => void }) {
  async function checkBrand(actor: Actor, brandId: string | null | undefined) {
    if (!brandId) return;
    const brand = await q.findBrandById(db, brandId);
    if (!brand || brand.brand.organisationId !== actor.organisationId)
      throw new AppError('BRAND_NOT_FOUND', { brandId });
  }

  function checkDates(a: { validFrom: string; validUntil: string }) {
    if (a.validUntil < a.validFrom) throw new AppError('APPLICATION_DATES_INVALID');
  }

  return {
    async listContacts(actor: Actor, page: { cursor?: string | undefined; limit: number }) {
      const scope = authorize(actor, 'catalog.read');
      const after = decodeCursor(page.cursor, idCursor)?.[0];
      const rows = await c.listContacts(db, scope, { after, limit: page.limit });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => [r.id]);
      return { items: items.map(presentContact), nextCursor };
    },
    async createContact(actor: Actor, input: ContactInput) {
      authorize(actor, 'catalog.write');
      await checkBrand(actor, input.brandId);
      return presentContact(await c.insertContact(db, { ...input, organisationId: actor.organisationId }));
    },
    async updateContact(actor: Actor, id: string, patch: Partial<ContactInput>) {
      authorizeOn(actor, 'catalog.write', asOwned(await c.findContact(db, id)), 'CONTACT_NOT_FOUND');
      await checkBrand(actor, patch.brandId);
      return presentContact(await c.updateContact(db, id, patch));
    },
    async deleteContact(actor: Actor, id: string) {
      authorizeOn(actor, 'catalog.write', asOwned(await c.findContact(db, id)), 'CONTACT_NOT_FOUND');
      await c.deleteContact(db, id);
    },

    async listApplications(actor: Actor, page: { cursor?: string | undefined; limit: number }) {
      const scope = authorize(actor, 'catalog.read');
      const after = decodeCursor(page.cursor, idCursor)?.[0];
      const rows = await c.listApplications(db, scope, { after, limit: page.limit });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => [r.id]);
      return { items: items.map(presentApplication), nextCursor };
    },
    async createApplication(actor: Actor, input: ApplicationInput) {
      authorize(actor, 'catalog.write');
      await checkBrand(actor, input.brandId);
      checkDates(input);
      const created = await c.insertApplication(db, { ...input, organisationId: actor.organisationId });
      changed(); // "application in force" in identify answers
      return presentApplication(created);
    },
    async updateApplication(actor: Actor, id: string, patch: Partial<ApplicationInput>) {
      const existing = await c.findApplication(db, id);
      authorizeOn(actor, 'catalog.write', asOwned(existing), 'APPLICATION_NOT_FOUND');
      await checkBrand(actor, patch.brandId);
      checkDates({
        validFrom: patch.validFrom ?? existing!.validFrom,
        validUntil: patch.validUntil ?? existing!.validUntil,
      });
      const updated = await c.updateApplication(db, id, patch);
      changed();
      return presentApplication(updated);
    },
    async deleteApplication(actor: Actor, id: string) {
      authorizeOn(actor, 'catalog.write', asOwned(await c.findApplication(db, id)), 'APPLICATION_NOT_FOUND');
      await c.deleteApplication(db, id);
      changed();
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;
