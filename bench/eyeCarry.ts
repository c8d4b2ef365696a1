// What a driver's eyes do and what the video path carries of it (issue #14, eyes27): per eye, at the
// given frames (or the clip's wink / wide / blink frames picked here), the opening as the face mesh
// reads it (share of the rest opening, restFace.ts), as the image shows it (eyePatch.ts: the eye's
// non-skin height in the patch between its corners, share of the eye's median over the clip), and the
// motion's blink (folded per eye, as the renderer does), eyeWide and eyeSquint. Never asserts.
//   node --import tsx bench/eyeCarry.ts DRIVER [--seconds 8] [--frames 23,24] [--fps 25]
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw, usableFrames } from '../src/motion/framesFromRaw.ts';
import { estimateRest, foldBlink } from '../src/motion/restFace.ts';
import { eyeSharesOf } from '../src/motion/blinkPairTrust.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { eyePatchOpenings } from './eyePatch.ts';

const DATA = SHARED_DATA;
const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : dflt; };
const driver = process.argv[2]!;
const fps = Number(arg('--fps', '25')), seconds = Number(arg('--seconds', '8'));
const raw = (await cachedTrack(driver, fps)).slice(0, Math.round(seconds * fps));
const valid = usableFrames(raw);
const rest = estimateRest(raw.filter((r, i) => valid[i] && r).map((r) => r!.m));
const { frames } = motionFramesFromRaw(raw, fps, true, { fit: { wideFromShow: true } });
// before = the default motion, without the white-above-the-iris reading (scleraShow.ts); frames whose weights moved
const before = motionFramesFromRaw(raw, fps, true, { fit: { wideFromShow: false } }).frames;
const differs = (a: Record<string, number>, b: Record<string, number>) => [...new Set([...Object.keys(a), ...Object.keys(b)])].some((c) => Math.abs((a[c] ?? 0) - (b[c] ?? 0)) > 1e-6);
const moved = frames.filter((f, i) => differs(f.w, before[i]!.w) || Math.abs(f.blink - before[i]!.blink) > 1e-6).length;
const changed = (i: number) => Math.abs((frames[i]!.w.eyeWideLeft ?? 0) - (before[i]!.w.eyeWideLeft ?? 0)) + Math.abs((frames[i]!.w.eyeWideRight ?? 0) - (before[i]!.w.eyeWideRight ?? 0)) > 0.02;
const wideMoved = frames.filter((_, i) => changed(i)).length;

// the image's reading of every frame (the driver's own median opening per eye = 1)
const pix: ([number, number] | null)[] = [];
let k = 0;
for await (const img of decodeVideoFrames(path.join(DATA, 'video', driver), { fps, maxSide: 720, maxFrames: raw.length })) {
  const r = raw[k++];
  pix.push(r?.lm ? eyePatchOpenings(img, r.lm) : null);
}
const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s[s.length >> 1] ?? NaN; };
const pixRest = [0, 1].map((e) => med(pix.flatMap((p) => (p ? [p[e]!] : []))));
const mesh = raw.map((r, i) => (valid[i] && r ? eyeSharesOf(r.m, rest) : null));

let shown = arg('--frames', '').split(',').filter(Boolean).map(Number);
if (!shown.length) {
  // picks: the widest (both eyes' image opening), the most one-sided, the most shut (at least 6 frames apart)
  const idx = raw.map((_, i) => i).filter((i) => pix[i] && mesh[i]);
  const by = (score: (i: number) => number, n: number) => {
    const out: number[] = [];
    for (const i of idx.slice().sort((a, b) => score(b) - score(a))) { if (out.every((j) => Math.abs(i - j) >= 6)) out.push(i); if (out.length >= n) break; }
    return out;
  };
  const p = (i: number, e: number) => pix[i]![e]! / pixRest[e]!;
  shown = [...by((i) => Math.min(p(i, 0), p(i, 1)), 3), ...by((i) => Math.abs(p(i, 0) - p(i, 1)), 3), ...by((i) => -Math.max(p(i, 0), p(i, 1)), 2)];
}
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? ' -- ' : v.toFixed(2));
console.log(`${driver} (${seconds} s at ${fps} fps): image opening at the median L/R ${f2(pixRest[0])}/${f2(pixRest[1])} eye widths`);
console.log(`motion frames whose weights moved without wideFromShow: ${moved}/${frames.length} (eyeWide by > .02: ${wideMoved})`);
console.log('frame | mesh L R | image L R | closure L R (blink, own L R) | eyeWide L R before -> now | eyeSquint L R');
for (const i of shown) {
  const f = frames[i], m = mesh[i], p = pix[i];
  if (!f) continue;
  const c = [foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0)];
  console.log(`f${i} | ${f2(m?.[0])} ${f2(m?.[1])} | ${f2(p ? p[0] / pixRest[0]! : NaN)} ${f2(p ? p[1] / pixRest[1]! : NaN)} | ${f2(c[0])} ${f2(c[1])} (${f2(f.blink)}, ${f2(f.w.eyeBlinkLeft)} ${f2(f.w.eyeBlinkRight)}) | ${f2(before[i]!.w.eyeWideLeft)} ${f2(before[i]!.w.eyeWideRight)} -> ${f2(f.w.eyeWideLeft)} ${f2(f.w.eyeWideRight)} | ${f2(f.w.eyeSquintLeft)} ${f2(f.w.eyeSquintRight)}`);
}
