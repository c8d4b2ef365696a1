// An open grin reads back as a grin on the rendered frame (issue #14, critic15: grins read as pouts or
// shouts): with the jaw open, a smile's corners stay wide and up where the mesh puts them, and the
// opening is wide rather than tall. Measured by the face mesh on the rendered frame, not on the mesh.
// Before: the corners' dark notch was lifted whole (the read corners moved in: lp_s2 width 0.570 where
// the mesh had 0.617), the jaw pulled the corners down to the photo's height (rise 0.00-0.01 IOD), and
// the opening stood 0.23 IOD tall (bench/grinMesh.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const DATA = sharedData('portraits/');
type P = ArrayLike<number>[];
const dist = (lm: P, i: number, j: number) => Math.hypot(lm[i]![0]! - lm[j]![0]!, lm[i]![1]! - lm[j]![1]!);
/** width 61-291, gap 13-14, and the corners' height under the eye line, all over the IOD */
function measures(lm: P, iod: number) {
  const eyes = 0.5 * (lm[33]![1]! + lm[263]![1]!), corners = 0.5 * (lm[61]![1]! + lm[291]![1]!);
  return { width: dist(lm, 61, 291) / iod, gap: dist(lm, 13, 14) / iod, below: (corners - eyes) / iod };
}
const GRIN = { jawOpen: 0.3, mouthSmileLeft: 0.6, mouthSmileRight: 0.6 };

for (const photo of ['lp_s2.jpg', 'st_art_1.png']) {
  test(`an open smile (jaw 0.3, smile 0.6) on ${photo} reads back wide, with its corners up, where its mesh puts them`, async () => {
    const portrait = await analyzePortrait(`${DATA}${photo}`);
    const size = portrait.image.width;
    const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
    const read = async (w: Record<string, number>) => {
      const base = r.neutralFrame();
      const frame: MotionFrame = { ...base, w: { ...base.w, ...w } };
      const mesh = r.landmarks(frame);
      const img = r.render(frame);
      const face = (await detectFaces({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }, { embedding: false }))[0];
      assert.ok(face, `${photo}: a face on the rendered frame`);
      const lm = face.landmarks as P, iod = dist(lm, 33, 263);
      return { read: measures(lm, iod), mesh: measures(mesh, iod) };
    };
    const rest = await read({}), grin = await read(GRIN);
    const msg = `${photo}: photo ${JSON.stringify(rest.read)}, grin ${JSON.stringify(grin.read)}, grin mesh ${JSON.stringify(grin.mesh)}`;
    // the rendered corners are where the mesh puts them (old lp_s2: 0.92 of the mesh's width)
    assert.ok(grin.read.width >= 0.96 * grin.mesh.width, `read width within 4 % of the mesh's: ${msg}`);
    // wider than the photo's mouth (old lp_s2: +0.023 IOD)
    assert.ok(grin.read.width - rest.read.width >= 0.06, `the grin widens the mouth by 0.06 IOD at least: ${msg}`);
    // and the corners up toward the eyes (old: 0.001-0.012 IOD)
    assert.ok(rest.read.below - grin.read.below >= 0.04, `the grin's corners rise 0.04 IOD at least: ${msg}`);
    // wide rather than tall (old lp_s2: 2.5 times as wide as open)
    assert.ok(grin.read.width >= 3 * grin.read.gap, `a grin, not a shout: ${msg}`);
  });
}

test('a grin is both corners smiling past the photo, net of their frown: a one-sided smile on a frowning "O" is none', async () => {
  const { grinShare } = await import('../src/render/mouth/opening.ts');
  const { CONTROL_INDEX, CONTROL_COUNT } = await import('../src/rig/controls.ts');
  const weights = (w: Record<string, number>) => {
    const out = new Float64Array(CONTROL_COUNT);
    for (const [k, v] of Object.entries(w)) out[CONTROL_INDEX[k as keyof typeof CONTROL_INDEX]] = v;
    return out;
  };
  const photo = weights({});
  assert.equal(grinShare(weights({ mouthSmileLeft: 0.6, mouthSmileRight: 0.6 }), photo), 1);
  // lp_d6 f88 (critic16): a tall "O" the retarget read as smile .08/.84 with frowns .51/.29
  assert.equal(grinShare(weights({ mouthSmileLeft: 0.08, mouthSmileRight: 0.84, mouthFrownLeft: 0.51, mouthFrownRight: 0.29 }), photo), 0);
  // a smiling photo that keeps its smile is no grin either
  assert.equal(grinShare(weights({ mouthSmileLeft: 0.6, mouthSmileRight: 0.6 }), weights({ mouthSmileLeft: 0.6, mouthSmileRight: 0.6 })), 0);
});
