// Contact sheets for looking at an evaluation: one column per sampled frame, rows
// real | generated | |difference| (| baseline |difference| optionally), labelled, with an
// optional plot (PNG) appended below.
import sharp, { type OverlayOptions } from 'sharp';
import type { RgbaImage } from '../types.ts';
import { createImage } from '../io/image.ts';
import { drawScaled } from '../pipeline/layout.ts';
import { absDiffImage } from './metrics/image.ts';

export interface SheetColumn {
  frame: number;
  /** thumbnails, all the same size */
  real: RgbaImage;
  generated: RgbaImage;
}

/** A small copy of `img` (bilinear), side x side. */
export function thumbnail(img: RgbaImage, side: number): RgbaImage {
  const out = createImage(side, side);
  drawScaled(out, img, 0, 0, side, side);
  return out;
}

/** Which frame indices to keep for a sheet: `count` evenly spaced within [first, last]. */
export function sheetFrames(first: number, last: number, count: number): number[] {
  if (last < first) return [];
  const n = Math.min(count, last - first + 1);
  if (n === 1) return [first];
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add(Math.round(first + ((last - first) * k) / (n - 1)));
  return [...out];
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * Builds the sheet PNG. `diffGain` amplifies the difference row so small errors show (say it in
 * the title). `plot` (PNG bytes) is scaled to the sheet width and appended.
 */
export async function contactSheet(columns: SheetColumn[], opts: { title: string; diffGain?: number; plot?: Buffer; baseline?: RgbaImage; realLabel?: string; noDiff?: boolean }): Promise<Buffer> {
  if (!columns.length) throw new Error('contact sheet needs at least one column');
  const side = columns[0]!.real.width;
  const gain = opts.diffGain ?? 2;
  const labelW = 90;
  const head = 34;
  const rows: { label: string; image: (c: SheetColumn) => RgbaImage }[] = [
    { label: opts.realLabel ?? 'real', image: (c) => c.real },
    { label: 'generated', image: (c) => c.generated },
  ];
  // a difference only means something against the same person's real frame
  if (!opts.noDiff) rows.push({ label: `|diff| x${gain}`, image: (c) => absDiffImage(c.real, c.generated, gain) as RgbaImage });
  if (opts.baseline) {
    const base = opts.baseline;
    rows.push({ label: 'baseline', image: () => base });
    rows.push({ label: `|base diff| x${gain}`, image: (c) => absDiffImage(c.real, base, gain) as RgbaImage });
  }
  const width = labelW + columns.length * (side + 4);
  const gridH = head + rows.length * (side + 4);
  const layers: OverlayOptions[] = [];
  rows.forEach((row, r) => {
    columns.forEach((c, k) => {
      const img = row.image(c);
      layers.push({ input: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), raw: { width: img.width, height: img.height, channels: 4 }, left: labelW + k * (side + 4), top: head + r * (side + 4) });
    });
  });
  const texts = [
    `<text x="6" y="20" font-size="15" font-family="sans-serif" fill="#fff">${escapeXml(opts.title)}</text>`,
    ...rows.map((row, r) => `<text x="6" y="${head + r * (side + 4) + side / 2}" font-size="13" font-family="sans-serif" fill="#fff">${escapeXml(row.label)}</text>`),
    ...columns.map((c, k) => `<text x="${labelW + k * (side + 4) + 3}" y="${head - 4}" font-size="11" font-family="sans-serif" fill="#ccc">frame ${c.frame}</text>`),
  ];
  let plotPng: Buffer | undefined;
  let plotH = 0;
  if (opts.plot) {
    plotPng = await sharp(opts.plot).resize({ width }).png().toBuffer();
    plotH = (await sharp(plotPng).metadata()).height ?? 0;
  }
  layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${gridH}">${texts.join('')}</svg>`), left: 0, top: 0 });
  if (plotPng) layers.push({ input: plotPng, left: 0, top: gridH });
  return sharp({ create: { width, height: gridH + plotH, channels: 4, background: { r: 24, g: 24, b: 30, alpha: 1 } } })
    .composite(layers)
    .png()
    .toBuffer();
}
