// s54 lidbelow54: a painted eye's strip under the mesh's lower lid is covered by the closing shut eye's lower lid as
// the eyeball is (closedEye/paintedStrip.ts, draw.ts), not shown through it at the fade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toImage, PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { bakeEye } from '../src/render/closedEye/bake.ts';
import { drawEye } from '../src/render/closedEye/draw.ts';
import { shutEyeShown } from '../src/render/closedEye/overlay.ts';
import { stripOnPatch } from '../src/render/closedEye/paintedStrip.ts';
import type { PaintedBand } from '../src/render/paintedBand.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

const face = syntheticEyeFace([200, 150, 120], { centreY: 114, halfHeight: 13, darkness: 0.25, brow: false });
const g = eyeGeometry(face.xy)[0]!;

/** A band whose strip is whole over texture rows y0..y1 (x 90..170), none elsewhere. */
function band(y0: number, y1: number): PaintedBand {
  const x0 = 80, w = 100, h = 60, by = 100, strip = new Float32Array(w * h);
  for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) if (by + j >= y0 && by + j < y1 && x0 + i >= 90 && x0 + i < 170) strip[j * w + i] = 1;
  return { x0, y0: by, w, h, share: strip, strip, poly: [] };
}

test('stripOnPatch: the band\'s strip lands on the patch cells over it, none elsewhere; no band or none on the patch gives null', () => {
  assert.equal(stripOnPatch(null, g.frame), null);
  assert.equal(stripOnPatch(band(0, 0), g.frame), null);
  const s = stripOnPatch(band(125, 132), g.frame)!;
  const cellAt = (u: number, v: number) => s[Math.floor((v - PATCH_V0) * PATCH_PPW) * PATCH_W + Math.floor((u - PATCH_U0) * PATCH_PPW)]!;
  // the frame's corners' line is row 120 and its width 60 px: rows 125-132 are v .08-.2 under the corners
  assert.equal(cellAt(0.5, 0.14), 1, 'in the strip');
  assert.equal(cellAt(0.5, -0.1), 0, 'above it (the lid)');
  assert.equal(cellAt(0.5, 0.35), 0, 'below it (the cheek)');
});

test('drawEye: at blink .9 a blue painted strip under the lower lid is covered by the shut eye\'s lower lid (not shown at .66); at blink 1 and with no strip as before', () => {
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  const strip = stripOnPatch(band(120, 140), g.frame)!;
  const BLUE = 0xff_e0_60_40; // r 64, g 96, b 224 (packed ABGR)
  const draw = (c: number, s: Float32Array | null) => {
    const t = { width: 400, height: 300, color: new Uint32Array(400 * 300).fill(BLUE), depth: new Float32Array(400 * 300) };
    const { show, lid } = shutEyeShown(c);
    const lidNow = { u: g.lid.u, v: g.lid.u.map((u) => lineAt(g.lower, u) - 0.02) };
    drawEye(t, baked, g.frame, show, 1, lidNow, lid, 0, 0, 0, s);
    return t.color;
  };
  // a pixel under the shut eye's lower lid line, inside the strip and the mask
  const [x, y] = toImage(g.frame, 0.5, lineAt(g.lower, 0.5) + 0.04);
  const i = Math.floor(y) * 400 + Math.floor(x);
  const blueness = (p: number) => ((p >>> 16) & 255) - (p & 255);
  const without = blueness(draw(0.9, null)[i]!), withStrip = blueness(draw(0.9, strip)[i]!);
  assert.ok(without > 60, `without the strip the blue shows through the faint lower lid (${without})`);
  assert.ok(withStrip < without / 2, `with it the lower lid covers it (${withStrip} vs ${without})`);
  assert.deepEqual(draw(1, strip), draw(1, null), 'blink 1 renders as before');
  assert.deepEqual(draw(0.8, strip), draw(0.8, null), 'before the shut eye shows below the lid (.85) as before');
});
