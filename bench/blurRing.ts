// (s59 speed59) CPU time of math/gridBlur.ts blurRgb on a shut eye's ring grid (closedEye/frameMatch.ts: 77 x 58
// cells, sigma 5), this checkout's against another's (--base), interleaved in rounds; the ring is synthetic: an
// elliptic band round the patch's middle, as wide as the mask's outer feather, plus the cells under the shut line.
// Checks both give the same bits. Prints the medians; never asserts.
//   node --import tsx bench/blurRing.ts --base OTHER_CHECKOUT [--band 0.12]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const here = path.resolve(import.meta.dirname, '..'), base = path.resolve(opt('--base', here));
const band = Number(opt('--band', '0.12'));
const fns = await Promise.all([base, here].map(async (root) => (await import(pathToFileURL(path.join(root, 'src/math/gridBlur.ts')).href)).blurRgb as (a: Float32Array, w: number, h: number, s: number) => void));
const W = 77, H = 58, ring = new Float32Array(W * H * 3);
let cells = 0;
for (let r = 0; r < H; r++) for (let c = 0; c < W; c++) {
  const e = Math.hypot((c - W / 2) / (W * 0.42), (r - H / 2) / (H * 0.36));
  const under = r > H * 0.62 && e < 1 + band;
  if ((e > 1 && e < 1 + band) || under) { const k = (r * W + c) * 3; ring[k] = 90 + (c % 7); ring[k + 1] = 100 + (r % 5); ring[k + 2] = 1; cells++; }
}
const a = ring.slice(), b = ring.slice();
fns[0]!(a, W, H, 5); fns[1]!(b, W, H, 5);
const same = Buffer.compare(Buffer.from(a.buffer), Buffer.from(b.buffer)) === 0;
const reps = 200, rounds = 12, t: number[][] = [[], []];
for (let round = 0; round < rounds; round++) for (const k of round % 2 ? [1, 0] : [0, 1]) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) { const g = ring.slice(); fns[k]!(g, W, H, 5); }
  const c = process.cpuUsage(c0); t[k]!.push((c.user + c.system) / 1000 / reps);
}
const med = (x: number[]) => [...x].sort((p, q) => p - q)[x.length >> 1]!;
console.log(`ring ${cells}/${W * H} cells non-zero; same bits: ${same}; blurRgb CPU ms: base ${med(t[0]!).toFixed(3)}, ours ${med(t[1]!).toFixed(3)} (medians of ${rounds} rounds x ${reps})`);
process.exit(0);
