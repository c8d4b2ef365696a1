// lipCoverage.ts reads a mouth pixel's own colour off the raster instead of shading it again when the
// shader mixes none of the photo's mouth in (s51, speed51: MouthShader.photoShown false). That holds only
// while a drawn pixel is openingColour at its centre whatever its texture position: asserted here, and the
// coverage pass's output with the shortcut against the same pass shading every pixel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MouthShader, type MouthPlacement } from '../src/render/mouth/shader.ts';
import { H, W, bandLayers } from './bandMouth.ts';
import type { TextureSource } from '../src/render/textureSample.ts';
import { coverLipEdges, type OpeningLines } from '../src/render/mouth/lipCoverage.ts';

const layers = bandLayers;
const XS = [2, 17, 32, 47, 62];
/** a speckled photo texture: a pixel mixing it in depends on its texture position */
const photo: TextureSource = { width: W, height: H, data32: Uint32Array.from({ length: W * H }, (_, i) => ((i * 2654435761) >>> 0) | 0xff000000) };

function shaderAt(rebuilt: number): MouthShader {
  const s = new MouthShader(W, layers);
  const place: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 50, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.4, photoGap: 0, rebuilt };
  s.setPlacement(place);
  s.centreX = 32; s.halfWidth = 30;
  s.setLips(XS, [30, 15.3, 10.6, 15.7, 30], XS, [30, 44.4, 50.2, 45.1, 30]);
  s.texture = photo;
  return s;
}

test('without the photo mixed in, a drawn mouth pixel is openingColour at its centre (any texture position)', () => {
  const s = shaderAt(1);
  assert.equal(s.photoShown, false);
  for (let y = 12; y < 50; y += 3) for (let x = 4; x < 60; x += 5) {
    assert.equal(s.shade(x, y, 3.7 + x, 41.2 - y), s.openingColour(x, y + 0.5), `pixel ${x},${y}`);
  }
  const mixed = shaderAt(0.5);
  assert.equal(mixed.photoShown, true);
  let differs = 0;
  for (let y = 12; y < 50; y += 3) for (let x = 4; x < 60; x += 5) if (mixed.shade(x, y, 3.7 + x, 41.2 - y) !== mixed.openingColour(x, y + 0.5)) differs++;
  assert.ok(differs > 0, 'with the photo mixed in the two differ (else the flag says nothing)');
});

test('the lip-line coverage reads the raster where the photo is not mixed in: the same pixels as shading them again', () => {
  for (const rebuilt of [1, 0.5]) {
    const s = shaderAt(rebuilt);
    const color = new Uint32Array(W * H), mask = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const i = y * W + x, top = s.upperY[x]!, bottom = s.lowerY[x]!;
      // the fan's pixels (centre inside the opening) drawn by the shader, the lips' a plain red
      if (y + 0.5 > top && y + 0.5 < bottom) { color[i] = s.shade(x, y, x + 0.3, y + 0.6); mask[i] = 1; } else color[i] = 0xff3040b0;
    }
    const run = (m: OpeningLines) => {
      const c = color.slice();
      coverLipEdges({ width: W, height: H, color: c, depth: new Float32Array(W * H) }, m, mask, 1 - s.photoKeep, new Int32Array(W * H), new Uint32Array(W * H));
      return c;
    };
    const shadedAgain: OpeningLines = { upperY: s.upperY, lowerY: s.lowerY, upperRaw: s.upperRaw, lowerRaw: s.lowerRaw, openingColour: (x, cy) => s.openingColour(x, cy) };
    const got = run(s), want = run(shadedAgain);
    assert.ok(want.some((c, i) => c !== color[i]), 'the pass changes pixels (else the test proves nothing)');
    assert.deepEqual(got, want, `rebuilt ${rebuilt}`);
  }
});
