// s56 mask56: what makes a "mask face" on a brow raise — the upper face's geometry, ours against the driver's.
// Per named frame of a cross pair: the driver's brow / eye channels and pitch (the saved motion), then the upper face
// measured the same way on the driver's own landmarks (head frame: rig fit's canonical, over the clip's median) and
// on ours (renderer.landmarks: the frame as rendered, the frame's weights at the rest pose, the rest pose's weights at
// the frame's pose; over the neutral frame). Measures, in outer-eye-corner distances along the face's vertical:
//   brow  the brows (105/334/66/296) over the eye corners' line (33-263)         — how far the brows rose
//   band  the brows' lower contour (52/65/282/295) over the upper lids' middle (159/386) — the socket's band
//   fore  the forehead's top (10) over the brows                                  — the forehead's height
//   upper the forehead's top over the eye corners' line                           — the upper face
//   face  forehead top to chin (10 -> 152)                                        — the face's length
//   eyeL/R the upper lid's middle to the lower's (159-145, 386-374)              — each eye's opening
// Printed as frame / rest (1.00 = as at rest). --top k also lists each --driver's k strongest brow-rise frames.
//   node --import tsx bench/maskFace.ts --portrait lp_s9.jpg --motion m.json --video /path/vrt4_6.mp4 --frames 43,46 [--fps 25]
//   node --import tsx bench/maskFace.ts --driver lp_d10.mp4 --top 5
// --off: bareRaise.ts off; --typical X: its relative scale's typical band (0: off, the s56 ease alone)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { MotionFrame } from '../src/types.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { fitRig, estimateNeutral, type Landmarks } from '../src/rig/fit.ts';
import { toCanonical } from '../src/rig/canonical.ts';
import { cachedTrack } from './driverTracks.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const fps = Number(opt('--fps', '25'));

type P = ArrayLike<ArrayLike<number>>;
export interface UpperFace { brow: number; band: number; fore: number; upper: number; face: number; eyeL: number; eyeR: number }
/** The upper face's measures of one landmark set (x, y per point; any scale: in eye-corner widths along the face). */
export function upperFace(l: P): UpperFace {
  const ax = l[263]![0]! - l[33]![0]!, ay = l[263]![1]! - l[33]![1]!, iod = Math.hypot(ax, ay);
  const ox = (l[263]![0]! + l[33]![0]!) / 2, oy = (l[263]![1]! + l[33]![1]!) / 2;
  // down the face: the eye line's normal
  const v = (i: number) => (-(l[i]![0]! - ox) * ay + (l[i]![1]! - oy) * ax) / (iod * iod);
  const mean = (is: number[]) => is.reduce((s, i) => s + v(i), 0) / is.length;
  const browY = mean([105, 334, 66, 296]);
  return {
    brow: -browY, band: mean([159, 386]) - mean([52, 65, 282, 295]), fore: browY - v(10), upper: -v(10), face: v(152) - v(10),
    eyeL: v(145) - v(159), eyeR: v(374) - v(386),
  };
}
const KEYS = ['brow', 'band', 'fore', 'upper', 'face', 'eyeL', 'eyeR'] as const;
const ratio = (a: UpperFace, b: UpperFace) => KEYS.map((k) => (a[k] / b[k]).toFixed(2).padStart(5)).join(' ');
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]!; };
const medianFace = (fs: UpperFace[]): UpperFace => Object.fromEntries(KEYS.map((k) => [k, median(fs.map((f) => f[k]))])) as unknown as UpperFace;

/** A driver's upper face per frame, in the head frame (canonical) and in the image, with its pitch. */
async function driverFaces(video: string) {
  const raw = await cachedTrack(video, fps, { cache: process.env.REAL3D_CACHE! });
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const neutral = estimateNeutral(lms.filter((l): l is Landmarks => !!l && l.length >= 478));
  const rows = lms.map((lm, i) => {
    if (!lm || lm.length < 478) return null;
    const fit = fitRig(lm, { neutral, robust: true });
    const c = toCanonical(lm, fit);
    const pts = Array.from({ length: c.length / 3 }, (_, q) => [c[q * 3]!, c[q * 3 + 1]!]);
    return { head: upperFace(pts), image: upperFace(lm), pitch: raw[i]!.angles.pitch };
  });
  const ok = rows.filter((r): r is NonNullable<typeof r> => !!r);
  return { rows, rest: { head: medianFace(ok.map((r) => r.head)), image: medianFace(ok.map((r) => r.image)), pitch: median(ok.map((r) => r.pitch)) } };
}

