// A lower lid's rise held without a smile is a squint (motion/lowerLid.ts heldRises, eyeSquints.ts lowerLidSquints
// `held`), and a squint its lower lid shows is not taken off for a wide reading that is not shown (eyeSquints.ts
// lidShownSquints). squint57: stewart's squinting eyes with the mouth near rest came out wide open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heldRises, HELD_RISE_FRAMES, GLANCE_FULL, RISE_NOISE, RENDERED_RISE_AT_FULL } from '../src/motion/lowerLid.ts';
import { heldSquint, lidShownSquints, lowerLidSquints, riseSquint, squintForNarrowing } from '../src/motion/eyeSquints.ts';
import { BLINK_START } from '../src/motion/restFace.ts';
import { lidsDecideAll } from '../src/motion/lidsDecide.ts';
import type { RigControl } from '../src/rig/controls.ts';

const N = 20;
const all = Array.from({ length: N }, (_, i) => i);
const series = (f: (i: number) => number) => Float64Array.from(all, f);
const channels = (squint: number, smile: number) => new Map<RigControl, Float64Array>(['Left', 'Right'].flatMap((s) => [[`eyeSquint${s}`, series(() => squint)], [`cheekSquint${s}`, series(() => 0)], [`mouthSmile${s}`, series(() => smile)], [`eyeWide${s}`, series(() => 0)]] as [RigControl, Float64Array][]));

test('a rise held HELD_RISE_FRAMES frames stays; a flick of the lid with speech (3 frames) is gone', () => {
  const held = series((i) => (i >= 5 && i < 5 + HELD_RISE_FRAMES + 2 ? 0.13 : 0));
  const flick = series((i) => (i >= 8 && i < 11 ? 0.13 : 0));
  const [h, f] = heldRises([held, flick], all);
  assert.ok(Math.abs(h[10]! - 0.13) < 1e-12, `held ${h[10]}`);
  // a frame inside the hold whose own rise is 0 (a closing upper lid: lowerLidRise gives it up) stays 0
  held[12] = 0;
  assert.equal(heldRises([held, flick], all)[0][12], 0);
  for (const i of all) assert.equal(f[i], 0, `flick f${i}`);
});

test("a held rise squints without a smile, no deeper than the eye narrowed; without `held` nothing (as before)", () => {
  const rise = 0.13, share = 0.88;
  const rises = () => [series(() => rise), series(() => rise)] as [Float64Array, Float64Array];
  const shares = [series(() => share), series(() => 1.02)] as [Float64Array, Float64Array];
  // before: no smile, no squint from the lid
  const before = channels(0.05, 0);
  lowerLidSquints(before, rises(), all, shares);
  assert.equal(before.get('eyeSquintLeft')![10], 0.05);
  const after = channels(0.05, 0), r = rises();
  lowerLidSquints(after, r, all, shares, undefined, heldRises(rises(), all));
  const want = Math.min((rise - RISE_NOISE) / RENDERED_RISE_AT_FULL, squintForNarrowing(share));
  assert.ok(Math.abs(after.get('eyeSquintLeft')![10]! - want) < 1e-12 && want > 0.3, `left ${after.get('eyeSquintLeft')![10]} want ${want}`);
  assert.equal(after.get('cheekSquintLeft')![10], after.get('eyeSquintLeft')![10]);
  // the right eye is not narrowed (1.02 of rest): its rise is no squint
  assert.equal(after.get('eyeSquintRight')![10], 0.05);
  // the held squint takes nothing from the blink
  assert.equal(r[0][10], 0);
  // an eye the blink measure reads narrowed (.75 of rest, under BLINK_START) keeps its blink and gets no held squint
  assert.equal(heldSquint(rise, 0.75), 0);
  assert.ok(heldSquint(rise, BLINK_START) > 0.3);
});

test('a squint the lower lid shows survives a wide reading lidsDecide caps to nothing (stewart f69 right eye)', () => {
  // the fit: eyeSquint .33 beside eyeWide .42 on an eye at .92 of rest, its lower lid up .11
  const out = channels(0.33, 0);
  out.get('eyeWideRight')!.fill(0.42);
  const shares = [series(() => 0.92), series(() => 0.92)] as [Float64Array, Float64Array];
  const fitted = [out.get('eyeSquintLeft')!.slice(), out.get('eyeSquintRight')!.slice()] as [Float64Array, Float64Array];
  lidsDecideAll(out, shares, all);
  assert.equal(out.get('eyeWideRight')![0], 0, 'the wide is not shown');
  assert.ok(out.get('eyeSquintRight')![0]! < 0.1, `lidsDecide alone ${out.get('eyeSquintRight')![0]}`);
  lidShownSquints(out, fitted, [series(() => 0.11), series(() => 0.11)], shares, all);
  const want = Math.min(0.33, riseSquint(0.11), squintForNarrowing(0.92));
  assert.ok(Math.abs(out.get('eyeSquintRight')![0]! - want) < 1e-12 && want > 0.25, `${out.get('eyeSquintRight')![0]} want ${want}`);
  // a lower lid at rest gives nothing back
  const flat = channels(0.33, 0);
  flat.get('eyeWideRight')!.fill(0.42);
  const kept = flat.get('eyeSquintRight')!.slice();
  lidsDecideAll(flat, shares, all);
  const cut = flat.get('eyeSquintRight')![0]!;
  lidShownSquints(flat, [kept, kept], [series(() => RISE_NOISE), series(() => RISE_NOISE)], shares, all);
  assert.equal(flat.get('eyeSquintRight')![0], cut);
});
