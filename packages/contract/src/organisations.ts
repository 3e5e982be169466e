import { z } from 'zod';
import { CountrySchema, IdSchema, LanguageSchema } from './common';
import { organisationKinds, roles } from './roles';

export const OrganisationSchema = z.object({
  id: IdSchema,
  kind: z.enum(organisationKinds),
  name: z.string(),
  country: CountrySchema.nullable(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const CreateOrganisationSchema = z.strictObject({
  kind: z.enum(organisationKinds),
  name: z.string().trim().min(1).max(200),
  country: CountrySchema.nullable().optional(),
});

export const UpdateOrganisationSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  country: CountrySchema.nullable().optional(),
  active: z.boolean().optional(),
});

export const OrganisationListSchema = z.object({
  items: z.array(OrganisationSchema),
  nextCursor: z.string().nullable(),
});

export const CreateUserSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12).max(1024).describe('At least 12 characters'),
  locale: LanguageSchema.optional(),
  organisationId: IdSchema,
  role: z.enum(roles),
});

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  memberships: z.array(z.object({ organisationId: IdSchema, role: z.enum(roles) })),
});
export type User = z.infer<typeof UserSchema>;
