// s57 (heldshade57, issue #14): which frames of a video motion the held-lid shade (render/closedEye/heldShade.ts) changes.
// The renderer reads the motion's `heldLid` mark only through heldShadeKeep, and the mid-blink passes it scales are
// all 0 under completion .3, so a frame renders differently from the unmarked motion exactly where its mark is > 0,
// an eye's completion is over .3 and its keep is under 1. Per clip: the marked frames, those changed (ranges, with
// their closure), the deepest closure among them, and how many frames at closure .8 or more (blinks) carry a mark
// with a keep under 1 (should be none). Closure here is the motion's weight (foldBlink), the completion on a photo
// whose own lids are open. Never asserts.
//   node --import tsx bench/heldShadeFrames.ts [clips...]   (names in shared/data/video or paths; default lp_d6, Katie, lp_d0, lp_d14)
import path from 'node:path';
import { cachedTrack } from './driverTracks.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { foldBlink } from '../src/motion/restFace.ts';
import { heldLidOf, heldShadeKeep } from '../src/render/closedEye/heldShade.ts';

const clips = process.argv.slice(2);
const FPS = 25, SHADE_FROM = 0.3;
const ranges = (idx: number[]) => {
  const out: string[] = [];
  for (let a = 0; a < idx.length; a++) {
    let b = a;
    while (b + 1 < idx.length && idx[b + 1] === idx[b]! + 1) b++;
    out.push(a === b ? `${idx[a]}` : `${idx[a]}-${idx[b]}`);
    a = b;
  }
  return out.join(',');
};
for (const clip of clips.length ? clips : ['lp_d6.mp4', 'WDA_KatieHill_000.mp4', 'lp_d0.mp4', 'lp_d14.mp4']) {
  const raw = await cachedTrack(clip, FPS);
  const frames = motionFramesFromRaw(raw, FPS, true, {}).frames;
  const marked: number[] = [], changed: number[] = [];
  let deepest = 0, blinksTouched = 0, blinks = 0;
  frames.forEach((f, i) => {
    const held = heldLidOf(f.w);
    const c = Math.max(foldBlink(f.blink, f.w.eyeBlinkLeft ?? 0), foldBlink(f.blink, f.w.eyeBlinkRight ?? 0));
    if (c >= 0.8) blinks++;
    if (held <= 0) return;
    marked.push(i);
    const keep = heldShadeKeep(held, c);
    if (c > SHADE_FROM && keep < 1) { changed.push(i); deepest = Math.max(deepest, c); }
    if (c >= 0.8 && keep < 1) blinksTouched++;
  });
  console.log(`${path.basename(clip)}: ${frames.length} frames, marked ${marked.length}, changed ${changed.length} (deepest closure ${deepest.toFixed(2)}), blink frames (closure >= .8) ${blinks}, of them changed ${blinksTouched}`);
  if (changed.length) console.log(`  changed: ${ranges(changed)}`);
}
