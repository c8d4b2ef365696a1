import test from 'node:test';
import assert from 'node:assert/strict';
import { tailCap, ambiguity, trimAmbiguousTail, TAIL_END } from '../src/avatar/ambiguousTail.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { faintTail } from '../src/eval/outlineRamp.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

function flat(size: number, rgb: [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) data.set([...rgb, 255], i * 4);
  return { width: size, height: size, data };
}

test('tailCap keeps the edge blur and ends by TAIL_END bands; ambiguity is 1 for alike colours, 0 for distinct ones', () => {
  assert.equal(tailCap(0, 4), 1);
  assert.equal(tailCap(TAIL_END * 4, 4), 0);
  assert.ok(tailCap(4, 4) > 0 && tailCap(4, 4) < 1);
  assert.equal(ambiguity(10), 1);
  assert.equal(ambiguity(80), 0);
});

test('trimAmbiguousTail: a 10 px faint tail over an alike backdrop goes; over a distinct backdrop it stays; the person never changes', () => {
  // (the tail lies within the person colour's reach, ~size/20 px: past it there is nothing to compare and the matte is kept)
  const size = 256, band = 2, edge = 60; // person: x < edge
  const matte = { width: size, height: size, data: Float32Array.from({ length: size * size }, (_, i) => { const x = i % size; return x < edge ? 1 : x < edge + 10 ? 0.3 : 0; }) };
  const hair: [number, number, number] = [45, 32, 25];
  const alike = trimAmbiguousTail(flat(size, hair), matte, flat(size, [28, 36, 22]));
  const apart = trimAmbiguousTail(flat(size, hair), matte, flat(size, [220, 222, 225]));
  const row = 128 * size;
  for (let x = 0; x < edge; x++) { assert.equal(alike.data[row + x], 1); assert.equal(apart.data[row + x], 1); }
  assert.equal(alike.data[row + edge + Math.ceil(TAIL_END * band) + 2], 0); // the tail past the edge blur is gone
  assert.ok(alike.data[row + edge]! > 0.2); // the first pixel past the outline keeps its alpha
  for (let x = edge; x < size; x++) assert.equal(apart.data[row + x], matte.data[row + x]);
});

test('st_happy (dark hair over dark green): the rest frame\'s faint tail past the hair falls; mt_man (dark hair on a pale wall) keeps it', async () => {
  const tailOf = async (name: string) => {
    const portrait = await analyzePortrait(PORTRAITS + name);
    const out: number[] = [];
    let opaqueChanged = 0;
    let before: RgbaImage | undefined;
    for (const ambiguousTail of [false, true]) {
      // (s58 hairedge58's two rim layers off: rampSteepen already narrows st_happy's colour-blind rim, so with it on the
      // tail this trims is .014 -> .008, not half; fringeBackdrop reads the backdrop from pixels under the matte's .02, so
      // a trimmed tail moves the backdrop behind 4 near-opaque rim pixels. This measures ambiguousTail's own trim.)
      const avatar = buildAvatar(portrait, { ambiguousTail, rampSteepen: false, fringeBackdrop: false });
      const renderer = createRenderer(avatar, { width: avatar.size, height: avatar.size });
      const img = renderer.render(renderer.neutralFrame(), { background: null });
      out.push(faintTail(img));
      if (before) for (let i = 3; i < img.data.length; i += 4) if (before.data[i]! >= 250 && img.data[i] !== before.data[i]) opaqueChanged++;
      before = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
    }
    return { off: out[0]!, on: out[1]!, opaqueChanged };
  };
  const happy = await tailOf('st_happy.png');
  assert.ok(happy.on < 0.5 * happy.off, `st_happy tail ${happy.off} -> ${happy.on}`);
  assert.equal(happy.opaqueChanged, 0);
  const man = await tailOf('mt_man.png');
  assert.ok(man.on > 0.8 * man.off, `mt_man tail ${man.off} -> ${man.on}`);
  assert.equal(man.opaqueChanged, 0);
});
