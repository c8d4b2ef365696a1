// The wedge beside the shoulders (issue #15, s40 shoulder40): per frame of a saved motion, per --root checkout
// (each with its own analysis code via its bench/portraitCache.ts), at 512 px. Zone = pixels below the chin that the
// frame shows as backdrop (person alpha < 128) within 12 px of the person's outline in that frame (the fill past the
// body along the outline). Each zone pixel's reference is the photo itself where the rest frame shows mostly backdrop
// (rest alpha < 128: what the photo shows there), else (uncovered by the motion) the photo's local backdrop mean (24 px
// box over the pixels with rest alpha < 5).
// **off** = zone pixels more than 30 RGB levels from their reference (the wedge/band); **width** = the median over the
// rows that have any of their off px per row, per side (image-left | image-right of the chin), the larger side's; **dBg** = the off pixels' mean
// distance from their reference backdrop; **dShirt** = their mean distance from the shirt (the mean colour of the
// rest frame's person pixels, alpha 255, within 10 px inside its outline below the chin, on that side). A band of the
// photo's green dragged over cream reads as dBg high and dShirt high; the shirt's own colour smeared out, dShirt low.
// Prints the rest frame, medians over the frames, and the 6 frames with the most off px. Never asserts.
//   node --import tsx bench/shoulderWedge.ts --portrait lp_s11.jpg --motion m.json --root /work/wt/before40,. [--every 2]
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { boxBlur, distanceToOutside } from '../src/analyze/raster.ts';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { checkoutRenderer } from './headCells.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const name = opt('--portrait', 'lp_s11.jpg');
const motion = JSON.parse(await readFile(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] };
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const every = Number(opt('--every', '1'));
const maskOut = opt('--mask', ''); // the rest frame with its off pixels painted magenta, per root (name gets the root's)
const SIZE = 512, NEAR = 12, OFF = 30;
const median = (v: number[]) => { const s = v.filter(Number.isFinite).sort((p, q) => p - q); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
const dist3 = (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number) => Math.hypot(a[i]! - b[j]!, a[i + 1]! - b[j + 1]!, a[i + 2]! - b[j + 2]!);

interface Fig { off: number; width: number; dBg: number; dShirt: number }

for (const root of roots) {
  const { cachedPortrait } = await import(path.join(root, 'bench/portraitCache.ts'));
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
  if (portrait.image.width !== SIZE) throw new Error(`${name}: the crop is ${portrait.image.width} px, this bench reads a 512 px crop 1:1`);
  const photo = portrait.image.data as Uint8ClampedArray;
  const { renderer: r, neutral: rest } = await checkoutRenderer(root, portrait);
  const restAlpha = Uint8ClampedArray.from(r.render(rest, { background: null }).data);
  const [chinX, chinY] = r.landmarks(rest)[152]!;
  const y0 = Math.ceil(chinY) * SIZE;
  // reference backdrop per pixel: the photo where it shows backdrop at rest, else the local backdrop mean
  const n = SIZE * SIZE;
  const bd = Float32Array.from({ length: n }, (_, i) => (restAlpha[i * 4 + 3]! < 5 ? 1 : 0));
  const wgt = boxBlur(bd, SIZE, SIZE, 24);
  const mean = [0, 1, 2].map((c) => boxBlur(Float32Array.from({ length: n }, (_, i) => bd[i]! * photo[i * 4 + c]!), SIZE, SIZE, 24));
  const ref = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) ref[i * 4 + c] = restAlpha[i * 4 + 3]! < 128 ? photo[i * 4 + c]! : mean[c]![i]! / Math.max(1e-6, wgt[i]!);
  // the shirt's colour per side
  const inside = distanceToOutside((i) => restAlpha[i * 4 + 3]! < 128, SIZE, SIZE, 16);
  const shirt = [[0, 0, 0, 0], [0, 0, 0, 0]];
  for (let i = y0; i < n; i++) {
    if (restAlpha[i * 4 + 3]! < 255 || inside[i]! > 10 || inside[i]! === 0) continue;
    const s = shirt[(i % SIZE) < chinX ? 0 : 1]!;
    for (let c = 0; c < 3; c++) s[c]! += photo[i * 4 + c]!;
    s[3]! += 1;
  }
  const shirtC = shirt.map((s) => [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!]);
  const measure = (shown: Uint8ClampedArray, alpha: Uint8ClampedArray, paint?: Uint8ClampedArray): Fig => {
    const person = distanceToOutside((i) => alpha[i * 4 + 3]! >= 128, SIZE, SIZE, NEAR + 1); // distance to the person
    let off = 0, dBg = 0, dShirt = 0;
    const rows = [new Map<number, number>(), new Map<number, number>()];
    for (let i = y0; i < n; i++) {
      if (alpha[i * 4 + 3]! >= 128 || person[i]! > NEAR) continue;
      if (dist3(shown, i * 4, ref, i * 4) <= OFF) continue;
      const side = (i % SIZE) < chinX ? 0 : 1, y = Math.floor(i / SIZE);
      if (paint) paint.set([255, 0, 255, 255], i * 4);
      off++; dBg += dist3(shown, i * 4, ref, i * 4); dShirt += dist3(shown, i * 4, shirtC[side]!, 0);
      rows[side]!.set(y, (rows[side]!.get(y) ?? 0) + 1);
    }
    const width = Math.max(...rows.map((m) => (m.size ? median([...m.values()]) : 0)));
    return { off, width, dBg: off ? dBg / off : NaN, dShirt: off ? dShirt / off : NaN };
  };
  const fmt = (f: Fig) => `off ${String(f.off).padStart(4)} width ${f.width.toFixed(1).padStart(4)} dBg ${f.dBg.toFixed(0).padStart(3)} dShirt ${f.dShirt.toFixed(0).padStart(3)}`;
  const restShown = Uint8ClampedArray.from(r.render(rest).data), paint = maskOut ? Uint8ClampedArray.from(restShown) : undefined;
  const restFig = measure(restShown, restAlpha, paint);
  if (paint) await sharp(Buffer.from(paint.buffer), { raw: { width: SIZE, height: SIZE, channels: 4 } }).png().toFile(maskOut.replace(/\.png$/, `-${path.basename(root)}.png`));
  const per: (Fig & { i: number })[] = [];
  for (let i = 0; i < motion.frames.length; i += every) {
    const f = motion.frames[i]!;
    const shown = Uint8ClampedArray.from(r.render(f).data);
    per.push({ i, ...measure(shown, r.render(f, { background: null }).data) });
  }
  const med = (k: keyof Fig) => median(per.map((p) => p[k]));
  const worst = [...per].sort((p, q) => q.off - p.off).slice(0, 6);
  console.log(`${path.basename(root).padEnd(12)} ${name} rest: ${fmt(restFig)} | median of ${per.length}: off ${med('off')} width ${med('width').toFixed(1)} dBg ${med('dBg').toFixed(0)} dShirt ${med('dShirt').toFixed(0)} [shirt ${shirtC.map((c) => c.map(Math.round).join(',')).join(' | ')}]`);
  console.log(`  worst: ${worst.map((p) => `f${p.i} ${p.off}px w${p.width.toFixed(1)} bg${p.dBg.toFixed(0)} sh${p.dShirt.toFixed(0)}`).join('  ')}`);
}
process.exit(0);
