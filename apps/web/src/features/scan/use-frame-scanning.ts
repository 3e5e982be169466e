import { useEffect, useRef, type RefObject } from 'react';
import type { DecoderClient } from './decoder-client';
import { guideRegionInFrame } from './frame-region';
import { createReadConfirmation } from './read-confirmation';
import type { DecodedCode } from './scanned-text';

/** At most four frames a second: a code is read within a moment, and a low-end phone stays cool. */
export const FRAME_INTERVAL_MS = 250;
/** Frames larger than this (longest side, pixels) are scaled down before decoding. */
const MAX_FRAME_SIDE = 1024;

interface Options {
  /** Whether to read frames now (camera live, decoder ready, nothing found yet). */
  active: boolean;
  video: RefObject<HTMLVideoElement | null>;
  guide: RefObject<HTMLElement | null>;
  decoder: DecoderClient | null;
  onCode: (code: DecodedCode) => void;
  onError: (error: unknown) => void;
}

/**
 * Reads the camera: grabs the part of the frame under the guide, sends it to the decoder
 * worker (transferred, not copied) and waits for the answer before the next one, so at most
 * one frame is ever in flight and a slow phone simply reads fewer frames. A linear code must
 * be read twice alike before it counts (read-confirmation.ts).
 */
export function useFrameScanning({ active, video, guide, decoder, onCode, onError }: Options) {
  const handlers = useRef({ onCode, onError });
  useEffect(() => {
    handlers.current = { onCode, onError };
  });

  useEffect(() => {
    if (!active || !decoder) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const confirmed = createReadConfirmation();

    const readFrame = async () => {
      const started = performance.now();
      const element = video.current;
      const box = guide.current;
      try {
        if (element && box && element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          const region = guideRegionInFrame(
            { width: element.videoWidth, height: element.videoHeight },
            element.getBoundingClientRect(),
            box.getBoundingClientRect(),
          );
          const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(region.width, region.height));
          const image = await createImageBitmap(element, region.x, region.y, region.width, region.height, {
            resizeWidth: Math.round(region.width * scale),
            resizeHeight: Math.round(region.height * scale),
          });
          if (stopped) {
            image.close();
            return;
          }
          const code = await decoder.decode({ kind: 'frame', image, attempt: attempt++ });
          if (stopped) return;
          if (code && confirmed(code)) {
            handlers.current.onCode(code);
            return;
          }
        }
      } catch (error) {
        if (!stopped) handlers.current.onError(error);
        return;
      }
      if (!stopped)
        timer = setTimeout(() => void readFrame(), Math.max(0, FRAME_INTERVAL_MS - (performance.now() - started)));
    };
    void readFrame();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, video, guide, decoder]);
}