console.log('ratios frame / rest:', KEYS.join(' '));
// --off: render/bareRaise.ts off (the renderer as before s56)
if (args.includes('--off')) (await import('../src/render/bareRaise.ts')).bareRaiseSetting.on = false;
// --typical X: bareRaiseSetting.typical (s57 maskface57; 0 = the s56 ease alone)
if (args.includes('--typical')) (await import('../src/render/bareRaise.ts')).bareRaiseSetting.typical = Number(opt('--typical', '0.19'));
const abs = (f: UpperFace) => KEYS.map((k) => f[k].toFixed(3)).join(' ');
const video = opt('--video', opt('--driver', ''));
const d = video ? await driverFaces(video) : null;
if (d && args.includes('--top')) {
  const k = Number(opt('--top', '5'));
  const order = d.rows.map((r, i) => [i, r ? r.head.brow / d.rest.head.brow : 0] as const).sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`${path.basename(video)} rest (head frame, eye-corner widths) ${abs(d.rest.head)}`);
  for (const [i] of order) {
    const r = d.rows[i]!;
    console.log(`${path.basename(video)} f${i} pitch ${(r.pitch - d.rest.pitch).toFixed(1)} | head ${ratio(r.head, d.rest.head)} | image ${ratio(r.image, d.rest.image)}`);
  }
}
if (args.includes('--motion')) {
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s9.jpg'))));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame(), rest = upperFace(r.landmarks(n));
  console.log(`ours rest (eye-corner widths) ${abs(rest)}`);
  for (const k of opt('--frames', '43').split(',').map(Number)) {
    // --scale s: the three raises' change over the neutral's scaled (the sheets' x.6 / x.35 columns, measured)
    const sc = Number(opt('--scale', '1')), f0 = frames[k]!;
    const f = sc === 1 ? f0 : { ...f0, w: { ...f0.w, ...Object.fromEntries(['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight'].map((c) => [c, (n.w[c] ?? 0) + sc * ((f0.w[c] ?? 0) - (n.w[c] ?? 0))])) } };
    const w = f.w;
    const ch = ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight', 'eyeWideLeft', 'eyeWideRight', 'eyeBlinkLeft', 'eyeBlinkRight', 'eyeSquintLeft', 'eyeSquintRight'].map((c) => (w[c] ?? 0).toFixed(2)).join(' ');
    console.log(`f${k} channels inner/outerL/outerR wideL/R blinkL/R squintL/R ${ch} | pose yaw ${f.pose.yaw.toFixed(1)} pitch ${f.pose.pitch.toFixed(1)} roll ${f.pose.roll.toFixed(1)}`);
    if (d?.rows[k]) console.log(`  driver  pitch ${(d.rows[k]!.pitch - d.rest.pitch).toFixed(1)} over its median | head ${ratio(d.rows[k]!.head, d.rest.head)} | image ${ratio(d.rows[k]!.image, d.rest.image)}`);
    console.log(`  ours    as rendered ${ratio(upperFace(r.landmarks(f)), rest)} | weights at rest pose ${ratio(upperFace(r.landmarks({ ...f, pose: n.pose })), rest)} | pose alone ${ratio(upperFace(r.landmarks({ ...n, pose: f.pose })), rest)}`);
  }
}
if (args.includes('--rests')) {
  // each portrait's rest (neutral render's landmarks) and at a full raise (the three raises at 1, rest pose)
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  for (const file of opt('--rests', '').split(',')) {
    const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file))), { width: 512, height: 512 });
    const n = r.neutralFrame(), rest = upperFace(r.landmarks(n));
    const full = upperFace(r.landmarks({ ...n, w: { ...n.w, browInnerUp: 1, browOuterUpLeft: 1, browOuterUpRight: 1 } }));
    console.log(`${file.padEnd(18)} rest ${abs(rest)} | full raise / rest ${ratio(full, rest)}`);
  }
}
if (args.includes('--bands')) {
  // each portrait's brow band as the renderer eases it (render/bareRaise.ts): rest, rise per raise, bare share
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { browBand } = await import('../src/render/bareRaise.ts');
  const { browHairShares } = await import('../src/avatar/browHair.ts');
  for (const file of opt('--bands', '').split(',')) {
    const a = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
    const bare = 1 - Math.max(...browHairShares(a.texture, (i) => [a.uv[i * 2]!, a.uv[i * 2 + 1]!], a.head.iod));
    const b = browBand(a.rig.neutral, a.rig.basis, a.rig.photoWeights, bare);
    const full = b.rest.map((r, s) => (b.rise.reduce((t, q) => t + q[s]!, 0) / r).toFixed(2));
    console.log(`${file.padEnd(18)} bare ${bare.toFixed(2)} band rest ${b.rest.map((v) => v.toFixed(3)).join('/')} full-raise stretch ${full.join('/')}`);
  }
}
if (args.includes('--tone')) {
  // the band's tone per side on the render (512): luma p10 / p50 over the texels between the brow's lower contour and
  // the upper lid (middle 60 % of columns), at the neutral frame (the photo's socket) and at --frames; --root another checkout
  const { pathToFileURL } = await import('node:url');
  const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
  const { cachedPortrait } = await import('./portraitCache.ts');
  const { SHARED_PORTRAITS } = await import('./sharedData.ts');
  const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
  const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
  const frames = (JSON.parse(readFileSync(opt('--motion', ''), 'utf8')) as { frames: MotionFrame[] }).frames;
  const r = createRenderer(buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--portrait', 'lp_s9.jpg')))), { width: 512, height: 512 });
  const SIDES = [{ lower: [276, 283, 282, 295, 285], lid: [263, 466, 388, 387, 386, 385, 384, 398, 362] }, { lower: [46, 53, 52, 65, 55], lid: [33, 246, 161, 160, 159, 158, 157, 173, 133] }];
  const at = (pts: number[][], x: number) => {
    const s = [...pts].sort((a, b) => a[0]! - b[0]!);
    for (let q = 1; q < s.length; q++) if (x <= s[q]![0]!) { const t = (x - s[q - 1]![0]!) / Math.max(1e-6, s[q]![0]! - s[q - 1]![0]!); return s[q - 1]![1]! + t * (s[q]![1]! - s[q - 1]![1]!); }
    return s[s.length - 1]![1]!;
  };
  const tone = (f: MotionFrame) => {
    const img = r.render(f), lm = r.landmarks(f);
    return SIDES.map((sd) => {
      const lower = sd.lower.map((i) => lm[i]!), lid = sd.lid.map((i) => lm[i]!);
      const xs = lower.map((p) => p[0]!), xa = Math.min(...xs), xb = Math.max(...xs);
      const L: number[] = [];
      for (let x = Math.ceil(xa + 0.2 * (xb - xa)); x <= xb - 0.2 * (xb - xa); x++) {
        const yB = at(lower, x), yL = at(lid, x);
        for (let y = Math.ceil(yB); y < yL - 1; y++) { const o = (y * 512 + x) * 4; L.push(0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!); }
      }
      L.sort((a, b) => a - b);
      const p = (q: number) => L[Math.floor(q * (L.length - 1))] ?? 0;
      return `p10 ${p(0.1).toFixed(0)} p50 ${p(0.5).toFixed(0)} n ${L.length}`;
    }).join(' | ');
  };
  console.log(`${path.basename(root)} neutral: ${tone(r.neutralFrame())}`);
  for (const k of opt('--frames', '43').split(',').map(Number)) console.log(`${path.basename(root)} f${k}: ${tone(frames[k]!)}`);
}
