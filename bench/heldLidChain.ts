// s57 (heldlid57, issue #14): a driver's held lid followed along the chain, per named frame of a cross pair —
// the driver's reading (face mesh share of rest per eye, and the pixels' iris show over its open median, irisShow.ts)
// -> the blink map's weight (restFace.ts blinkFromOpening) -> heldLids.ts's cap -> the motion's closure and squint per
// eye -> what the render shows: `pix` the share of this frame's own open eye (the same frame with blink, eyeBlink and
// eyeSquint at the photo's) still showing as it does open (halfLidReadback.ts pixelShare) and `mesh` the face mesh's
// read-back opening over the open frame's. Eyes are the subject's left / right. `--sheet out.png`: driver | ours, both
// eyes ~3x, one row per frame. `--off a,b` driver-fit options off; `--set render/x.ts:xSetting.k=v`. Never asserts.
//   node --import tsx bench/heldLidChain.ts CLIP.mp4 lp_s42.jpg 0,34 [--sheet out.png] [--no-mesh] [--off heldLidsShown]
import path from 'node:path';
import sharp from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { applySettingSpec } from './settingSpec.ts';
import { pixelShare } from './eyePixelShare.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings, cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } from '../src/rig/topology.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink, blinkFromOpening } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { irisShowShares } from '../src/motion/irisShowShares.ts';
import { heldLidCaps, heldIrisSeen } from '../src/motion/heldLids.ts';
import { farEyes, rawWithFarAsNear } from '../src/motion/farEye.ts';
import { rawAtUsualPitch } from '../src/motion/pitchedEyes.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) if (args[i] === '--set') await applySettingSpec(args[i + 1]!);
const opt = (n: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const [clip, portraitFile, frameList] = args;
const picks = frameList!.split(',').map(Number);
const sheet = opt('--sheet'), withMesh = !args.includes('--no-mesh');
const off = Object.fromEntries((opt('--off') ?? '').split(',').filter(Boolean).map((k) => [k, false]));
const FPS = 25, SIZE = 512;

const raw = await cachedTrack(clip!, FPS);
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((_r, i) => valid[i]).map((r) => r!.m));
// the driver's own reading per eye (what the video shows) ...
const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
const iris = irisShowShares(raw.map((r, i) => (valid[i] ? r?.irisShow : null)), shares);
// ... and the shares the product's lid rules read (at the usual pitch, a turned head's far eye read as its near one: framesFromRaw.ts)
const pitched = rawAtUsualPitch(raw, valid);
const eyed = rawWithFarAsNear(pitched, farEyes(pitched), rest);
const eyedShares = eyed.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
const caps = heldLidCaps(eyedShares, FPS, off.heldLidIrisSeen === false ? undefined : heldIrisSeen(raw, valid, rest));
const frames = motionFramesFromRaw(raw, FPS, true, { fit: off }).frames;

const portrait = await cachedPortrait(path.isAbsolute(portraitFile!) ? portraitFile! : path.join(SHARED_PORTRAITS, portraitFile!));
const r = createRenderer(buildAvatar(portrait), { width: SIZE, height: SIZE });
const n = r.neutralFrame();
const copy = (img: RgbaImage): RgbaImage => ({ ...img, data: new Uint8ClampedArray(img.data) });
async function meshEyes(img: RgbaImage): Promise<{ left: number; right: number } | null> {
  const f = (await detectFaces(copy(img), { embedding: false }))[0];
  return f ? eyeOpenings(f.landmarks as Landmarks) : null;
}
/** Both eyes' box (1.4 inter-ocular wide, a third of that tall) on landmarks `p`. */
function eyesBox(p: (k: number) => readonly [number, number]): [number, number, number, number] {
  const iod = Math.hypot(p(263)[0] - p(33)[0], p(263)[1] - p(33)[1]);
  const cx = (p(263)[0] + p(33)[0]) / 2, cy = (p(263)[1] + p(33)[1]) / 2;
  const bw = Math.round(1.4 * iod), bh = Math.round(bw / 3);
  return [Math.round(cx - bw / 2), Math.round(cy - bh / 2), bw, bh];
}

