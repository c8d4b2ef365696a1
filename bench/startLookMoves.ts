// Which frames keepPhotoSmile's smiles move between two checkouts (startlook30): each driver's 5 s, 25 fps motion (the
// track bench/mouthBoxFrames.ts caches in $REAL3D_CACHE/mouthbox) on a photo's own fit, the rendered smiles L/R before
// (--before-root's rig/mouthBase.ts) and after (this checkout's); frames moved > .02 and the largest move, per side.
// Weights only, no rendering.
//   node --import tsx bench/startLookMoves.ts --before-root DIR --photo st_art_1.png katie lp_d6 ...
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { weightsToVector, CONTROL_INDEX } from '../src/rig/controls.ts';
import { rebaseMouth, keepPhotoSmile } from '../src/rig/mouthBase.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const opt = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const clips = process.argv.slice(2).filter((a, k, all) => !a.startsWith('--') && !all[k - 1]?.startsWith('--'));
const before = (await import(path.join(path.resolve(opt('--before-root') ?? '.'), 'src/rig/mouthBase.ts'))) as { keepPhotoSmile: typeof keepPhotoSmile };
const photoWeights = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, opt('--photo') ?? 'lp_s42.jpg'))).rig.photoWeights;
const CACHE = path.join(process.env.REAL3D_CACHE ?? '/tmp/real3d-cache', 'mouthbox');
const SIDES = [CONTROL_INDEX.mouthSmileLeft, CONTROL_INDEX.mouthSmileRight];
const f2 = (v: number) => v.toFixed(2);
console.log(`photo ${opt('--photo') ?? 'lp_s42.jpg'}: own smile ${SIDES.map((k) => f2(photoWeights[k]!)).join('/')}`);
for (const clip of clips) {
  const stored = JSON.parse(await readFile(path.join(CACHE, `${clip}-5s-track.json`), 'utf8')) as any[];
  const raw = stored.map((r) => r && { ...r, lm: Float32Array.from(r.lm) }) as (RawFaceFrame | null)[];
  const { frames } = motionFramesFromRaw(raw, 25, true);
  const smiles = (keep: typeof keepPhotoSmile) => frames.map((f) => {
    const wv = weightsToVector(f.w);
    rebaseMouth(wv, photoWeights, f.w);
    keep(wv, photoWeights, f.w);
    return SIDES.map((k) => wv[k]!);
  });
  const a = smiles(before.keepPhotoSmile), b = smiles(keepPhotoSmile);
  const moves = SIDES.map((_k, s) => a.map((v, i) => b[i]![s]! - v[s]!));
  const worst = moves.map((m) => m.reduce((best, v, i) => (Math.abs(v) > Math.abs(m[best]!) ? i : best), 0));
  const start = frames[0]!.w;
  console.log(`${clip}: start ${f2(start.smileAtStartLeft ?? 0)}/${f2(start.smileAtStartRight ?? 0)}; frames moved > .02 L ${moves[0]!.filter((v) => Math.abs(v) > 0.02).length} R ${moves[1]!.filter((v) => Math.abs(v) > 0.02).length} of ${frames.length}; ` +
    worst.map((i, s) => `${s ? 'R' : 'L'} max ${f2(moves[s]![i]!)} at f${i} (${f2(a[i]![s]!)} -> ${f2(b[i]![s]!)}, driver ${f2(s ? frames[i]!.w.mouthSmileRight ?? 0 : frames[i]!.w.mouthSmileLeft ?? 0)})`).join('; '));
}
