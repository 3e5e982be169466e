import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js/node';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * Test fixtures for the scanner, made at test time (no binaries in the repository): a barcode
 * drawn by bwip-js, as a phone camera in bad light would see it — on a grey scene, tilted,
 * blurred, dim and noisy — written as an MJPEG file Chromium plays as a fake camera
 * (`--use-file-for-fake-video-capture`), or as a plain PNG for the gallery.
 */

export interface Barcode {
  /** bwip-js encoder name: 'ean13', 'gs1datamatrix', 'gs1-128', 'qrcode', … */
  bcid: string;
  text: string;
  /** Pixels per module. */
  scale: number;
}

/** A clean PNG of the barcode (without a white background and padding nothing decodes). */
export function barcodePng({ bcid, text, scale }: Barcode): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid, text, scale, backgroundcolor: 'FFFFFF', padding: 10 });
}

interface Gray {
  width: number;
  height: number;
  /** One byte per pixel. */
  pixels: Uint8Array;
}

function grayOfPng(png: Buffer): Gray {
  const { width, height, data } = PNG.sync.read(png);
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = Math.round(0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!);
  }
  return { width, height, pixels };
}

/** Bilinear sample of `image` at (x, y); `outside` beyond its edges. */
function sample(image: Gray, x: number, y: number, outside: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const at = (px: number, py: number) =>
    px < 0 || py < 0 || px >= image.width || py >= image.height ? outside : image.pixels[py * image.width + px]!;
  const fx = x - x0;
  const fy = y - y0;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** The mean over a (2r+1)² square around each pixel: the blur of a camera slightly out of focus. */
function boxBlur(image: Gray, radius: number): Gray {
  const { width, height, pixels } = image;
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const px = x + dx;
          const py = y + dy;
          if (px < 0 || py < 0 || px >= width || py >= height) continue;
          sum += pixels[py * width + px]!;
          count++;
        }
      }
      out[y * width + x] = Math.round(sum / count);
    }
  }
  return { width, height, pixels: out };
}

/** A small deterministic generator (the fixture is the same on every run). */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SceneOptions {
  width?: number;
  height?: number;
  /** Tilt of the code, degrees. */
  degrees?: number;
  blurRadius?: number;
  frames?: number;
}

/** How far the hand-held phone drifts between frames, pixels. */
const DRIFT = 2;

/**
 * Frames of the scene: the code in the middle of a grey background, turned by `degrees`,
 * drifting a pixel or two between frames like a hand-held phone; blurred; the light dim
 * (white is light grey, black dark grey) with sensor noise. RGBA, for jpeg-js.
 */
export function sceneFrames(code: Buffer, options: SceneOptions = {}): Uint8Array[] {
  const { width = 1280, height = 720, degrees = 10, blurRadius = 1, frames = 12 } = options;
  const barcode = grayOfPng(code);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const background = 128;
  // The still scene is drawn once, DRIFT pixels larger on each side; each frame is a shifted window on it.
  const scene: Gray = { width: width + 2 * DRIFT, height: height + 2 * DRIFT, pixels: new Uint8Array(0) };
  scene.pixels = new Uint8Array(scene.width * scene.height);
  for (let y = 0; y < scene.height; y++) {
    for (let x = 0; x < scene.width; x++) {
      // Inverse rotation about the scene's centre: where in the barcode this pixel comes from.
      const cx = x - scene.width / 2;
      const cy = y - scene.height / 2;
      const bx = cx * cos + cy * sin + barcode.width / 2;
      const by = -cx * sin + cy * cos + barcode.height / 2;
      scene.pixels[y * scene.width + x] = Math.round(sample(barcode, bx, by, background));
    }
  }
  const blurred = boxBlur(scene, blurRadius);
  const random = randomFrom(7);
  return Array.from({ length: frames }, (_, frame) => {
    const left = DRIFT + Math.round(Math.sin(frame / 2) * DRIFT);
    const top = DRIFT + Math.round(Math.cos(frame / 3) * DRIFT);
    const rgba = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // Dim light: 0–255 squeezed into 45–185, plus ±12 of noise.
        const seen = blurred.pixels[(y + top) * blurred.width + x + left]!;
        const value = Math.max(0, Math.min(255, Math.round(45 + (seen * 140) / 255 + (random() - 0.5) * 24)));
        const i = (y * width + x) * 4;
        rgba[i] = value;
        rgba[i + 1] = value;
        rgba[i + 2] = value;
        rgba[i + 3] = 255;
      }
    }
    return rgba;
  });
}

/**
 * Writes `path` (.mjpeg): the scene's JPEG frames one after the other, the format Chromium's
 * fake capture device reads and loops.
 */
export async function writeBarcodeVideo(path: string, barcode: Barcode, options: SceneOptions = {}): Promise<void> {
  writeVideo(path, await barcodePng(barcode), options);
}

/** The same scene with a blank label where the code would be: a camera that never sees a code. */
export function writeVideoWithoutCode(path: string, options: SceneOptions = {}): void {
  writeVideo(path, blankLabel(), options);
}

/** One frame of the scene as a PNG: a photo of the code from the gallery. */
export async function writeBarcodePhoto(path: string, barcode: Barcode, options: SceneOptions = {}): Promise<void> {
  writePhoto(path, await barcodePng(barcode), options);
}

/** A photo of the scene with a blank label where the code would be. */
export function writePhotoWithoutCode(path: string, options: SceneOptions = {}): void {
  writePhoto(path, blankLabel(), options);
}

function blankLabel(): Buffer {
  const label = new PNG({ width: 300, height: 200 });
  label.data.fill(255);
  return PNG.sync.write(label);
}

function writeVideo(path: string, subject: Buffer, options: SceneOptions): void {
  const { width = 1280, height = 720 } = options;
  const frames = sceneFrames(subject, { ...options, width, height });
  writeFileSync(path, Buffer.concat(frames.map((data) => jpeg.encode({ width, height, data }, 85).data)));
}

function writePhoto(path: string, subject: Buffer, options: SceneOptions): void {
  const { width = 1280, height = 720 } = options;
  const [frame] = sceneFrames(subject, { ...options, width, height, frames: 1 });
  const png = new PNG({ width, height });
  png.data = Buffer.from(frame!);
  writeFileSync(path, PNG.sync.write(png));
}
