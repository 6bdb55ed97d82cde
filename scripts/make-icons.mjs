// @ts-check
// Renders assets/icon.svg and assets/icon-active.svg to the toolbar PNGs
// (16, 32, 48, 128 px, transparent background) with headless Chromium.
//
//   node scripts/make-icons.mjs               write assets/icon-*.png, assets/icon-active-*.png
//   node scripts/make-icons.mjs --preview F   also write a contact sheet (light and dark toolbars) to F (default: the OS temp dir)
//
// Each SVG carries its own 16 px variant: a `@media (max-width: 24px)` rule swaps the detailed
// `.full` group for the bolder `.small` group, so the page viewport is set to the exact icon size.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');
const sizes = [16, 32, 48, 128];
const variants = [
  { svg: 'icon.svg', prefix: 'icon' },
  { svg: 'icon-active.svg', prefix: 'icon-active' },
];

/** @param {string} svg @param {number} size */
function pageFor(svg, size) {
  const sized = svg.replace(/<svg\b([^>]*)>/, (_m, attrs) => {
    const rest = String(attrs).replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${rest} width="${size}" height="${size}">`;
  });
  return `<!doctype html><html><head><style>
    html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
    svg { display: block; }
  </style></head><body>${sized}</body></html>`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

/** @type {{ name: string, size: number, png: Buffer }[]} */
const rendered = [];
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const { svg, prefix } of variants) {
    const source = await readFile(join(assets, svg), 'utf8');
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(pageFor(source, size));
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      const name = `${prefix}-${size}.png`;
      await writeFile(join(assets, name), png);
      rendered.push({ name, size, png });
      console.log(`✓ assets/${name}`);
    }
  }

  const previewIndex = process.argv.indexOf('--preview');
  if (previewIndex !== -1) {
    const out = process.argv[previewIndex + 1] ?? join(tmpdir(), 'cors-lens-icon-preview.png');
    const cells = (/** @type {string} */ bg) =>
      rendered
        .map(({ size, png }) => {
          const src = `data:image/png;base64,${png.toString('base64')}`;
          const zoom = size < 128 ? `<img class="zoom" src="${src}" width="128" height="128">` : '';
          return `<div class="cell" style="background:${bg}"><img src="${src}" width="${size}" height="${size}">${zoom}</div>`;
        })
        .join('');
    await page.setViewportSize({ width: 8 * 170, height: 2 * 300 });
    await page.setContent(`<!doctype html><style>
      body { margin: 0; font: 12px sans-serif; }
      .row { display: flex; }
      .cell { width: 170px; height: 300px; display: flex; flex-direction: column; align-items: center;
              justify-content: space-evenly; }
      .zoom { image-rendering: pixelated; }
    </style><div class="row">${cells('#f1f3f4')}</div><div class="row">${cells('#202124')}</div>`);
    await page.waitForLoadState('load');
    await writeFile(out, await page.screenshot());
    console.log(`✓ ${out}`);
  }
} finally {
  await browser.close();
}
