// Session 34 (plumb34): the driver's mouth readings as one object (rig/driverMouthReads.ts), and the opening's middle
// box found once per tracked frame for the three readings that scan it (motion/mouthMiddle.ts middleOf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driverMouthReadsOf, type DriverMouthReads } from '../src/rig/driverMouthReads.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { middleBox, middleOf } from '../src/motion/mouthMiddle.ts';
import { openingMiddle } from '../src/motion/driverCavity.ts';
import { underTeethLight } from '../src/motion/underTeeth.ts';
import { upperRowDepth } from '../src/motion/teethDepth.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { RawFaceFrame } from '../src/motion/faceTracker.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';

test('every reading the producer writes reaches the renderer\'s object; an audio frame reads none', () => {
  const raw = Array.from({ length: 6 }, (_, i): RawFaceFrame => ({
    m: { lipGap: 0.3 } as RawFaceFrame['m'], angles: { yaw: 0, pitch: 0, roll: 0 }, score: 1, box: [0, 0, 1, 1],
    mouthDark: 0.2 + 0.01 * i, teethShare: 0.3, cavity: 0.4, under: 0.5, tongue: 0.6, back: 0.7, teethDepth: 0.35,
  }));
  const frames: Pick<MotionFrame, 'w' | 'mouthDark'>[] = raw.map(() => ({ w: {} }));
  withDriverMouthReads(frames, raw);
  const reads = driverMouthReadsOf(frames[2]!);
  const read = Object.values(reads).filter((v) => v !== undefined);
  // (the producer's w entries and mouthDark, each one field of the object: a reading plumbed on one side only fails here)
  assert.equal(read.length, Object.keys(frames[2]!.w).length + 1);
  assert.deepEqual([...read].sort(), [...Object.values(frames[2]!.w), frames[2]!.mouthDark].sort());
  assert.equal(reads.driverTongue, 0.6);
  assert.equal(reads.driverDark, frames[2]!.mouthDark);
  const audio: DriverMouthReads = driverMouthReadsOf({ w: { jawOpen: 0.4 } });
  assert.ok(Object.values(audio).every((v) => v === undefined));
});

/** A drawn open mouth 120 x 40 px: pink lips, its top 10 px white teeth, a dark band, a lit tongue's bottom 12 px. */
function drawnMouth(): { img: RgbaImage; lm: Float32Array } {
  const W = 300, data = new Uint8ClampedArray(W * W * 4), lm = new Float32Array(478 * 3);
  const cx = 150, cy = 150, hw = 60, hh = 20, edge = (x: number) => hh * Math.sqrt(Math.max(0, 1 - ((x - cx) / hw) ** 2));
  const put = (k: number, x: number, y: number) => { lm[k * 3] = x; lm[k * 3 + 1] = y; };
  LIPS_INNER_UPPER.forEach((k, i) => { const x = cx - hw + (2 * hw * i) / 10; put(k, x, cy - edge(x)); });
  LIPS_INNER_LOWER.forEach((k, i) => { const x = cx - hw + (2 * hw * i) / 10; put(k, x, cy + edge(x)); });
  const outer: [number, number, number][] = [[0, 13, -1], [37, 82, -1], [267, 312, -1], [39, 81, -1], [269, 311, -1], [17, 14, 1], [84, 87, 1], [314, 317, 1], [181, 178, 1], [405, 402, 1]];
  for (const [o, n, s] of outer) put(o, lm[n * 3]!, lm[n * 3 + 1]! + 20 * s);
  for (let y = 0; y < W; y++)
    for (let x = 0; x < W; x++) {
      const inside = ((x - cx) / hw) ** 2 + ((y - cy) / hh) ** 2 < 1, top = cy - edge(x), bottom = cy + edge(x);
      const c = !inside ? [200, 110, 120] : y < top + 10 ? [235, 232, 225] : y > bottom - 12 ? [190, 90, 100] : [40, 15, 20];
      data.set([c[0]!, c[1]!, c[2]!, 255], (y * W + x) * 4);
    }
  return { img: { width: W, height: W, data }, lm };
}

test('the three middle readings from the box found once equal those from the landmarks, and use the box given', () => {
  const { img, lm } = drawnMouth();
  const box = middleBox(img, lm)!;
  assert.ok(box);
  assert.equal(middleOf(img, box), box);
  assert.equal(middleOf(img, null), null);
  assert.deepEqual(middleOf(img, lm), box);
  const fromLm = [openingMiddle(img, lm), underTeethLight(img, lm), upperRowDepth(img, lm)];
  assert.ok(fromLm.every((r) => r !== null), 'the drawn mouth reads all three');
  assert.deepEqual([openingMiddle(img, box), underTeethLight(img, box), upperRowDepth(img, box)], fromLm);
  // (a box with other lip light reads otherwise: the readings take the box they are given, not a fresh one)
  const dimLips = { ...box, lipLight: box.lipLight * 0.3 };
  assert.notDeepEqual(openingMiddle(img, dimLips), fromLm[0]);
  assert.equal(openingMiddle(img, null), null);
});
