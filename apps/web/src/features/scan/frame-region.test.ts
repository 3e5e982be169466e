import { describe, expect, it } from 'vitest';
import { guideRegionInFrame } from './frame-region';

describe('the part of the camera frame under the guide', () => {
  it('maps the guide through a video that fills its box exactly (no margin)', () => {
    const region = guideRegionInFrame(
      { width: 1280, height: 720 },
      { x: 0, y: 0, width: 640, height: 360 },
      { x: 160, y: 90, width: 320, height: 180 },
      0,
    );
    expect(region).toEqual({ x: 320, y: 180, width: 640, height: 360 });
  });

  it('accounts for the sides object-fit: cover cuts off (a landscape camera on a portrait phone)', () => {
    // 1280×720 scaled by 640/720 to 1137.8×640 in a 360×640 view: 388.9 px cut on each side.
    const region = guideRegionInFrame(
      { width: 1280, height: 720 },
      { x: 0, y: 0, width: 360, height: 640 },
      { x: 30, y: 200, width: 300, height: 200 },
      0,
    );
    expect(region.x).toBe(Math.floor((30 + 388.89) / (640 / 720)));
    expect(region.width).toBeCloseTo(300 / (640 / 720), -1);
    expect(region.y).toBe(225);
    expect(region.height).toBe(225);
  });

  it('adds the margin around the guide, in frame pixels, and stays inside the frame', () => {
    const frame = { width: 640, height: 480 };
    const view = { x: 0, y: 0, width: 640, height: 480 };
    expect(guideRegionInFrame(frame, view, { x: 220, y: 190, width: 200, height: 100 }, 0.1)).toEqual({
      x: 200,
      y: 180,
      width: 240,
      height: 120,
    });
    expect(guideRegionInFrame(frame, view, { x: 10, y: 10, width: 620, height: 460 }, 0.15)).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 480,
    });
  });

  it('follows the view where it sits on the page (client coordinates)', () => {
    const region = guideRegionInFrame(
      { width: 640, height: 480 },
      { x: 100, y: 50, width: 640, height: 480 },
      { x: 300, y: 150, width: 100, height: 100 },
      0,
    );
    expect(region).toEqual({ x: 200, y: 100, width: 100, height: 100 });
  });

  it('falls back to the whole frame before the video has a size or when the guide is off it', () => {
    const whole = { x: 0, y: 0, width: 640, height: 480 };
    expect(
      guideRegionInFrame(
        { width: 640, height: 480 },
        { x: 0, y: 0, width: 0, height: 0 },
        { x: 0, y: 0, width: 9, height: 9 },
      ),
    ).toEqual(whole);
    expect(
      guideRegionInFrame(
        { width: 640, height: 480 },
        { x: 0, y: 0, width: 640, height: 480 },
        { x: 900, y: 900, width: 50, height: 50 },
      ),
    ).toEqual(whole);
  });
});
