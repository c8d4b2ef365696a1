// A turn's revealed texture positions kept off the lips (issue #15, s50 farside50): lp_s10's skin
// vertices beside the far mouth corner had their reveal pull (reveal.ts) carried onto the painted
// lip's red, a second lip lobe beside the corner on turns toward that side (the doubled far lip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { revealOffLipsSetting } from '../src/avatar/revealOffLips.ts';
import { LIP_POINTS } from '../src/avatar/turnTexturing.ts';
import { sharedData } from '../bench/sharedData.ts';
import type { Avatar } from '../src/avatar/types.ts';

/** Redness (R - G) / (R + G + B) of the avatar's texture at a texture point (nearest texel; opaque skin: the photo's). */
function redness(a: Avatar, x: number, y: number): number {
  const t = a.texture, o = (Math.round(y - 0.5) * t.width + Math.round(x - 0.5)) * 4;
  return (t.data[o]! - t.data[o + 1]!) / (t.data[o]! + t.data[o + 1]! + t.data[o + 2]! + 1);
}

/** The largest redness a face-mesh skin vertex (not a lip point) gains from its own texel to its revealed one. */
function worstGain(a: Avatar): { gain: number; v: number } {
  let gain = 0, v = -1;
  for (let i = 0; i < 468; i++) {
    if (LIP_POINTS.has(i)) continue;
    const g = redness(a, a.uvRevealed[i * 2]!, a.uvRevealed[i * 2 + 1]!) - redness(a, a.uv[i * 2]!, a.uv[i * 2 + 1]!);
    if (g > gain) { gain = g; v = i; }
  }
  return { gain, v };
}

test('lp_s10: no skin vertex beside the lips reveals onto the lip red; off, the corner\'s do', async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s10.jpg'));
  const on = buildAvatar(portrait);
  revealOffLipsSetting.on = false;
  let off: Avatar;
  try { off = buildAvatar(portrait); } finally { revealOffLipsSetting.on = true; }
  const before = worstGain(off), after = worstGain(on);
  // before: .23 at vertex 136 (pulled onto the lower lip; 202 under the far corner .10 -> .17); after ~.05
  assert.ok(before.gain > 0.06, `off: worst gain ${before.gain.toFixed(3)} at ${before.v}`);
  assert.ok(after.gain < 0.5 * before.gain, `on: worst gain ${after.gain.toFixed(3)} at ${after.v} (off ${before.gain.toFixed(3)} at ${before.v})`);
  // the pulls elsewhere (the cheeks, the jaw) are untouched
  let moved = 0;
  for (let i = 0; i < on.vertexCount; i++) if (on.uvRevealed[i * 2] !== off.uvRevealed[i * 2] || on.uvRevealed[i * 2 + 1] !== off.uvRevealed[i * 2 + 1]) moved++;
  assert.ok(moved > 0 && moved < 40, `${moved} vertices moved`);
});
