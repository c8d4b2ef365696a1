// The picture's white read off the eyes (render/mouth/eyeWhite.ts, round 11): the sclera, not the
// lid skin inside the eye opening, even when the lid is lit brighter than the sclera (Katie Hill's
// brightest quarter read (175,147,133) and gave her peach teeth); a reading still coloured like
// the skin is refused; a picture tinted as a whole (a varnished painting) keeps its white.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eyeWhite, eyeWhiteReading, looksLikeSkin } from '../src/render/mouth/eyeWhite.ts';
import { EYE_L_LOOP, EYE_R_LOOP, IRIS_L, IRIS_R, LANDMARK_COUNT } from '../src/rig/topology.ts';
import type { Avatar } from '../src/avatar/types.ts';

type Rgb = [number, number, number];
const W = 200, H = 120, EYES = [[60, 60], [140, 60]] as const;
const RX = 30, RY = 12, IRIS_RADIUS = 8;

/**
 * A face of `skin` with two eye openings (ellipses): a dark iris in the middle, `sclera` in a band
 * 5 px high beside it, and `lid` (lit lid skin) in the rest of the opening.
 */
function syntheticEyes(skin: Rgb, sclera: Rgb, lid: Rgb): Avatar {
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let c = skin;
    for (const [cx, cy] of EYES) {
      if (((x - cx) / RX) ** 2 + ((y - cy) / RY) ** 2 >= 1) continue;
      c = Math.hypot(x - cx, y - cy) < IRIS_RADIUS ? [70, 50, 35] : Math.abs(y - cy) < 3 ? sclera : lid;
    }
    data.set([...c, 255], (y * W + x) * 4);
  }
  // every landmark on the skin (the cheeks' probes read it), then the eye loops and irises placed
  const uv = new Float32Array(LANDMARK_COUNT * 2).fill(10);
  const ring = (loop: readonly number[], [cx, cy]: readonly [number, number]) => loop.forEach((i, k) => {
    const a = (2 * Math.PI * k) / loop.length;
    uv[i * 2] = cx + RX * Math.cos(a); uv[i * 2 + 1] = cy + RY * Math.sin(a);
  });
  ring(EYE_R_LOOP, EYES[0]); ring(EYE_L_LOOP, EYES[1]);
  for (const [iris, [cx, cy]] of [[IRIS_R, EYES[0]], [IRIS_L, EYES[1]]] as const) {
    uv[iris[0]! * 2] = cx; uv[iris[0]! * 2 + 1] = cy;
    iris.slice(1).forEach((i, k) => { uv[i * 2] = cx + IRIS_RADIUS * Math.cos((k * Math.PI) / 2); uv[i * 2 + 1] = cy + IRIS_RADIUS * Math.sin((k * Math.PI) / 2); });
  }
  return { texture: { width: W, height: H, data }, uv } as unknown as Avatar;
}

const near = (a: Rgb | null, b: Rgb, tol: number) => a !== null && a.every((v, k) => Math.abs(v - b[k]!) <= tol);

test('the white is the sclera, not lid skin lit brighter than it', () => {
  const sclera: Rgb = [215, 215, 210], lid: Rgb = [250, 205, 185];
  const white = eyeWhite(syntheticEyes([200, 150, 130], sclera, lid));
  assert.ok(near(white, sclera, 4), `read ${white?.map(Math.round)}`);
});

test('an eye opening that shows only skin-coloured pixels gives no white', () => {
  // the "sclera" is the skin's hue at nearly its colourfulness (a video's chroma bleeding over a thin eye)
  const r = eyeWhiteReading(syntheticEyes([200, 150, 130], [190, 150, 135], [170, 128, 110]));
  assert.ok(r.sclera !== null, 'the opening was read');
  assert.equal(r.white, null, r.why);
});

test('a tinted picture (varnish: skin and white share a strong hue) keeps its white', () => {
  const white = eyeWhite(syntheticEyes([205, 161, 83], [210, 170, 90], [180, 140, 70]));
  assert.ok(near(white, [210, 170, 90], 4), `read ${white?.map(Math.round)}`);
});

test('skin-likeness: grey is never skin, the skin\'s own hue at its colourfulness is', () => {
  assert.equal(looksLikeSkin([200, 198, 196], [200, 150, 130]), false);
  assert.equal(looksLikeSkin([190, 150, 135], [200, 150, 130]), true);
  // as colourful but another hue (a bluish white under daylight)
  assert.equal(looksLikeSkin([150, 170, 200], [200, 150, 130]), false);
});
