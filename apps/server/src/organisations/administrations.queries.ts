import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { organisations } from './organisations.tables';

/** Escapes LIKE's wildcards, so a name containing % or _ is searched for as written. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findAdministration(db: Db, id: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      responseWorkingDays: organisations.caseResponseWorkingDays,
    })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row;
}

export async function setResponseWorkingDays(db: Db, id: string, days: number | null) {
  await db.update(organisations).set({ caseResponseWorkingDays: days }).where(eq(organisations.id, id));
}

/**
 * Active customs administrations and agencies, by country then name; `q` matches part of the
 * name or, when it is two letters, also the country code. At most `limit` (the world has a few hundred).
 */
export async function listAdministrations(db: Db, filter: { q?: string | undefined; limit: number }) {
  const conditions: (SQL | undefined)[] = [
    inArray(organisations.kind, ['customs', 'agency']),
    eq(organisations.active, true),
  ];
  if (filter.q) {
    const name = ilike(organisations.name, `%${likeLiteral(filter.q)}%`);
    conditions.push(/^[a-z]{2}$/i.test(filter.q) ? or(name, eq(organisations.country, filter.q.toUpperCase())) : name);
  }
  return db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(and(...conditions))
    .orderBy(sql`${organisations.country} nulls last`, asc(organisations.name), asc(organisations.id))
    .limit(filter.limit);
}
