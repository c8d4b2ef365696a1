// The half-shut upper lid's arch (lidbow45): per eye, the upper lid landmarks' heights above the corners'
// chord over the eye width (y up positive) — `sag` at the lid's middle (its highest interior point at
// rest), `iris` the middle over the two points a quarter in from the corners (arch across the iris:
// > 0 the middle higher, < 0 a straight / sagging "visor") — beside the closure `c` (1 - the middle
// opening over the open eye's). Real: each driver's face-mesh track (open = the clip's median opening),
// medians per closure bin; ours: the renderer's landmarks at blink 0 / .3 / .5 / .7 / .9 / 1. Never asserts.
//   node --import tsx bench/lidArch.ts --real [lp_d14.mp4,WDA_KatieHill_000.mp4,...]
//   node --import tsx bench/lidArch.ts lp_s7.jpg,lp_s12.jpg [--blinks .3,.5,.7] [--keep k] [--readback]   (before = render/lidBow.ts off, after = on; --readback: the face mesh on the render)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { lidBowSetting, bowKeeps } from '../src/render/lidBow.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';

type P = ArrayLike<number>;
const pt = (lm: P, i: number, stride: number): [number, number] => [lm[i * stride]!, lm[i * stride + 1]!];

/** One eye's upper lid shape: heights above the corners' chord (y up) over the width; mid opening (px). */
export function lidShape(lm: P, upper: readonly number[], lower: readonly number[], stride = 3): { h: number[]; w: number; open: number } {
  const a = pt(lm, upper[0]!, stride), b = pt(lm, upper[upper.length - 1]!, stride);
  const w = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const h = upper.map((i) => { const p = pt(lm, i, stride); return -((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / w / w; });
  const m = upper.length >> 1;
  let open = 0;
  for (const q of [m - 1, m, m + 1]) { const u = pt(lm, upper[q]!, stride), l = pt(lm, lower[q]!, stride); open += Math.hypot(u[0] - l[0], u[1] - l[1]) / 3; }
  // the sign of the chord's direction (the lists run outer to inner on one eye, inner to outer on the other)
  const s = b[0] > a[0] ? 1 : -1;
  return { h: h.map((v) => v * s), w, open };
}

/** sag: the middle's height above the chord / width; iris: the middle over the quarter points (each list of 9: q 2 and 6). */
export function archFigures(h: readonly number[]): { sag: number; iris: number } {
  const m = h.length >> 1;
  return { sag: h[m]!, iris: h[m]! - (h[2]! + h[h.length - 3]!) / 2 };
}

const EYES = [{ name: 'R', upper: EYE_R_UPPER, lower: EYE_R_LOWER }, { name: 'L', upper: EYE_L_UPPER, lower: EYE_L_LOWER }];
const med = (v: number[]) => { const s = [...v].sort((x, y) => x - y); return s.length ? s[s.length >> 1]! : NaN; };
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '  -  ');

async function real(videos: string[]): Promise<void> {
  const bins = [[-0.1, 0.1], [0.2, 0.4], [0.4, 0.6], [0.6, 0.8], [0.8, 0.95]];
  console.log('real (face mesh of the driver), per closure bin: n sag iris');
  for (const v of videos) {
    const track = await cachedTrack(v, 25);
    for (const e of EYES) {
      const rows = track.filter((r) => r?.lm).map((r) => lidShape(r!.lm!, e.upper, e.lower));
      const openW = med(rows.map((r) => r.open / r.w));
      const out = bins.map(([lo, hi]) => {
        const sel = rows.filter((r) => { const c = 1 - r.open / r.w / openW; return c >= lo! && c < hi!; });
        const f = sel.map((r) => archFigures(r.h));
        return `[${lo}-${hi}) ${String(sel.length).padStart(3)} ${f2(med(f.map((x) => x.sag)))} ${f2(med(f.map((x) => x.iris)))}`;
      });
      console.log(`${v.padEnd(24)} ${e.name}  ${out.join(' | ')}`);
    }
  }
}

async function ours(files: string[], blinks: number[], readback: boolean): Promise<void> {
  console.log(`ours (${readback ? 'the face mesh read back on the render' : 'renderer landmarks'}; lidBow off then ${lidBowSetting.keep ?? 'per eye'}): blink -> c sag iris`);
  for (const file of files) {
    const av = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file)));
    const r = createRenderer(av, { width: 512, height: 512 });
    const keeps = bowKeeps(av.rig.neutral, av.rig.basis, [{ control: CONTROL_INDEX.eyeBlinkRight, upper: EYE_R_UPPER }, { control: CONTROL_INDEX.eyeBlinkLeft, upper: EYE_L_UPPER }],
      [av.rig.photoWeights[CONTROL_INDEX.eyeBlinkRight]!, av.rig.photoWeights[CONTROL_INDEX.eyeBlinkLeft]!], av.rig.rotation);
    console.log(`${file}: per-eye keep R ${keeps[0]!.toFixed(2)} L ${keeps[1]!.toFixed(2)}`);
    const lms: Map<string, number[] | undefined> = new Map();
    for (const on of [false, true]) {
      lidBowSetting.on = on;
      for (const b of [0, ...blinks]) {
        const fr = { ...r.neutralFrame(), blink: b };
        if (!readback) { lms.set(`${on} ${b}`, (r.landmarks(fr) as unknown as number[][]).flatMap((q) => [q[0]!, q[1]!, 0])); continue; }
        const face = (await detectFaces(r.render(fr), { embedding: false }))[0];
        lms.set(`${on} ${b}`, face ? Array.from(face.landmarks, (q) => [q[0]!, q[1]!, 0]).flat() : undefined);
      }
    }
    lidBowSetting.on = true;
    for (const on of [false, true]) {
      for (const e of EYES) {
        const rest = lms.get(`${on} 0`);
        const open0 = rest ? lidShape(rest, e.upper, e.lower).open : NaN;
        const cells = [0, ...blinks].map((b) => {
          const lm = lms.get(`${on} ${b}`);
          if (!lm) return `${b.toFixed(2)}: no face`;
          const s = lidShape(lm, e.upper, e.lower), f = archFigures(s.h);
          const r0 = rest ? archFigures(lidShape(rest, e.upper, e.lower).h).iris : NaN;
          return `${b.toFixed(2)}: ${(1 - s.open / open0).toFixed(2)} ${f2(f.sag)} ${f2(f.iris)} (${(f.iris / r0).toFixed(2)})`;
        });
        console.log(`${file.padEnd(16)} ${on ? 'after ' : 'before'} ${e.name}  ${cells.join(' | ')}`);
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const args = process.argv.slice(2);
  const bi = args.indexOf('--blinks');
  const ki = args.indexOf('--keep');
  if (ki >= 0) lidBowSetting.keep = Number(args[ki + 1]);
  const blinks = bi >= 0 ? args[bi + 1]!.split(',').map(Number) : [0.3, 0.5, 0.7, 0.9, 1];
  if (args[0] === '--real') await real(args[1] ? args[1].split(',') : DRIVERS);
  else await ours(args[0]!.split(','), blinks, args.includes('--readback'));
}
