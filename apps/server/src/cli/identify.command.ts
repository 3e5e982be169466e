import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';

import { identify, type Identification } from '@verity/codes';

/**
 * `verity identify`: one input per line in, one JSON object per line out, in order.
 * Lines split on "\n" only (a trailing "\r" is dropped) so that GS characters (FNC1) and any
 * other control character inside a scanned line survive. Output is written in batches and
 * waits for "drain" when the destination is slower than we are.
 */

/** Bytes of JSON gathered before each write; large enough that 100k lines take few writes. */
const BATCH_SIZE = 64 * 1024;

interface IdentifyLine {
  input: string;
  kind: Identification['kind'];
  valid: boolean;
  gtin?: string;
  elements?: { ai: string; value: string }[];
  imei?: string;
  tac?: string;
  error?: { code: string; message: string; position?: number };
}

function toLine(raw: string): string {
  const input = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const result = identify(input);
  const line: IdentifyLine = { input, kind: result.kind, valid: result.valid };
  if (result.gtin !== undefined) line.gtin = result.gtin;
  if (result.elements !== undefined) {
    line.elements = result.elements.map(({ ai, value }) => ({ ai, value }));
  }
  if (result.imei !== undefined) {
    line.imei = result.imei.imei;
    line.tac = result.imei.tac;
  }
  if (result.error !== undefined) {
    const { code, message, position } = result.error;
    line.error = position === undefined ? { code, message } : { code, message, position };
  }
  return `${JSON.stringify(line)}\n`;
}

export async function runIdentifyCommand(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let batch = '';

  const flush = async (): Promise<void> => {
    if (batch === '') return;
    const chunk = batch;
    batch = '';
    if (!output.write(chunk)) await once(output, 'drain');
  };

  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n', start)) {
      batch += toLine(pending.slice(start, newline));
      start = newline + 1;
      if (batch.length >= BATCH_SIZE) await flush();
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') batch += toLine(pending); // a last line without "\n"
  await flush();
}
