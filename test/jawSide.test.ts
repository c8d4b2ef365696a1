import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { firstClear, sideTextureOffset } from '../src/avatar/jawSideOnTurn.ts';
import type { Avatar } from '../src/avatar/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('firstClear: the distance along the ray to the first backdrop pixel, null past the reach', () => {
  const size = 10, matte = { width: size, height: size, data: new Float32Array(size * size).fill(1) };
  for (let y = 0; y < size; y++) for (let x = 6; x < size; x++) matte.data[y * size + x] = 0;
  assert.equal(firstClear(matte, 2, 5, 1, 0, 8), 3.5); // x = 5.5 rounds to 6
  assert.equal(firstClear(matte, 2, 5, 1, 0, 2), null);
});

test('sideTextureOffset: the skin mirrored inside the inset, out onto the clear point at the reach', () => {
  assert.equal(sideTextureOffset(0, 4, 12, 10), -6); // at the oval: the skin 10 px inside the clear point
  assert.equal(sideTextureOffset(4, 4, 12, 10), -10); // further out: further in (mirrored), before the fade
  assert.ok(Math.abs(sideTextureOffset(12, 4, 12, 10) - 4) < 1e-9); // at the reach: the clear point
});

test('mt_man: the jaw side is off by default; on, the rest frame is unchanged and -25 draws skin beside the jaw', async () => {
  const portrait = await analyzePortrait(PORTRAITS + 'mt_man.png');
  const off = buildAvatar(portrait), on = buildAvatar(portrait, { jawSide: true });
  assert.equal(off.clearSide, undefined, 'a frontal photo with no thin far rim has no turn texture by default');
  const sides = [0, 0];
  on.clearSide!.forEach((s) => { if (s < 0) sides[0]!++; if (s > 0) sides[1]!++; });
  assert.ok(sides[0]! > 0 && sides[1]! > 0, `side vertices image-left | right: ${sides}`);
  const draw = (a: Avatar, yaw: number) => {
    const r = createRenderer(a, { width: a.size, height: a.size });
    return Uint8ClampedArray.from(r.render({ ...r.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } }, { background: null }).data);
  };
  assert.deepEqual(draw(on, 0), draw(off, 0));
  // at -25: pixels opaque with the side and backdrop without it, all on the image-right (the side the turn shows)
  const a = draw(on, -25), b = draw(off, -25);
  let right = 0, left = 0;
  for (let i = 3; i < a.length; i += 4) if (a[i]! > 128 && b[i]! < 8) { if (((i - 3) / 4) % on.size > on.size / 2) right++; else left++; }
  assert.ok(right > 150 && left === 0, `new skin px image-right | left at -25: ${right} | ${left}`);
});
