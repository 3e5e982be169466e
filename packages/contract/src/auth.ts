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
