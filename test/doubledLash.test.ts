// A raised lid's drawn lash line under a dark line the lid skin already shows above it (lash38,
// render/doubledLash.ts): a separate dark valley over a strip of lighter skin above the raised edge is found,
// a dark band reaching the edge (the photo's own lash carried up) is not. Synthetic raster: skin (near) above a
// flat lid line at y 20, white eyeball (far) below.
import test from 'node:test';
import assert from 'node:assert/strict';
import { doubledLidShare, keptLashShare, valleyDepth } from '../src/render/doubledLash.ts';
import type { RasterTarget } from '../src/render/raster.ts';

const W = 80, H = 32, LINE = 20.4;
const pack = (v: number) => (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
const lx = [5, 40, 75], ly = [LINE, LINE, LINE];

/** Skin at 170 above the line, the rows in `dark` at 70, white 220 below. */
function raster(dark: number[]): RasterTarget {
  const color = new Uint32Array(W * H), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const eye = y + 0.5 > LINE;
    color[y * W + x] = pack(eye ? 220 : dark.includes(y) ? 70 : 170);
    depth[y * W + x] = eye ? 0.5 : 1;
  }
  return { width: W, height: H, color, depth };
}

test('a valley over lighter skin counts, a dark band at the edge does not', () => {
  assert.equal(valleyDepth([170, 170, 70, 170, 170, 170]), 100);
  assert.equal(valleyDepth([170, 170, 170, 170, 70, 70]), 0);
  assert.equal(valleyDepth([90, 90, 90, 90, 90, 90]), 0);
});

test('a crease line a few px above the raised edge is found; the lash carried at the edge is not', () => {
  const crease = doubledLidShare(raster([15]), lx, ly, 0.6, 1.1);
  const atEdge = doubledLidShare(raster([19, 20]), lx, ly, 0.6, 1.1);
  const plain = doubledLidShare(raster([]), lx, ly, 0.6, 1.1);
  assert.ok(crease > 0.95, `crease ${crease}`);
  assert.ok(atEdge < 0.05 && plain < 0.05, `edge ${atEdge} plain ${plain}`);
  assert.equal(keptLashShare(crease), 0);
  assert.equal(keptLashShare(atEdge), 1);
});
