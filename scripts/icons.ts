// Renders the app icons from the one design in public/favicon.svg (a green ticket with a white
// check on the app's dark background) with headless Chromium, so every size is real artwork
// drawn from vectors, not a scaled bitmap. Run after changing the design and commit the PNGs:
//   npx tsx scripts/icons.ts
import { chromium } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (name: string) => path.join(root, 'public', name);

const BG = '#111827';
// The ticket and the check of favicon.svg, on a 64×64 grid.
const TICKET = 'M12 20a4 4 0 0 1 4-4h32a4 4 0 0 1 4 4v6a6 6 0 0 0 0 12v6a4 4 0 0 1-4 4H16a4 4 0 0 1-4-4v-6a6 6 0 0 0 0-12z';
const CHECK = 'M22 32l7 7 13-14';

/** `scale` shrinks the ticket around the centre: maskable icons must keep it inside the safe circle. */
function svg({ rounded, scale }: { rounded: boolean; scale: number }): string {
  const offset = 32 - 32 * scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">
  <rect width="64" height="64" ${rounded ? 'rx="14"' : ''} fill="${BG}"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path d="${TICKET}" fill="#16a34a"/>
    <path d="${CHECK}" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
</svg>`;
}

const ICONS = [
  // "any" icons: the rounded tile of the favicon, transparent corners.
  { file: 'icons/icon-192.png', size: 192, rounded: true, scale: 1 },
  { file: 'icons/icon-512.png', size: 512, rounded: true, scale: 1 },
  // Maskable: full-bleed background; the ticket (36 of 64 units wide) scaled to fit the 80 % safe circle.
  { file: 'icons/icon-maskable-512.png', size: 512, rounded: false, scale: 0.8 },
  // iOS rounds the corners itself and shows transparency as black: a full square.
  { file: 'apple-touch-icon.png', size: 180, rounded: false, scale: 0.9 },
  { file: 'favicon-32.png', size: 32, rounded: true, scale: 1 },
];

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const icon of ICONS) {
      await page.setViewportSize({ width: icon.size, height: icon.size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg(icon)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      await writeFile(out(icon.file), png);
      console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