const f2 = (v: number | undefined | null) => (v === undefined || v === null || !Number.isFinite(v) ? '  -- ' : v.toFixed(2).padStart(5));
const driverCrops = new Map<number, RgbaImage>();
if (sheet) {
  let i = 0;
  const last = Math.max(...picks);
  for await (const img of decodeVideoFrames(clip!, { fps: FPS, maxSide: 720, maxFrames: last + 1 })) {
    const lm = raw[i]?.lm;
    if (picks.includes(i) && lm) driverCrops.set(i, cropImage(img, eyesBox((k) => [lm[k * 3]!, lm[k * 3 + 1]!])));
    i++;
  }
}
console.log(`${path.basename(clip!)} on ${portraitFile}${Object.keys(off).length ? ' off ' + Object.keys(off).join(',') : ''}`);
console.log('f    | driver share L/R  iris L/R | map w L/R  held cap | closure L/R  squint L/R | ours pix L/R  mesh L/R');
const rows: GridCell[][] = [];
const pixAll: number[] = [];
for (const k of picks) {
  const f = frames[k]!, w = f.w;
  const s = shares[k], ir = iris[k];
  const closure = [foldBlink(f.blink, w.eyeBlinkLeft ?? 0), foldBlink(f.blink, w.eyeBlinkRight ?? 0)];
  const open: MotionFrame = { ...f, blink: n.blink, w: { ...w, eyeBlinkLeft: n.w.eyeBlinkLeft ?? 0, eyeBlinkRight: n.w.eyeBlinkRight ?? 0, eyeSquintLeft: n.w.eyeSquintLeft ?? 0, eyeSquintRight: n.w.eyeSquintRight ?? 0 } };
  const openImg = copy(r.render(open)), lmOpen = r.landmarks(open) as Landmarks;
  const img = copy(r.render(f));
  const pl = pixelShare(openImg, img, lmOpen, EYE_L_UPPER, EYE_L_LOWER), pr = pixelShare(openImg, img, lmOpen, EYE_R_UPPER, EYE_R_LOWER);
  pixAll.push(pl, pr);
  let mesh = '  --   -- ';
  if (withMesh) {
    const [a, b] = [await meshEyes(openImg), await meshEyes(img)];
    if (a && b) mesh = `${f2(b.left / a.left)}${f2(b.right / a.right)}`;
  }
  console.log(`f${String(k).padEnd(4)}| ${f2(s?.[0])}${f2(s?.[1])}  ${f2(ir?.[0])}${f2(ir?.[1])} | ${f2(s ? blinkFromOpening(s[0]) : NaN)}${f2(s ? blinkFromOpening(s[1]) : NaN)} ${f2(caps[k])} | ${f2(closure[0])}${f2(closure[1])}  ${f2(w.eyeSquintLeft ?? 0)}${f2(w.eyeSquintRight ?? 0)} | ${f2(pl)}${f2(pr)}  ${mesh}`);
  if (sheet) {
    const lm = r.landmarks(f);
    const ours = cropImage(img, eyesBox((q) => [lm[q]![0], lm[q]![1]]));
    const d = driverCrops.get(k);
    rows.push([...(d ? [{ label: `driver f${k} ${f2(s?.[0])}/${f2(s?.[1])}`, image: d }] : []), { label: `ours c${f2(closure[1])}/${f2(closure[0])} pix${f2(pr)}/${f2(pl)} (image L/R)`, image: ours }]);
  }
}
const sorted = pixAll.filter(Number.isFinite).sort((a, b) => a - b);
console.log(`pix mean ${(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)).toFixed(3)} median ${f2(sorted[sorted.length >> 1])}`);
if (sheet) {
  const png = await labelledGrid(rows, { title: `${path.basename(clip!)} -> ${portraitFile}: driver | ours`, cellW: 420, cellH: 140, fill: true });
  await sharp(png).toFile(sheet);
}
