// s57 heldshade57 (#14): a held half lid (heldLids.ts capped the frame; the motion marks it `heldLid`) is shaded lighter
// than a blink in flight (src/render/closedEye/heldShade.ts), so lp_s42 <- christie f0-15 is no dark slit; unmarked
// frames and a blink's last third render as before. (r.render reuses its buffer: copied.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HELD_LID, heldLidOf, heldShadeKeep, heldLidShadeSetting } from '../src/render/closedEye/heldShade.ts';
import { heldLidMarks, markHeldLids } from '../src/motion/heldLidMarks.ts';
import { driverFitDefaults } from '../src/motion/retargetOptions.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { MotionFrame } from '../src/types.ts';

test('the keep: exactly 1 unmarked or off, the setting\'s keep on a held half lid, whole again by a blink\'s .8', () => {
  assert.equal(heldShadeKeep(0, 0.6), 1);
  assert.equal(heldShadeKeep(1, 0.6), heldLidShadeSetting.keep);
  assert.ok(heldShadeKeep(0.5, 0.6) > heldLidShadeSetting.keep && heldShadeKeep(0.5, 0.6) < 1, 'a half mark, half way');
  assert.equal(heldShadeKeep(1, 0.85), 1, 'a blink closing past .85: as before');
  assert.equal(heldShadeKeep(1, 1), 1);
  heldLidShadeSetting.on = false;
  try { assert.equal(heldShadeKeep(1, 0.6), 1, 'off: as before'); } finally { heldLidShadeSetting.on = true; }
  assert.equal(heldLidOf({}), 0);
  assert.equal(heldLidOf({ [HELD_LID]: 2 }), 1);
  assert.equal(driverFitDefaults({}).heldLidMarked, true, 'on by default');
});

test('the marks: 1 inside a held stretch, easing in at its ends inside the clip, none beside it (no weight key written)', () => {
  const N = NaN, C = 0.6;
  // a stretch from the clip's first frame (no ease there), one in the middle, a blink's frames uncapped between
  const caps = [C, C, C, C, N, N, N, C, C, C, C, C, C, C, N, N];
  const m = Array.from(heldLidMarks(caps)).map((v) => Math.round(v * 100) / 100);
  assert.deepEqual(m.slice(0, 4), [1, 1, 0.67, 0.33], 'the clip\'s start is no edge');
  assert.deepEqual(m.slice(4, 7), [0, 0, 0], 'the blink beside a stretch keeps no mark');
  assert.deepEqual(m.slice(7, 14), [0.33, 0.67, 1, 1, 1, 0.67, 0.33]);
  assert.deepEqual(m.slice(14), [0, 0]);
  const frames: MotionFrame[] = caps.map(() => ({ w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 }));
  markHeldLids(frames, caps);
  assert.equal(frames[10]!.w[HELD_LID], 1);
  assert.equal(HELD_LID in frames[5]!.w, false, 'an unmarked frame carries nothing: its motion JSON and render as before');
  // no iris shown under the lid (a slow half blink the caps held, stewart f25-27): no mark there, the ease round it
  const gated: MotionFrame[] = caps.map(() => ({ w: {}, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 }, gaze: [0, 0], blink: 0 }));
  markHeldLids(gated, caps, caps.map((_, i) => i < 9 || i > 11));
  assert.deepEqual(gated.slice(7, 14).map((f) => f.w[HELD_LID] ?? 0), [0.33, 0.33, 0, 0, 0, 0.33, 0.33]);
});

test('lp_s42 at blink .6: a held frame shows more of its eye than one in flight; blink 1 and an unmarked frame unchanged', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const r = createRenderer(buildAvatar(await analyzePortrait(sharedData('portraits/lp_s42.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const shot = (fr: MotionFrame) => { const img = r.render(fr); return Buffer.from(img.data); };
  const lm = r.landmarks({ ...n, blink: 0.6 }) as unknown as number[][];
  // the mean luma of both eyes' openings (a box round the eye corners' middle, a fifth of the eye wide)
  const eyeLuma = (buf: Buffer) => {
    let sum = 0, count = 0;
    for (const [a, b] of [[33, 133], [263, 362]] as const) {
      const cx = (lm[a]![0]! + lm[b]![0]!) / 2, cy = (lm[a]![1]! + lm[b]![1]!) / 2, half = Math.abs(lm[a]![0]! - lm[b]![0]!) / 5;
      for (let y = Math.round(cy - half / 2); y <= Math.round(cy + half / 2); y++) for (let x = Math.round(cx - half); x <= Math.round(cx + half); x++) {
        const i = (y * 512 + x) * 4;
        sum += 0.299 * buf[i]! + 0.587 * buf[i + 1]! + 0.114 * buf[i + 2]!;
        count++;
      }
    }
    return sum / count;
  };
  const flight = shot({ ...n, blink: 0.6 }), held = shot({ ...n, blink: 0.6, w: { ...n.w, [HELD_LID]: 1 } });
  assert.ok(eyeLuma(held) > eyeLuma(flight) + 3, `held lighter than in flight: ${eyeLuma(flight).toFixed(1)} -> ${eyeLuma(held).toFixed(1)}`);
  assert.equal(shot({ ...n, blink: 1, w: { ...n.w, [HELD_LID]: 1 } }).equals(shot({ ...n, blink: 1 })), true, 'blink 1: identical');
  heldLidShadeSetting.on = false;
  try { assert.equal(shot({ ...n, blink: 0.6, w: { ...n.w, [HELD_LID]: 1 } }).equals(flight), true, 'setting off: as in flight'); } finally { heldLidShadeSetting.on = true; }
});
