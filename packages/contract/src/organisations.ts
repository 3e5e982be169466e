import { z } from 'zod';
import { CountrySchema, IdSchema, LanguageSchema, PageQuerySchema } from './common';
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

export const OrganisationListQuerySchema = PageQuerySchema.extend({
  kind: z.enum(organisationKinds).optional(),
  q: z.string().trim().max(200).optional().describe('Part of the name, any case'),
});

export const OrganisationListSchema = z.object({
  items: z.array(OrganisationSchema),
  nextCursor: z.string().nullable(),
});

/** The one password rule (argon2id-hashed by the server). */
export const PasswordSchema = z.string().min(12).max(1024).describe('At least 12 characters');

export const CreateUserSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  password: PasswordSchema.optional().describe(
    'At least 12 characters; without it the user gets a one-time invitation link to choose one',
  ),
  locale: LanguageSchema.optional(),
  organisationId: IdSchema,
  role: z.enum(roles),
});

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** False while an invited user has not yet chosen a password. */
  passwordSet: z.boolean(),
  memberships: z.array(z.object({ organisationId: IdSchema, role: z.enum(roles) })),
});
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema), nextCursor: z.string().nullable() });

/** A one-time link to choose a password: shown once, in the answer that creates it; never again. */
export const InvitationLinkSchema = z.object({
  url: z.string().describe('`<origin>/invite/<token>`'),
  expiresAt: z.iso.datetime(),
});
export type InvitationLink = z.infer<typeof InvitationLinkSchema>;

export const CreatedUserSchema = UserSchema.extend({
  invitation: InvitationLinkSchema.nullable().describe('Set when the user was created without a password'),
});
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

export const UpdateUserSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  active: z.boolean().optional().describe('false signs the user out everywhere at once and refuses sign-in'),
});

export const UserMembershipParamsSchema = z.strictObject({ id: IdSchema, organisationId: IdSchema });
export const MembershipRoleSchema = z.strictObject({ role: z.enum(roles) });

export const InvitationTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(200) });

/** What the invited person sees before choosing a password. */
export const InvitationSchema = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisation: z.object({ name: z.string(), kind: z.enum(organisationKinds) }),
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const AcceptInvitationSchema = z.strictObject({
  password: PasswordSchema,
  name: z.string().trim().min(1).max(200).optional(),
});

/** A customs administration's settings for its cases. */
export const CaseSettingsSchema = z.object({
  responseWorkingDays: z
    .number()
    .int()
    .describe('Working days the right holders have to answer a case submitted by this administration'),
  defaultWorkingDays: z
    .number()
    .int()
    .describe('What applies when the administration sets nothing (10, Regulation (EU) No 608/2013)'),
  custom: z.boolean().describe('Whether the administration chose its own number'),
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;
export const CaseSettingsInputSchema = z.strictObject({
  responseWorkingDays: z.number().int().min(1).max(60).nullable().describe('1 to 60; null: back to the default'),
});

/** Customs administrations and agencies a case can be shared with. */
export const CustomsAdministrationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  country: CountrySchema.nullable(),
});
export type CustomsAdministration = z.infer<typeof CustomsAdministrationSchema>;
export const CustomsAdministrationListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Part of the name, or a country code'),
});
export const CustomsAdministrationListSchema = z.object({ items: z.array(CustomsAdministrationSchema) });
export type CustomsAdministrationList = z.infer<typeof CustomsAdministrationListSchema>;
