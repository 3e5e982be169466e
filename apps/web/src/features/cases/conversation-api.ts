import type { CaseConversations, CaseMessage, CaseMessageInput, CaseMessageList } from '@verity/contract';
import { api } from '../../lib/api';

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}` as const;

export const listConversations = (caseId: string, signal?: AbortSignal) =>
  api<CaseConversations>(`${base(caseId)}/conversations`, { signal });

/** The messages of a conversation; the server marks them read for the caller. */
export const listMessages = (caseId: string, channel: string, signal?: AbortSignal) =>
  api<CaseMessageList>(`${base(caseId)}/messages?channel=${encodeURIComponent(channel)}`, { signal });

export const postMessage = (caseId: string, body: CaseMessageInput) =>
  api<CaseMessage>(`${base(caseId)}/messages`, { method: 'POST', body });

export const deletePhoto = (caseId: string, photoId: string) =>
  api<{ deleted: true }>(`${base(caseId)}/photos/${encodeURIComponent(photoId)}`, { method: 'DELETE' });
