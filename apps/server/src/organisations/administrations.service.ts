import type { CaseSettings, CustomsAdministrationList } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { authorize, authorizeOn, type Actor } from '../platform/policy';
import { RESPONSE_WORKING_DAYS } from '../cases/working-days';
import * as q from './administrations.queries';

/** More than any country has administrations and agencies: the directory is one page. */
const DIRECTORY_LIMIT = 500;

/**
 * What customs administrations (and agencies) are to each other and to their cases: the answer
 * deadline an administration gives right holders, and the directory an officer picks from to
 * share a case.
 */
export function createAdministrationsService({ db }: { db: Db }) {
  /** An administration whose case settings the actor manages (its own admin, or the secretariat). */
  async function administrationFor(actor: Actor, id: string) {
    const row = await q.findAdministration(db, id);
    authorizeOn(actor, 'organisation.case_settings', row && { organisationId: row.id }, 'ORGANISATION_NOT_FOUND');
    const found = row as NonNullable<typeof row>;
    if (found.kind !== 'customs' && found.kind !== 'agency') throw new AppError('ORGANISATION_NOT_CUSTOMS');
    return found;
  }

  const settingsOf = (days: number | null): CaseSettings => ({
    responseWorkingDays: days ?? RESPONSE_WORKING_DAYS,
    defaultWorkingDays: RESPONSE_WORKING_DAYS,
    custom: days !== null,
  });

  async function readCaseSettings(actor: Actor, id: string): Promise<CaseSettings> {
    return settingsOf((await administrationFor(actor, id)).responseWorkingDays);
  }

  /** Applies to cases submitted from now on; a case already submitted keeps its deadline. */
  async function updateCaseSettings(
    actor: Actor,
    id: string,
    input: { responseWorkingDays: number | null },
  ): Promise<CaseSettings> {
    await administrationFor(actor, id);
    await q.setResponseWorkingDays(db, id, input.responseWorkingDays);
    return settingsOf(input.responseWorkingDays);
  }

  async function listCustomsAdministrations(
    actor: Actor,
    filter: { q?: string | undefined },
  ): Promise<CustomsAdministrationList> {
    authorize(actor, 'organisation.directory');
    return { items: await q.listAdministrations(db, { q: filter.q || undefined, limit: DIRECTORY_LIMIT }) };
  }

  return { readCaseSettings, updateCaseSettings, listCustomsAdministrations };
}
export type AdministrationsService = ReturnType<typeof createAdministrationsService>;
