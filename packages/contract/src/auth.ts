import { z } from 'zod';
import { IdSchema, CountrySchema, LanguageSchema } from './common';
import { organisationKinds, roles } from './roles';

export const LoginRequestSchema = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const MembershipSchema = z.object({
  id: IdSchema,
  role: z.enum(roles),
  organisation: z.object({
    id: IdSchema,
    name: z.string(),
    kind: z.enum(organisationKinds),
    country: CountrySchema.nullable(),
  }),
});

export const MeSchema = z.object({
  user: z.object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    locale: LanguageSchema.nullable(),
  }),
  membership: MembershipSchema,
  memberships: z.array(MembershipSchema),
});
export type Me = z.infer<typeof MeSchema>;

/** What users may change about themselves. */
export const UpdateMeSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: LanguageSchema.nullable().optional().describe('The language content and the interface use for this user'),
});
