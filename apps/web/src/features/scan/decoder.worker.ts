import type { Decoder } from './decoder';
import type { DecoderReply, DecoderRequest } from './decoder-protocol';
import { photoBitmap } from './image-pixels';
import { createNativeDecoder } from './native-decoder';
import { createZxingDecoder } from './zxing-decoder';

/**
 * The barcode decoder, off the main thread so the camera view and buttons never stall.
 * Started by decoder-client.ts when the scanner opens; answers each request with its id.
 */

// The app's TypeScript program uses the DOM library; this is the little of a worker's scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<DecoderRequest>) => void) | null;
  postMessage(reply: DecoderReply): void;
}
const scope = self as unknown as WorkerScope;

let decoder: Promise<Decoder> | undefined;
/** Chosen once: the browser's own detector when it reads our formats, else zxing-wasm. */
const chosenDecoder = () => (decoder ??= createNativeDecoder().then((native) => native ?? createZxingDecoder()));

const detailOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

async function answer(request: DecoderRequest): Promise<DecoderReply> {
  const { id } = request;
  let chosen: Decoder;
  try {
    chosen = await chosenDecoder();
  } catch (error) {
    if (request.kind === 'frame') request.image.close();
    return { id, ok: false, failure: 'decoder-failed', detail: detailOf(error) };
  }
  const engine = chosen.engine;
  try {
    switch (request.kind) {
      case 'prepare':
        return { id, ok: true, engine, code: null };
      case 'frame':
        try {
          return { id, ok: true, engine, code: await chosen.decodeFrame(request.image, request.attempt) };
        } finally {
          request.image.close(); // its memory is freed now, not whenever the collector runs
        }
      case 'photo': {
        let image: ImageBitmap;
        try {
          image = await photoBitmap(request.image);
        } catch (error) {
          return { id, ok: false, failure: 'image-unreadable', detail: detailOf(error) };
        }
        try {
          return { id, ok: true, engine, code: await chosen.decodePhoto(image) };
        } finally {
          image.close();
        }
      }
    }
  } catch (error) {
    return { id, ok: false, failure: 'decoder-failed', detail: detailOf(error) };
  }
}

scope.onmessage = (event) => {
  void answer(event.data).then((reply) => scope.postMessage(reply));
};
