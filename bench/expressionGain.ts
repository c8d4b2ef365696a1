// Where a driver's expression loses its size, in the face's own geometry rather than in rig weights:
// at each driver's strongest frames of an expression (by the scorer's fit, as bench/cross.ts picks its
// peaks), how far the driver's landmarks moved from its median frame, and how far ours moved from the
// photo, both read by the face mesh in the head frame (pose removed by the rig fit) in eye-corner
// distances. Smile: mouth width (% over rest) and corner lift over the lip centre; brows: the brows'
// height over the eye corners (browDrop.ts); eyes: the lid opening as a share of rest (a narrowing
// that is not a blink; the motion's blink there is printed beside). Also the motion's weights there. Prints means; never asserts.
//   node --import tsx bench/expressionGain.ts [--photo lp_s42.jpg] [--top 6] [--only lp_d6.mp4,...]
import path from 'node:path';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { motionFramesFromRaw } from '../src/motion/fromVideo.ts';
import { landmarkList } from '../src/motion/retarget.ts';
import { browHeights } from '../src/motion/browDrop.ts';
import { lidHeights } from '../src/motion/lowerLid.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { fitRig, estimateNeutral, toCanonical, type Landmarks } from '../src/rig/fit.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack, DRIVERS } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = arg('--photo', 'lp_s42.jpg');
const TOP = Number(arg('--top', '6'));
const only = process.argv.includes('--only') ? arg('--only', '').split(',') : DRIVERS;
const FPS = 10;

/** Head-frame geometry of one face: [mouth width, corner lift, brow height (mean of both), eye opening share basis, lower lids under the eye corners (mean of both), eye opening in the head frame]. */
function geometry(lm: Landmarks): number[] {
  const c = toCanonical(lm, fitRig(lm));
  const X = (i: number) => c[i * 3]!, Y = (i: number) => c[i * 3 + 1]!;
  const [bl, br] = browHeights(c);
  const e = eyeOpenings(lm);
  const [ll, lr] = lidHeights(c);
  return [X(291) - X(61), (Y(13) + Y(14)) / 2 - (Y(61) + Y(291)) / 2, (bl + br) / 2, (e.left + e.right) / 2, (ll.lower + lr.lower) / 2, (ll.upper + ll.lower + lr.upper + lr.lower) / 2];
}
/** How far geometry g moved from rest r: width in % of rest, lift and brow height in eye-corner distances, eye opening as a share of rest, the lower lid's rise as a share of the rest opening. */
const moved = (g: number[], r: number[]) => [100 * (g[0]! / r[0]! - 1), g[1]! - r[1]!, g[2]! - r[2]!, g[3]! / r[3]!, (r[4]! - g[4]!) / r[5]!];
const GROUPS: [string, string[], number, string][] = [
  ['smile', ['mouthSmileLeft', 'mouthSmileRight'], 0, 'width +%'],
  ['smile', ['mouthSmileLeft', 'mouthSmileRight'], 1, 'corner lift'],
  ['smile', ['mouthSmileLeft', 'mouthSmileRight'], 4, 'lower lid rise'],
  ['smile', ['mouthSmileLeft', 'mouthSmileRight'], 3, 'eye open share'],
  ['brows up', ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight'], 2, 'brow rise'],
  ['frown', ['browDownLeft', 'browDownRight'], 2, 'brow rise'],
  ['squint', ['eyeSquintLeft', 'eyeSquintRight'], 3, 'eye open share'],
];

const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo));
const size = portrait.image.width;
const renderer = createRenderer(buildAvatar(portrait), { width: size, height: size });
const photoGeo = geometry((await detectFaces(portrait.image, { embedding: false }))[0]!.landmarks as Landmarks);
console.log(`photo ${photo}: driver's move (against its median frame) | ours (against the photo), head frame; mean over each driver's ${TOP} strongest frames`);
for (const video of only) {
  const raw = await cachedTrack(video, FPS);
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null));
  const good = lms.filter((l): l is Landmarks => !!l);
  const neutral = estimateNeutral(good);
  const geos = lms.map((lm) => (lm ? geometry(lm) : null));
  const median = (k: number) => { const v = geos.filter((g): g is number[] => !!g).map((g) => g[k]!).sort((a, b) => a - b); return v[v.length >> 1]!; };
  // the eyes' rest is their usual open state (80th percentile), as the video path's (restFace.ts)
  const p80 = (k: number) => { const v = geos.filter((g): g is number[] => !!g).map((g) => g[k]!).sort((a, b) => a - b); return v[Math.round(0.8 * (v.length - 1))]!; };
  const rest = [median(0), median(1), median(2), p80(3), p80(4), p80(5)];
  const drv = lms.map((lm) => (lm ? (fitRig(lm, { neutral }).weights as Record<string, number>) : null));
  const ours = new Map<number, number[] | null>();
  const oursAt = async (i: number) => {
    if (!ours.has(i)) { const g = (await detectFaces(renderer.render(frames[i]!), { embedding: false }))[0]; ours.set(i, g ? geometry(g.landmarks as Landmarks) : null); }
    return ours.get(i)!;
  };
  const line: string[] = [];
  for (const [name, ks, k, what] of GROUPS) {
    const score = (w: Record<string, number>) => ks.reduce((s, c) => s + w[c]!, 0) / ks.length;
    // a squint narrows the eye without shutting it: blinks (under 0.45 of rest) are not squints
    const picks = drv.map((w, i) => [i, w && !(name === 'squint' && moved(geos[i]!, rest)[3]! < 0.45) ? score(w) : -1] as const).sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([i]) => i);
    let d = 0, o = 0, m = 0, b = 0, n = 0, sqSum = 0, chSum = 0;
    for (const i of picks) {
      const g = await oursAt(i);
      if (!g || !geos[i]) continue;
      d += moved(geos[i]!, rest)[k]!; o += moved(g, photoGeo)[k]!; m += ks.reduce((s, c) => s + ((frames[i]!.w as Record<string, number>)[c] ?? 0), 0) / ks.length; b += frames[i]!.blink; n++;
      const w = frames[i]!.w as Record<string, number>;
      sqSum += ((w.eyeSquintLeft ?? 0) + (w.eyeSquintRight ?? 0)) / 2; chSum += ((w.cheekSquintLeft ?? 0) + (w.cheekSquintRight ?? 0)) / 2;
    }
    const f = k === 0 ? 1 : k === 3 || k === 4 ? 2 : 3;
    const sq = k === 4 ? `, eyeSquint ${(sqSum / n).toFixed(2)}, cheekSquint ${(chSum / n).toFixed(2)}` : '';
    line.push(`${name} ${what}: ${(d / n).toFixed(f)} | ${(o / n).toFixed(f)} (motion ${(m / n).toFixed(2)}${name === 'squint' || k === 4 ? `, blink ${(b / n).toFixed(2)}` : ''}${sq})`);
  }
  console.log(`${video.padEnd(22)} ${line.join('   ')}`);
}
