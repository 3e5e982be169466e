import sharp from 'sharp';

/**
 * Pictures for the demo catalog, drawn here (no photograph to license): the chronograph, its
 * genuine crown (a sun of 12 engraved rays) and a fake's (10 printed rays), as the officer's
 * sheet shows features next to each other. Rendered to PNG; the upload path re-encodes them.
 */
function sun(rays: number, engraved: boolean): string {
  const lines = Array.from({ length: rays }, (_, i) => {
    const angle = (2 * Math.PI * i) / rays;
    const [x1, y1] = [200 + 70 * Math.cos(angle), 200 + 70 * Math.sin(angle)];
    const [x2, y2] = [200 + 120 * Math.cos(angle), 200 + 120 * Math.sin(angle)];
    return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" />`;
  }).join('');
  const stroke = engraved ? 'stroke="#3b3f45" stroke-width="9"' : 'stroke="#b08a2e" stroke-width="6" opacity="0.8"';
  return `<g ${stroke} stroke-linecap="round">${lines}</g>
    <circle cx="200" cy="200" r="50" fill="${engraved ? '#6b7079' : '#c9a44a'}" ${engraved ? 'stroke="#3b3f45" stroke-width="6"' : ''}/>`;
}

const crown = (rays: number, engraved: boolean) => `
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
  <rect width="400" height="400" fill="#eef1f4"/>
  <circle cx="200" cy="200" r="170" fill="${engraved ? '#c3c8cf' : '#d9d2bf'}" stroke="#8b9099" stroke-width="8"/>
  ${Array.from({ length: 36 }, (_, i) => `<rect x="196" y="22" width="8" height="22" fill="#8b9099" transform="rotate(${i * 10} 200 200)"/>`).join('')}
  ${sun(rays, engraved)}
</svg>`;

const watch = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <rect width="800" height="800" fill="#f4f6f8"/>
  <rect x="320" y="20" width="160" height="200" rx="20" fill="#1f2a44"/>
  <rect x="320" y="580" width="160" height="200" rx="20" fill="#1f2a44"/>
  <rect x="640" y="370" width="50" height="60" rx="10" fill="#aab0b8"/>
  <circle cx="400" cy="400" r="250" fill="#c3c8cf" stroke="#8b9099" stroke-width="14"/>
  <circle cx="400" cy="400" r="215" fill="#14407a"/>
  ${Array.from({ length: 12 }, (_, i) => `<rect x="394" y="200" width="12" height="36" fill="#f4f6f8" transform="rotate(${i * 30} 400 400)"/>`).join('')}
  <circle cx="400" cy="300" r="42" fill="#0d2f5c" stroke="#c3c8cf" stroke-width="4"/>
  <circle cx="330" cy="430" r="42" fill="#0d2f5c" stroke="#c3c8cf" stroke-width="4"/>
  <circle cx="470" cy="430" r="42" fill="#0d2f5c" stroke="#c3c8cf" stroke-width="4"/>
  <rect x="396" y="250" width="8" height="160" rx="4" fill="#f4f6f8" transform="rotate(40 400 400)"/>
  <rect x="395" y="220" width="10" height="190" rx="5" fill="#f4f6f8" transform="rotate(-60 400 400)"/>
  <circle cx="400" cy="400" r="14" fill="#c3c8cf"/>
</svg>`;

const png = (svg: string) => sharp(Buffer.from(svg)).png().toBuffer();

export const demoImages = {
  chronograph: () => png(watch),
  genuineCrown: () => png(crown(12, true)),
  counterfeitCrown: () => png(crown(10, false)),
};
