import type { FastifyRequest } from 'fastify';
import type { InvitationLink } from '@verity/contract';
import type { IssuedInvitation } from './invitations.service';

/**
 * The one-time link as the person will open it: on the origin the administrator is using
 * (`request.protocol` and `request.host` follow X-Forwarded-* only when the proxy is trusted,
 * as for the CSRF check). Outside production it is also logged, so a developer without mail
 * can follow it; production logs never carry it.
 */
export function invitationLinkOf(
  request: FastifyRequest,
  issued: IssuedInvitation,
  email: string,
  logLinks: boolean,
): InvitationLink {
  const url = `${request.protocol}://${request.host}/invite/${issued.token}`;
  if (logLinks) request.log.info({ email, url }, 'invitation link');
  return { url, expiresAt: issued.expiresAt.toISOString() };
}
