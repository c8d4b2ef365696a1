// Half-shut lids zoomed (lid30): per portrait and eye, the photo | blink at each weight, and the
// slit's mean luma (pixels between the rendered upper and lower lid lines) against the photo's own
// eye corners (the open eye's outer and inner fifths, lash shadow and lid shade). Never asserts.
//   node --import tsx bench/lidSlit.ts out.png lp_s12.jpg,st_art_1.png [--weights .4,.65,.8,1] [--zoom 5]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_SIDES } from '../src/render/closedEye/frame.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const [out, list] = process.argv.slice(2);
const arg = (name: string, dflt: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : dflt);
const WEIGHTS = arg('--weights', '.4,.65,.8,1').split(',').map(Number);
const ZOOM = Number(arg('--zoom', '5'));
if (!out || !list) throw new Error('usage: node --import tsx bench/lidSlit.ts out.png file1,file2,...');
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const luma = (d: Uint8ClampedArray, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

/** Mean luma of img inside poly (screen pixels), only where keep(x share along the eye) holds. */
function meanInside(img: RgbaImage, poly: [number, number][], keep: (s: number) => boolean = () => true): number {
  return lumaStats(img, poly, keep).mean;
}

/** Mean and 95th percentile luma of img inside poly, where keep(x share along the eye) holds. */
function lumaStats(img: RgbaImage, poly: [number, number][], keep: (s: number) => boolean = () => true): { mean: number; p95: number } {
  const all: number[] = [];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const xa = Math.min(...xs), xb = Math.max(...xs);
  let sum = 0, n = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) for (let x = Math.floor(xa); x <= Math.ceil(xb); x++) {
    if (!keep((x + 0.5 - xa) / (xb - xa || 1)) || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const l = luma(img.data, (y * img.width + x) * 4); sum += l; n++; all.push(l);
  }
  all.sort((a, b) => a - b);
  return { mean: n ? sum / n : NaN, p95: n ? all[Math.floor(0.95 * (n - 1))]! : NaN };
}

const rows: GridCell[][] = [];
const table: string[] = [];
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const restV = r.meshVertices(n);
  const rest = { x: Float32Array.from(restV.x), y: Float32Array.from(restV.y) };
  for (const side of EYE_SIDES) {
    const ring = (v: { x: Float32Array; y: Float32Array }) => [...side.upper, ...side.lower.slice(1, -1).reverse()].map((i) => [v.x[i]!, v.y[i]!] as [number, number]);
    const open = ring(rest);
    const corners = meanInside(portrait.image, open, (s) => s < 0.2 || s > 0.8);
    const [ax, ay] = open[0]!, [bx, by] = open[side.upper.length - 1]!;
    const w = Math.hypot(bx - ax, by - ay), cx = (ax + bx) / 2, cy = (ay + by) / 2;
    const x = Math.max(0, Math.round(cx - 0.8 * w)), y = Math.max(0, Math.round(cy - 0.55 * w));
    const box: [number, number, number, number] = [x, y, Math.min(portrait.image.width - x, Math.round(1.6 * w)), Math.min(portrait.image.height - y, Math.round(0.9 * w))];
    const row: GridCell[] = [{ label: `${file} ${side.outer} photo corners ${corners.toFixed(0)}`, image: cropImage(portrait.image, box) }];
    const cells: string[] = [];
    for (const wt of WEIGHTS) {
      const f = { ...n, w: { ...n.w, eyeBlinkLeft: wt, eyeBlinkRight: wt } };
      const img = copy(r.render(f));
      const { mean: slit, p95 } = lumaStats(img, ring(r.meshVertices(f)));
      cells.push(`${wt}: ${slit.toFixed(0)}/${p95.toFixed(0)}`);
      row.push({ label: `blink ${wt} slit ${slit.toFixed(0)} p95 ${p95.toFixed(0)}`, image: cropImage(img, box) });
    }
    table.push(`${file} eye ${side.outer}: corners ${corners.toFixed(0)} | slit ${cells.join('  ')}`);
    rows.push(row);
  }
}
console.log(table.join('\n'));
const cw = Math.round(Math.max(...rows.map((r) => r[0]!.image.width)) * ZOOM);
const ch = Math.round(Math.max(...rows.map((r) => r[0]!.image.height)) * ZOOM);
await writeFile(out, await labelledGrid(rows, { title: `half-shut lids (lid30), zoom ${ZOOM}x`, cellW: Math.min(cw, 300), cellH: Math.min(ch, 170), fill: true }));
