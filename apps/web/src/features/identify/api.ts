import type { AlertList, IdentifyResponse, Language } from '@verity/contract';
import { api } from '../../lib/api';

export const identifyCode = (input: string, lang: Language, signal?: AbortSignal) =>
  api<IdentifyResponse>('/api/v1/identify', { method: 'POST', body: { input, lang }, signal });

/** The risk alerts in force for the officer's country (the server knows the country). */
export const listAlertsInForce = (signal?: AbortSignal) => api<AlertList>('/api/v1/alerts', { signal });
