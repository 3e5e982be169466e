export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room around the guide, as a share of its size: officers rarely hold the code exactly inside it. */
export const GUIDE_MARGIN = 0.15;

/**
 * The part of the camera frame that lies under the on-screen guide (plus a margin), in the
 * frame's own pixels, for a video shown with `object-fit: cover` (scaled to fill its box, the
 * overflow cut equally on both sides). `view` and `guide` are client rectangles; the result is
 * clipped to the frame and in whole pixels. Decoding only this part is faster and ignores other
 * codes around the one aimed at. The whole frame when the guide is not over the video.
 */
export function guideRegionInFrame(
  frame: { width: number; height: number },
  view: Box,
  guide: Box,
  margin = GUIDE_MARGIN,
): Box {
  const whole = { x: 0, y: 0, width: frame.width, height: frame.height };
  if (frame.width <= 0 || frame.height <= 0 || view.width <= 0 || view.height <= 0) return whole;
  const scale = Math.max(view.width / frame.width, view.height / frame.height);
  const shownX = view.x + (view.width - frame.width * scale) / 2;
  const shownY = view.y + (view.height - frame.height * scale) / 2;
  const width = guide.width / scale;
  const height = guide.height / scale;
  const left = (guide.x - shownX) / scale - width * margin;
  const top = (guide.y - shownY) / scale - height * margin;
  const x0 = Math.max(0, Math.floor(left));
  const y0 = Math.max(0, Math.floor(top));
  const x1 = Math.min(frame.width, Math.ceil(left + width * (1 + 2 * margin)));
  const y1 = Math.min(frame.height, Math.ceil(top + height * (1 + 2 * margin)));
  if (x1 - x0 < 1 || y1 - y0 < 1) return whole;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
