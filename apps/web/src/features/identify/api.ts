import type { IdentifyResponse, Language } from '@verity/contract';
import { api } from '../../lib/api';

export const identifyCode = (input: string, lang: Language, signal?: AbortSignal) =>
  api<IdentifyResponse>('/api/v1/identify', { method: 'POST', body: { input, lang }, signal });
