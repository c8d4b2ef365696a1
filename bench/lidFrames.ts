// A driver's lids frame by frame over a range (eyes30, issue #14): the face mesh's opening shares of rest
// (restFace.ts, as the blink reads them), and the motion's folded closure per eye, eyeWide and eyeSquint,
// with the lid events (lidEvents.ts) on and off. Weights only, no render. Never asserts.
//   node --import tsx bench/lidFrames.ts /path/driver.mp4 --from 155 --to 175 [--seconds 10]
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const driver = process.argv[2]!;
const seconds = Number(arg('--seconds', '10')), from = Number(arg('--from', '0')), to = Number(arg('--to', '20'));
const FPS = 25;
const raw = (await cachedTrack(driver, FPS)).slice(0, Math.round(seconds * FPS));
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
const on = motionFramesFromRaw(raw, FPS, true).frames;
const off = motionFramesFromRaw(raw, FPS, true, { lidEvents: false }).frames;
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? ' -- ' : v.toFixed(2));
const shut = (f: (typeof on)[number]) => [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
console.log('frame | mesh share L R | closure L R (lid events off) | eyeWide L R | eyeSquint L R');
for (let i = from; i <= Math.min(to, raw.length - 1); i++) {
  const s = valid[i] && raw[i] ? eyeSharesOf(raw[i]!.m, rest) : null;
  const f = on[i]!, c = shut(f), c0 = shut(off[i]!);
  console.log(`f${i} | ${f2(s?.[0])} ${f2(s?.[1])} | ${f2(c[0])} ${f2(c[1])} (${f2(c0[0])} ${f2(c0[1])}) | ${f2(f.w.eyeWideLeft)} ${f2(f.w.eyeWideRight)} | ${f2(f.w.eyeSquintLeft)} ${f2(f.w.eyeSquintRight)}`);
}
