import { useEffect, useState } from 'react';
import { startDecoder, type DecoderClient } from './decoder-client';
import type { DecoderEngine } from './decoder-protocol';

export type DecoderState =
  | { status: 'loading'; client: DecoderClient }
  | { status: 'ready'; client: DecoderClient; engine: DecoderEngine }
  | { status: 'failed'; client: DecoderClient; detail: string };

export const errorDetail = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The decoder worker, started with the scanner and ended with it. It is asked to load its
 * decoder at once, so a failure (the .wasm not served, say) shows before any frame is read.
 * `null` until the first effect has run.
 */
export function useDecoder(): DecoderState | null {
  const [state, setState] = useState<DecoderState | null>(null);
  useEffect(() => {
    const client = startDecoder();
    let current = true;
    setState({ status: 'loading', client });
    client.prepare().then(
      (engine) => current && setState({ status: 'ready', client, engine }),
      (error: unknown) => current && setState({ status: 'failed', client, detail: errorDetail(error) }),
    );
    return () => {
      current = false;
      client.stop();
    };
  }, []);
  return state;
}
