// Session 24 (critic23, issue #13: lp_s2 <- lp_d10 f83/f87, "a pitch-black crescent over a grey tongue; the
// tongue under the rows is flat grey-mauve"): the tongue is shaded with depth (tongue.ts withDepthShade: its
// back, the layer's top, darker than its front by the lower teeth), and on a black-and-white photo the lip
// edge it takes its hue from is grey (placement.ts lipSurfaceColours: the edge's red tint was applied at
// full strength whatever the photo's colourfulness, so lp_s2's tongue and lip rims were mauve).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { teethLibrary } from '../src/render/mouth/library.ts';
import { ready, type ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { lipSurfaceColours } from '../src/render/mouth/placement.ts';
import { tongueTopAbove, withDepthShade, withLevelTop } from '../src/render/mouth/tongue.ts';
import { luminance as lum } from '../src/math/colour.ts';

const PORTRAITS = new URL('../../shared/data/portraits', import.meta.url).pathname;

/** The mean straight-colour luma of a layer's opaque pixels in rows y0..y1 (inclusive). */
function rowLuma(l: ReadyLayer, y0: number, y1: number): number {
  let s = 0, n = 0;
  for (let y = Math.max(0, y0); y <= Math.min(l.height - 1, y1); y++) for (let x = 0; x < l.width; x++) {
    const o = (y * l.width + x) * 4, a = l.data[o + 3]!;
    if (a >= 0.9) { s += lum(l.data[o]!, l.data[o + 1]!, l.data[o + 2]!) / a; n++; }
  }
  return n ? s / n : NaN;
}

test('the tongue is darker at its back (its top) than at its front, which keeps its light', () => {
  const flat = withLevelTop(ready(teethLibrary().tongue!, 140, 1.5, { gain: [1, 1, 1], saturation: 1 }));
  const shaded = withDepthShade(flat);
  const top = tongueTopAbove(flat)!, ay = Math.round(flat.anchorY);
  assert.ok(top > 4, `tongue top ${top} px over its anchor`);
  const back = (l: ReadyLayer) => rowLuma(l, ay - top, ay - top + 1), front = (l: ReadyLayer) => rowLuma(l, ay - 3, ay - 1);
  console.log(`tongue back/front luma: flat ${back(flat).toFixed(0)}/${front(flat).toFixed(0)}, shaded ${back(shaded).toFixed(0)}/${front(shaded).toFixed(0)}`);
  assert.ok(back(shaded) < 0.7 * back(flat), `back ${back(shaded).toFixed(0)} against ${back(flat).toFixed(0)} unshaded`);
  assert.ok(front(shaded) > 0.95 * front(flat), `front ${front(shaded).toFixed(0)} against ${front(flat).toFixed(0)} unshaded`);
});

test('a black-and-white photo (lp_s2) gets a grey lip edge and a grey tongue, not mauve ones', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s2.jpg')));
  const chroma = (c: ArrayLike<number>) => Math.max(c[0]!, c[1]!, c[2]!) - Math.min(c[0]!, c[1]!, c[2]!);
  const lips = lipSurfaceColours(avatar);
  // (before: lipEdge 128.4, 121.3, 124.1 from a grey lip: chroma 7.1)
  for (const [name, c] of Object.entries(lips)) assert.ok(chroma(c) < 1, `${name} ${c.map((v) => v.toFixed(1)).join(', ')}`);
  const t = readyMouth(avatar, 200).tongue!;
  let most = 0;
  for (let o = 0; o < t.data.length; o += 4) if (t.data[o + 3]! >= 0.9) most = Math.max(most, chroma([t.data[o]! / t.data[o + 3]!, t.data[o + 1]! / t.data[o + 3]!, t.data[o + 2]! / t.data[o + 3]!]));
  // (before: up to ~4 levels of mauve)
  assert.ok(most < 1.5, `tongue chroma up to ${most.toFixed(2)}`);
});
