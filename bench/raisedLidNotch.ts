// notch42: pale pixels in a raised upper lid's edge band, a saved motion's frames, with raisedLidBand.ts off | on.
// Per frame and eye (image-left | image-right): over the iris's columns on screen, the whole pixels in the 3 rows above
// the face mesh's upper lid line (the lid's lash band; not the pixel the line crosses, shared by coverage) lighter than luma 60 (lp_s7's liner ~20-40, the white
// ~160): the pale catchlight the lid lifts; and `changed`, channel values off vs on over the whole frame.
// Optional 6x sheet of the image-left | right eye tops: off over on.
//   node --import tsx bench/raisedLidNotch.ts lp_s7.jpg m.motion.json 76,78,79,80,82 [--sheet out.png]
//   node --import tsx bench/raisedLidNotch.ts lp_s2.jpg wide:0.6 0 [--sheet out.png]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { raisedLidBandSetting } from '../src/render/raisedLidBand.ts';
import { EYE_L_UPPER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { polylineYAt } from '../src/render/slitEdge.ts';

const args = process.argv.slice(2);
const [photo, motion, frameList] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) as [string, string, string];
const si = args.indexOf('--sheet'), sheet = si >= 0 ? args[si + 1] : undefined;
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', photo)));
const S = 512;
const rs = [false, true].map((on) => { raisedLidBandSetting.on = on; return createRenderer(avatar, { width: S, height: S }); });
raisedLidBandSetting.on = true;
// MOTION `wide:0.6`: the neutral frame with eyeWide 0.6 on both eyes (frame list ignored but for its length)
const frames: MotionFrame[] = motion.startsWith('wide:')
  ? (() => { const n = rs[0]!.neutralFrame(), w = Number(motion.slice(5)); return [{ ...n, w: { ...n.w, eyeWideLeft: w, eyeWideRight: w } }]; })()
  : (JSON.parse(readFileSync(motion, 'utf8')) as { frames: MotionFrame[] }).frames;
/** Lighter than this (luma) in the lid's band is pale: lp_s7's liner reads ~20-40, its lid skin ~140, the white ~160. */
const PALE = 60;
const lum = (d: ArrayLike<number>, i: number) => 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;
const tiles: OverlayOptions[] = [];
let top = 0, tileW = 0;
const sums = [[0, 0], [0, 0]];
for (const f of frameList.split(',').map(Number)) {
  const lm = rs[0]!.landmarks(frames[f]!);
  const imgs = rs.map((r) => r.render(frames[f]!));
  let changed = 0;
  for (let i = 0; i < S * S * 4; i++) if (imgs[0]!.data[i] !== imgs[1]!.data[i]) changed++;
  const cells: string[] = [];
  let left = 0;
  for (const [e, upper] of [EYE_R_UPPER, EYE_L_UPPER].entries()) {
    const xs = upper.map((i) => lm[i]![0]), ys = upper.map((i) => lm[i]![1]);
    // the face mesh's iris inside this opening (473 sits in the image-left eye on lp_s7)
    const inEye = (i: number) => lm[i]![0] >= Math.min(...xs) && lm[i]![0] <= Math.max(...xs);
    const c = inEye(468) ? 468 : 473, iris = lm[c]!, rim = lm[c + 1]!;
    const r = Math.max(2, Math.abs(rim[0] - iris[0]));
    const counts = imgs.map((img) => {
      let n = 0;
      for (let x = Math.floor(iris[0] - r); x <= Math.ceil(iris[0] + r); x++) {
        const y = polylineYAt(xs, ys, x + 0.5);
        if (!Number.isFinite(y)) continue;
        for (let p = Math.floor(y - 3); p + 1 <= y; p++) if (lum(img.data, p * S + x) > PALE) n++;
      }
      return n;
    });
    counts.forEach((c, k) => (sums[e]![k] += c));
    cells.push(`${counts[0]} -> ${counts[1]}`);
    if (sheet) {
      const x0 = Math.round(Math.min(...xs) - 4), y0 = Math.round(Math.min(...ys) - 10), w = Math.round(Math.max(...xs) - Math.min(...xs) + 8), h = 26, z = 6;
      for (const [k, img] of imgs.entries()) {
        const input = await sharp(Buffer.from(img.data), { raw: { width: S, height: S, channels: 4 } }).extract({ left: x0, top: y0, width: w, height: h }).resize(w * z, h * z, { kernel: 'nearest' }).png().toBuffer();
        tiles.push({ input, left, top: top + k * (h * z + 4) });
      }
      left += w * z + 8; tileW = Math.max(tileW, left);
      if (e === 1) top += 2 * (h * z + 4) + 12;
    }
  }
  console.log(`f${f}: pale in the lid band (image-left | image-right) off -> on: ${cells.join(' | ')}; changed ${changed} channel values`);
}
console.log(`total: ${sums[0]![0]} -> ${sums[0]![1]} | ${sums[1]![0]} -> ${sums[1]![1]}`);
if (sheet) { await sharp({ create: { width: tileW, height: top, channels: 3, background: '#202020' } }).composite(tiles).toFile(sheet); console.log(`sheet: ${sheet}`); }
