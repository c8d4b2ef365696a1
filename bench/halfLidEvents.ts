// Where the half-lid rule fires (wink33, halfLids.ts): per driver, each frame with a half-lid floor, its mesh
// shares and the floored eye's closure with the rule off -> on. Weights only, no render. Never asserts.
//   node --import tsx bench/halfLidEvents.ts lp_d11.mp4,lp_d6.mp4 [--seconds 8]
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { halfLidFloors } from '../src/motion/halfLids.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const seconds = Number(arg('--seconds', '8')), FPS = 25;
for (const name of process.argv[2]!.split(',')) {
  const raw = (await cachedTrack(name.includes('/') ? name : `${SHARED_DATA}/video/${name}`, FPS)).slice(0, Math.round(seconds * FPS));
  const valid = usableFrames(raw);
  const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
  const shares = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));
  const floors = halfLidFloors(shares);
  const on = motionFramesFromRaw(raw, FPS, true, { fit: { halfLidsTogether: true } }).frames, off = motionFramesFromRaw(raw, FPS, true, { fit: { halfLidsTogether: false } }).frames;
  const shut = (f: (typeof on)[number]) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
  const rows = shares.map((s, i) => ({ s, i })).filter(({ i }) => !Number.isNaN(floors[0][i]!) || !Number.isNaN(floors[1][i]!));
  console.log(`${name}: ${rows.length} frames with a floor`);
  for (const { s, i } of rows) {
    const a = shut(off[i]!), b = shut(on[i]!);
    console.log(`  f${i} shares ${s![0].toFixed(2)}/${s![1].toFixed(2)} closure off ${a[0]!.toFixed(2)}/${a[1]!.toFixed(2)} -> on ${b[0]!.toFixed(2)}/${b[1]!.toFixed(2)}`);
  }
}
