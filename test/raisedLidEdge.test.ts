// A raised lid's edge (lidedge33): the lid skin triangles' lower edge is cut in whole pixels over the white
// wideEyes.ts draws under it (a stair of 1-px steps), with the skin's thin lash line on it.
// render/raisedLidEdge.ts covers the crossed pixels by share and draws the photo's own lash line, smooth,
// along the raised line. Synthetic raster: dark skin (near) above a sloping line, white eyeball (far) below.
import test from 'node:test';
import assert from 'node:assert/strict';
import { skinShareAbove, coverRaisedLidEdge, drawLashLine, lashAlphaAt, photoLashLine } from '../src/render/raisedLidEdge.ts';
import { polylineYAt } from '../src/render/slitEdge.ts';
import { runningLineResidual } from '../src/eval/slitJag.ts';
import type { RasterTarget } from '../src/render/raster.ts';

const W = 60, H = 24;
const SKIN = 60, EYE = 220;
const pack = (v: number) => (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
const lx = [2, 30, 57], ly = [12.3, 8.9, 10.6];

function raster(): RasterTarget {
  const color = new Uint32Array(W * H), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const yl = polylineYAt(lx, ly, x + 0.5);
    const eye = Number.isFinite(yl) ? y + 0.5 > yl : y >= 12;
    color[y * W + x] = pack(eye ? EYE : SKIN);
    depth[y * W + x] = eye ? 0.5 : 1;
  }
  return { width: W, height: H, color, depth };
}
/** Per column, the skin's share summed down the column from the top: where its edge lies (px). */
const edgeOf = (t: RasterTarget, x: number) => { let s = 0; for (let y = 0; y < H; y++) s += (EYE - (t.color[y * W + x]! & 255)) / (EYE - SKIN); return s; };

test('covering the raised lid line puts its edge where the line is, to a fraction of a pixel', () => {
  const t = raster();
  const err = (x: number) => Math.abs(edgeOf(t, x) - polylineYAt(lx, ly, x + 0.5));
  const cols = Array.from({ length: 50 }, (_, k) => k + 5);
  const before = Math.max(...cols.map(err));
  coverRaisedLidEdge(t, lx, ly, 0.6, 1);
  const after = Math.max(...cols.map(err));
  assert.ok(before > 0.35, `whole pixels are off by up to half a pixel (${before})`);
  assert.ok(after < 0.02, `covered: ${after}`);
  // its edge per column runs straight between the line's points (no steps)
  assert.ok(runningLineResidual(Array.from({ length: 24 }, (_, k) => edgeOf(t, k + 4))) < 0.02);
});

test('nothing changes at strength 0, or where the eyeball is not under the line', () => {
  const t = raster(), before = t.color.slice();
  coverRaisedLidEdge(t, lx, ly, 0.6, 0);
  assert.deepEqual(t.color, before);
  // an eyeball bound under the eyeball's 1/z: nothing is eyeball, nothing covered
  coverRaisedLidEdge(t, lx, ly, 0.4, 1);
  assert.deepEqual(t.color, before);
});

test("the photo's lash line is read as a share by depth below its lid line, its colour the darkest", () => {
  const S = 40, data = new Uint8ClampedArray(S * S * 4);
  // skin 180 above the lid line at y = 20, white 230 below, a lash line 2 px thick at rows 19-20, 30 dark
  for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
    const v = y === 19 || y === 20 ? 30 : y < 20 ? 180 : 230;
    data.set([v, v, v, 255], (y * S + x) * 4);
  }
  const cols = Array.from({ length: 20 }, (_, k) => ({ x: k + 10, top: 20 }));
  const lash = photoLashLine({ width: S, height: S, data }, cols, null)!;
  assert.deepEqual(lash.colour, [30, 30, 30, 255]);
  // t = -1 and 0 (rows 19, 20) are the lash's whole share, none 2 px away
  assert.ok(lashAlphaAt(lash.alpha, -1) > 0.95 && lashAlphaAt(lash.alpha, 0) > 0.95);
  assert.ok(lashAlphaAt(lash.alpha, -2.5) < 0.05 && lashAlphaAt(lash.alpha, 2) < 0.05);
  // over an iris in every column: nothing left to read
  assert.equal(photoLashLine({ width: S, height: S, data }, cols, { cx: 20, r: 20 }), null);
});

test('the drawn lash line runs smooth along the raised line, as thick as the photo shows it', () => {
  const t = raster();
  coverRaisedLidEdge(t, lx, ly, 0.6, 1);
  const lash = { colour: [0, 0, 0, 255], alpha: [0, 0, 1, 1, 0, 0, 0] };
  drawLashLine(t, lx, ly, lash, pack(0), 2, 1.1, 1);
  // per column in the middle: the darkness under the skin's and the white's level, its centre and amount
  const centres: number[] = [], amounts: number[] = [];
  for (let x = 15; x <= 45; x++) {
    const yl = polylineYAt(lx, ly, x + 0.5);
    let mass = 0, moment = 0;
    for (let y = 0; y < H; y++) {
      const v = t.color[y * W + x]! & 255, level = y + 0.5 < yl ? SKIN : EYE;
      const d = Math.max(0, (level - v) / level);
      mass += d; moment += d * (y + 0.5);
    }
    centres.push(moment / mass); amounts.push(mass);
  }
  assert.ok(runningLineResidual(centres) < 0.1, `lash centre steps: ${runningLineResidual(centres)}`);
  // the photo's 2 px at scale 2, across a gently sloping line: about 4 px down a column
  for (const m of amounts) assert.ok(m > 3.5 && m < 4.8, `lash amount ${m}`);
  assert.equal(skinShareAbove(3, 3.25), 0.25);
});

test('a steep stretch of the line (toward a corner) is covered across each row', () => {
  // the line falls 3 px per column from (20, 2) to (26, 20): skin above it is to its right
  const sx = [20, 26], sy = [2, 20];
  const color = new Uint32Array(W * H), depth = new Float32Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const eye = x + 0.5 < 20 + ((y + 0.5 - 2) / 18) * 6;
    color[y * W + x] = pack(eye ? EYE : SKIN);
    depth[y * W + x] = eye ? 0.5 : 1;
  }
  const t: RasterTarget = { width: W, height: H, color, depth };
  /** per row, the eyeball's share summed along the row: where the line crosses it */
  const crossing = (y: number) => { let s = 0; for (let x = 0; x < W; x++) s += ((t.color[y * W + x]! & 255) - SKIN) / (EYE - SKIN); return s; };
  const err = (y: number) => Math.abs(crossing(y) - (20 + ((y + 0.5 - 2) / 18) * 6));
  const rows = Array.from({ length: 14 }, (_, k) => k + 4);
  const before = Math.max(...rows.map(err));
  coverRaisedLidEdge(t, sx, sy, 0.6, 1);
  const after = Math.max(...rows.map(err));
  assert.ok(before > 0.3 && after < 0.02, `row crossings off by ${before} -> ${after}`);
});
