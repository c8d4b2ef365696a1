// A driver's held look (cry59): per cached 25 fps track, what each rig control reads at the driver's rest
// (the retarget's REST_PERCENTILE over the fit against the driver's own neutral) and the neutral's brows
// against the generic mean face, so an expression held from the clip's first frame (eamm's cry, stewart's
// eye smile) can be told from a neutral face. Never asserts.
//   node --import tsx bench/heldLook.ts [--seconds 6] [--controls a,b] video...
import { cachedTrack } from './driverTracks.ts';
import { landmarkList, driverWeights } from '../src/motion/retarget.ts';
import { estimateNeutral, meanFace, type Landmarks } from '../src/rig/fit.ts';
import { browShapeOf } from '../src/motion/browShape.ts';
import { percentile } from '../src/motion/restFace.ts';
import { faceMeasures } from '../src/motion/measures.ts';
import { startCornerLift } from "../src/motion/startCorners.ts";
import { deserialize } from "node:v8";
import { readFileSync } from "node:fs";
import type { RawFaceFrame } from "../src/motion/fromVideo.ts";

/** A cached track, or a raw track file written with node:v8 serialize (the critic's raw/<fingerprint>/NAME.bin). */
const trackOf = async (v: string): Promise<(RawFaceFrame | null)[]> => (v.endsWith(".bin") ? deserialize(readFileSync(v)) : cachedTrack(v, 25));

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args.splice(i, 2)[1]! : d; };
const abs = args.includes("--abs"); if (abs) args.splice(args.indexOf("--abs"), 1);
const seconds = Number(opt("--seconds", "6"));
const frames = opt("--frames", "").split(",").filter(Boolean).map(Number);
const C = opt('--controls', 'eyeSquintLeft,eyeSquintRight,cheekSquintLeft,cheekSquintRight,mouthSmileLeft,mouthSmileRight,mouthFrownLeft,mouthFrownRight,browInnerUp,browDownLeft,browDownRight,noseSneerLeft,mouthStretchLeft,mouthShrugLower').split(',');
const mean = browShapeOf(meanFace());
const f3 = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(3);
console.log('driver'.padEnd(26) + C.map((c) => c.replace(/^(mouth|eye|brow|cheek|nose)/, '').slice(0, 8).padStart(9)).join('') + ' | nIn  nOut  gap   eye  lift');
for (const v of args) {
  const raw = (await trackOf(v)).slice(0, Math.round(seconds * 25));
  const lms = raw.map((r) => (r?.lm ? landmarkList(r.lm) : null)).filter((l): l is Landmarks => !!l && l.length >= 478);
  const neutral = estimateNeutral(lms, 1, { silhouetteFade: true });
  // --abs: each control's median read against the generic mean face (no driver neutral), else its rest (p10) against the driver's neutral
  const ws = lms.map((lm) => driverWeights(lm, abs ? meanFace() : neutral));
  const rest = C.map((c) => percentile(ws.map((w) => (w as any)[c] ?? 0), abs ? 50 : 10));
  const nb = browShapeOf(neutral);
  const ms = lms.map((lm) => faceMeasures(lm));
  const eye = percentile(ms.map((m) => (m.eyeLeft + m.eyeRight) / 2), 80);
  const name = v.split('/').pop()!.replace(/\.(mp4|bin)$/, "").slice(0, 25);
  console.log(name.padEnd(26) + rest.map((r) => r.toFixed(2).padStart(9)).join('') + ` | ${f3((nb.inner[0] + nb.inner[1]) / 2 - (mean.inner[0] + mean.inner[1]) / 2)} ${f3((nb.outer[0] + nb.outer[1]) / 2 - (mean.outer[0] + mean.outer[1]) / 2)} ${f3(nb.gap - mean.gap)} ${eye.toFixed(3)} ${f3(startCornerLift(ms))}`);
  // --frames a,b,c: each frame's eye opening (both eyes' mean, IOD) and lower corner lift (the lower side, IOD), as the rest reads them
  for (const f of frames) { const r = raw[f]; if (!r?.lm) continue; const m = faceMeasures(landmarkList(r.lm)); console.log(`   f${f} eye ${((m.eyeLeft + m.eyeRight) / 2).toFixed(3)} lift ${f3(Math.min(m.cornerLiftLeft, m.cornerLiftRight))}`); }
}
