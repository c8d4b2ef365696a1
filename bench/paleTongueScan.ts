// Which frames of a tracked driver the pale-tongue judgement (motion/paleTongue.ts) takes, with the lower bright mass's
// figures and its shape (issue #13, s50 toothhole50: a re-encode smooths a small face's lower row of teeth under the
// texture test, pcavs681 cut f106-f107, and the judgement then drops the row and every teeth reading under it).
// Per judged frame (weight > .5, or every open frame with --all): texture, median saturation, pixels, and the mass's
// height: per column of the opening's middle, its lower-half bright pixels over the column's height inside the contour
// (median) and in IOD. `--reencode CRF` reads a libx264 re-encode of the clip with the source's landmarks.
//   node --import tsx bench/paleTongueScan.ts --video lp_d11.mp4 [--reencode 28] [--all] [--frames a-b]
// Never asserts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RgbaImage } from '../src/types.ts';
import { isTeethPixel, lipReference } from '../src/motion/mouthDark.ts';
import { lowerMass, paleTongueWeight } from '../src/motion/paleTongue.ts';
import { rowCrossings } from '../src/math/polygon.ts';
import { quantile } from '../src/math/stats.ts';
import { MOUTH_LOOP } from '../src/rig/topology.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = opt('--video', 'lp_d11.mp4'), crf = opt('--reencode', ''), all = args.includes('--all');
const range = opt('--frames', '').split('-').filter(Boolean).map(Number);
const file = video.includes('/') ? video : path.join(SHARED_DATA, 'video', video);
let source = file;
if (crf) {
  source = path.join(mkdtempSync(path.join(os.tmpdir(), 'ptscan-')), `crf${crf}.mp4`);
  execFileSync(path.join(import.meta.dirname, '../node_modules/@ffmpeg-installer/linux-x64/ffmpeg'), ['-v', 'error', '-y', '-i', file, '-an', '-c:v', 'libx264', '-crf', crf, '-pix_fmt', 'yuv420p', source]);
}
const track = await cachedTrack(video, 25, { cache: process.env.REAL3D_CACHE! });
let f = -1, judged = 0, open = 0;
for await (const img of decodeVideoFrames(source, { fps: 25, maxSide: 720 }) as AsyncIterable<RgbaImage>) {
  f++;
  if (range.length === 2 && (f < range[0]! || f > range[1]!)) continue;
  const lm = track[f]?.lm;
  if (!lm) continue;
  const ref = lipReference(img, lm), poly = MOUTH_LOOP.map((k) => [lm[k * 3]!, lm[k * 3 + 1]!] as [number, number]);
  const isTooth = (r: number, g: number, b: number) => isTeethPixel(r, g, b, ref.light, ref.sat);
  const m = lowerMass(img, poly, isTooth, ref.light), w = paleTongueWeight(m);
  if (m.lower === 0) continue;
  open++;
  if (w > 0.5) judged++;
  if (!all && w <= 0.5) continue;
  const iod = Math.hypot(lm[33 * 3]! - lm[263 * 3]!, lm[33 * 3 + 1]! - lm[263 * 3 + 1]!);
  const h = massHeight(img, poly, isTooth);
  console.log(`f${f} w ${w.toFixed(2)} lipS ${ref.sat.toFixed(3)} ratio ${(m.lowerSat / ref.sat).toFixed(2)} n ${m.lower} tex ${m.texture.toFixed(3)} sat ${m.lowerSat.toFixed(3)} | height/col ${h.share.toFixed(2)} px ${h.px.toFixed(1)} iod ${(h.px / iod).toFixed(3)} gap ${(track[f]!.m.lipGap ?? NaN).toFixed(2)} dome ${h.dome.toFixed(2)} wide ${h.wide.toFixed(2)} arch ${h.arch.toFixed(1)} arch/px ${(h.arch / h.px).toFixed(2)}`);
}
console.log(`${video}${crf ? ` crf${crf}` : ''}: ${judged} of ${open} frames with a lower mass judged a pale tongue`);

/**
 * The lower mass's height: over the columns holding any of its pixels (`isTooth`, under the contour's middle row), the
 * median count of them, in pixels and over the column's height inside the contour.
 */
function massHeight(img: RgbaImage, poly: [number, number][], isTooth: (r: number, g: number, b: number) => boolean): { px: number; share: number; dome: number; wide: number; arch: number } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of poly) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const cx0 = Math.max(0, Math.ceil(x0)), w = Math.max(0, Math.min(img.width - 1, Math.floor(x1)) - cx0 + 1);
  const mid = (y0 + y1) / 2, d = img.data, W = img.width, xs: number[] = [];
  const count = new Float64Array(w), height = new Float64Array(w), topY = new Float64Array(w).fill(Infinity);
  for (let y = Math.max(0, Math.ceil(y0)); y <= Math.min(img.height - 1, Math.floor(y1)); y++) {
    rowCrossings(poly, y, xs);
    for (let k = 0; k + 1 < xs.length; k += 2)
      for (let x = Math.max(cx0, Math.ceil(xs[k]!)); x < Math.min(cx0 + w, xs[k + 1]!); x++) {
        height[x - cx0]!++;
        const i = (y * W + x) * 4;
        if (y >= mid && isTooth(d[i]!, d[i + 1]!, d[i + 2]!)) { count[x - cx0]!++; topY[x - cx0] = Math.min(topY[x - cx0]!, y); }
      }
  }
  const px: number[] = [], share: number[] = [];
  for (let c = 0; c < w; c++) if (count[c]! > 0) { px.push(count[c]!); share.push(count[c]! / height[c]!); }
  // the opening's columns (inside the contour) split in thirds: the mass's median height in the middle third over the outer thirds' (zeros counted), and the share of columns holding any
  const cols: number[] = []; for (let c = 0; c < w; c++) if (height[c]! > 0) cols.push(c);
  const n3 = Math.floor(cols.length / 3), midH = cols.slice(n3, cols.length - n3).map((c) => count[c]!), outH = [...cols.slice(0, n3), ...cols.slice(cols.length - n3)].map((c) => count[c]!);
  const dome = (quantile(midH.length ? midH : [0], 0.5) + 0.5) / (quantile(outH.length ? outH : [0], 0.5) + 0.5), wide = cols.filter((c) => count[c]! > 0).length / Math.max(1, cols.length);
  // the mass's top edge over its own columns: its outer thirds' median top row less its middle third's (px; > 0: an arch, highest in the middle)
  const massCols: number[] = []; for (let c = 0; c < w; c++) if (count[c]! > 0) massCols.push(c);
  const m3 = Math.floor(massCols.length / 3), tops = (cs: number[]) => quantile(cs.map((c) => topY[c]!), 0.5);
  const arch = massCols.length >= 6 ? tops([...massCols.slice(0, m3), ...massCols.slice(massCols.length - m3)]) - tops(massCols.slice(m3, massCols.length - m3)) : NaN;
  return px.length ? { px: quantile(px, 0.5), share: quantile(share, 0.5), dome, wide, arch } : { px: 0, share: 0, dome: 0, wide: 0, arch: NaN };
}
