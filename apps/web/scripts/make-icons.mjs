// Renders the app icons (apps/web/public/icons/*.png) from public/favicon.svg. The PNGs are
// committed; run again after changing the logo: node apps/web/scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url));
const out = (name) => new URL(`../public/icons/${name}`, import.meta.url).pathname;
const white = { r: 255, g: 255, b: 255, alpha: 1 };

/** The logo at `size` px, centred on a square of `canvas` px (transparent, or white). */
async function icon(name, canvas, size, background) {
  const logo = await sharp(svg, { density: 600 }).resize(size, size).png().toBuffer();
  await sharp({ create: { width: canvas, height: canvas, channels: 4, background } })
    .composite([{ input: logo, gravity: 'centre' }])
    .png({ compressionLevel: 9 })
    .toFile(out(name));
}

const clear = { r: 0, g: 0, b: 0, alpha: 0 };
await icon('icon-192.png', 192, 176, clear);
await icon('icon-512.png', 512, 472, clear);
// Maskable: launchers crop to a circle or squircle; the logo stays inside the central 80 % safe zone.
await icon('maskable-512.png', 512, 320, white);
await icon('apple-touch-icon.png', 180, 140, white);
