// The opening's rim and corners, measured on rendered frames (round 7 of issue #13). Prints, per
// portrait; never asserts:
// - ring: the darkest pixel across each lip line (3 px inside the opening to 2 px onto the lip),
//   over the lip's own light 5 px further out, at the centre and 2 % of a mouth width either side,
//   jawOpen .25 (1 = no dark ring; main drew 0.55-0.7);
// - corners: 10th over 75th percentile luminance in a disc of 0.05 IOD round each outer lip corner,
//   jawOpen .3 (a dark wedge beside the corner pulls it down);
// - rows: darkest over brightest luminance between the lips on the centre column at jawOpen .2
//   (low = a dark gap between the teeth rows; near 1 = one band of teeth).
//   node --import tsx bench/mouthRim.ts [--root <checkout>] [lp_s42.jpg mt_man.png ...]
import path from 'node:path';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const ri = args.indexOf('--root');
const root = path.resolve(ri >= 0 ? args.splice(ri, 2)[1]! : path.join(import.meta.dirname, '..'));
const names = args.length ? args : ['lp_s42.jpg', 'mt_man.png', 'st_happy.png', 'lp_s2.jpg', 'lp_s5.jpg', 'st_full_body_1.png'];
const { analyzePortrait } = await import(path.join(root, 'src/analyze/index.ts'));
const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
const DATA = SHARED_PORTRAITS;

type Lm = [number, number, number][];
const lumAt = (d: Uint8ClampedArray, x: number, y: number) => { const o = (Math.round(y) * 512 + Math.round(x)) * 4; return 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!; };

/** Darkest across the line at column x (from `inside` px inside the opening to `onto` px onto the lip, dir -1 = upper lip) over the lip 5 px further out. */
function ring(d: Uint8ClampedArray, x: number, yLine: number, dir: -1 | 1): number {
  let darkest = 255;
  for (let k = -3; k <= 2; k++) darkest = Math.min(darkest, lumAt(d, x, yLine + dir * k));
  return darkest / Math.max(1, lumAt(d, x, yLine + dir * 5));
}

function cornerRatio(d: Uint8ClampedArray, lm: Lm, c: number, iod: number): number {
  const R = 0.05 * iod, ls: number[] = [];
  const [cx, cy] = lm[c]!;
  for (let y = Math.floor(cy - R); y <= cy + R; y++) for (let x = Math.floor(cx - R); x <= cx + R; x++) {
    if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= R * R) ls.push(lumAt(d, x, y));
  }
  ls.sort((a, b) => a - b);
  return ls[Math.floor(0.1 * ls.length)]! / Math.max(1, ls[Math.floor(0.75 * ls.length)]!);
}

for (const name of names) {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(DATA, name))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const at = (jaw: number) => { const f = { ...n, w: { ...n.w, jawOpen: jaw } }; return { lm: r.landmarks(f) as Lm, d: Uint8ClampedArray.from(r.render(f).data) }; };
  const a = at(0.25);
  const mw = Math.hypot(a.lm[291]![0] - a.lm[61]![0], a.lm[291]![1] - a.lm[61]![1]);
  const rings: number[] = [];
  for (const [up, lo, k] of [[13, 14, 0], [82, 87, -0.02], [312, 317, 0.02]] as const) {
    const x = (a.lm[up]![0] + a.lm[lo]![0]) / 2 + k * mw;
    rings.push(ring(a.d, x, a.lm[up]![1], -1), ring(a.d, x, a.lm[lo]![1], 1));
  }
  const b = at(0.3);
  const iod = Math.hypot(b.lm[33]![0] - b.lm[263]![0], b.lm[33]![1] - b.lm[263]![1]);
  const corners = [cornerRatio(b.d, b.lm, 61, iod), cornerRatio(b.d, b.lm, 291, iod)];
  const c = at(0.2);
  const x = (c.lm[13]![0] + c.lm[14]![0]) / 2;
  let lo = 255, hi = 0;
  for (let y = Math.ceil(c.lm[13]![1]) + 1; y < Math.floor(c.lm[14]![1]); y++) { const v = lumAt(c.d, x, y); lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const f2 = (v: number) => v.toFixed(2);
  console.log(`${name.padEnd(20)} ring min ${f2(Math.min(...rings))} mean ${f2(rings.reduce((s, v) => s + v, 0) / rings.length)} | corners ${corners.map(f2).join(' ')} | rows ${f2(lo / Math.max(1, hi))}`);
}
