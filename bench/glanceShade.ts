// The white a glance uncovers, against the photo's own white (texture space, the renderer's own gaze shaders, per
// portrait, eye and gaze x): `U` = texels inside the opening within the rest iris (1 ring) and clear of the moved iris
// (1.3 rings); `W` = the photo's white at rest (past 1.1 rings). Per set: mean luma, the lid shade `top/deep` (mean luma
// under .6 rings below the opening's top over the deeper texels'), `std` (luma spread over mean: a flat fill is low),
// and `corner` (mean luma of the outer half of the eye's half width over the inner half, for W on the side U lies on).
// `--png out.png`: per eye rest | each gaze, 10x. Never asserts.
//   node --import tsx bench/glanceShade.ts lp_s10.jpg,lp_s0.jpg [--gaze -1,-.35,.35,1] [--base /work/main] [--png out.png]
import sharp, { type OverlayOptions } from 'sharp';
import path from 'node:path';
import { forEachGlanceEye, glanceArgs, type TexelRead } from './glanceEyes.ts';
import { insidePolygon, rowCrossings } from '../src/math/polygon.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const GAZES = (arg('--gaze') ?? '-1,-0.35,0.35,1').split(',').map(Number);
const { files, roots } = glanceArgs();
const png = arg('--png'), Z = 10;
const lum = (c: number) => 0.299 * (c & 255) + 0.587 * ((c >>> 8) & 255) + 0.114 * ((c >>> 16) & 255);
const raws: { raw: Buffer; bw: number; bh: number; left: number; top: number }[] = [];
let rowY = 0, W = 0;

function stats(read: TexelRead, pts: { x: number; y: number; depth: number }[], ring: number) {
  const ls = pts.map((p) => lum(read(p.x, p.y)));
  const mean = ls.reduce((a, b) => a + b, 0) / Math.max(1, ls.length);
  const std = Math.sqrt(ls.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, ls.length));
  const top = pts.map((p, i) => [p.depth < 0.6 * ring, ls[i]!] as const);
  const m = (f: boolean) => { const v = top.filter(([t]) => t === f).map(([, l]) => l); return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN; };
  return { n: ls.length, mean, std: std / Math.max(1, mean), shade: m(true) / m(false) };
}

await forEachGlanceEye(roots, files, ({ root, file, eye, disc: d, outline: poly, rest, glance }) => {
  const ring = (d.radius - 1.5) / 1.3;
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.floor(Math.min(...xs)), x1 = Math.ceil(Math.max(...xs)), y0 = Math.floor(Math.min(...ys)), y1 = Math.ceil(Math.max(...ys));
  const tr = poly.map(([a, b]) => [b, a] as [number, number]);
  const topAt = (x: number) => { const c = rowCrossings(tr, x + 0.5); return c.length >= 2 ? c[0]! : NaN; };
  const inside: { x: number; y: number; depth: number }[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (insidePolygon(x + 0.5, y + 0.5, poly)) inside.push({ x, y, depth: y + 0.5 - topAt(x) });
  const whites = inside.filter((p) => Math.hypot(p.x + 0.5 - d.cx, p.y + 0.5 - d.cy) > 1.1 * ring);
  const w = stats(rest, whites, ring);
  const cells = [`W n ${w.n} mean ${w.mean.toFixed(0)} top/deep ${w.shade.toFixed(2)} std ${w.std.toFixed(2)}`];
  const reads: TexelRead[] = [rest];
  for (const gx of GAZES) {
    const { shift: [sx, sy], read } = glance(gx);
    const u = inside.filter((p) => Math.hypot(p.x + 0.5 - d.cx, p.y + 0.5 - d.cy) < ring && Math.hypot(p.x + 0.5 - d.cx - sx, p.y + 0.5 - d.cy - sy) > 1.3 * ring);
    const s = stats(read, u, ring);
    cells.push(`g${gx} sx ${sx.toFixed(1)} U n ${s.n} mean ${s.mean.toFixed(0)} top/deep ${s.shade.toFixed(2)} std ${s.std.toFixed(2)}`);
    if (png) { const buf = new Uint32Array((x1 - x0 + 1) * (y1 - y0 + 1)); for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) buf[(y - y0) * (x1 - x0 + 1) + x - x0] = read(x, y); reads.push(((b) => (x: number, y: number) => b[(y - y0) * (x1 - x0 + 1) + x - x0]!)(buf)); }
  }
  console.log(`${path.basename(root).padEnd(10)} ${file} eye ${eye} ring ${ring.toFixed(1)}: ${cells.join(' | ')}`);
  if (png) {
    const bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    let x = 0;
    for (const r of reads) {
      const raw = Buffer.alloc(bw * bh * 4);
      for (let y = 0; y < bh; y++) for (let xx = 0; xx < bw; xx++) raw.writeUInt32LE((r === rest ? rest(x0 + xx, y0 + y) : r(x0 + xx, y0 + y)) >>> 0, (y * bw + xx) * 4);
      raws.push({ raw, bw, bh, left: x, top: rowY });
      x += bw * Z + 4;
    }
    W = Math.max(W, x); rowY += bh * Z + 4;
  }
});
const tiles: OverlayOptions[] = await Promise.all(raws.map(async ({ raw, bw, bh, left, top }) => ({ input: await sharp(raw, { raw: { width: bw, height: bh, channels: 4 } }).resize(bw * Z, bh * Z, { kernel: 'nearest' }).png().toBuffer(), left, top })));
if (png) await sharp({ create: { width: W, height: rowY, channels: 3, background: '#202020' } }).composite(tiles).toFile(png);
