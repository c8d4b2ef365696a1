// framedTorso.ts (s57 card57): a torso cut by a picture's own edges inside the photo (lp_s11, a printed ID photo
// held on a bedspread) is held in place; a body is not. Synthetic 200 px crops: a head disc, a torso block below
// it, the chin at row 100, a face 60 px wide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { framedSides, torsoFollowShare } from '../src/render/framedTorso.ts';

const SIZE = 200, CHIN = 100, FW = 60;

/** matte: head disc + torso between `left(y)` and `right(y)` from row 110 down to `bottom` */
function matte(left: (y: number) => number, right: (y: number) => number, bottom = SIZE): Uint8Array {
  const m = new Uint8Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const head = (x - 100) ** 2 + (y - 70) ** 2 < 32 ** 2;
    const torso = y >= 110 && y < bottom && x >= left(y) && x <= right(y);
    if (head || torso) m[y * SIZE + x] = 255;
  }
  return m;
}

/** photo luma: `inner` inside the print's rectangle (x 50..150 ... all rows), `outer` outside it (the card) */
function photo(inner: number, outer: number, x0 = 50, x1 = 150): (i: number) => number {
  return (i) => { const x = i % SIZE; return x >= x0 && x <= x1 ? inner : outer; };
}

test('framedSides: a torso cut by the print\'s straight edges, whose lines go on past the shoulders, is framed', () => {
  const m = matte(() => 50, () => 150, 190);
  const r = framedSides((i) => m[i]!, photo(60, 180), SIZE, CHIN, FW);
  assert.ok(r.run[0] > 0.6 && r.run[1] > 0.6, `runs ${r.run}`);
  assert.ok(r.edge[0] > 0.9 && r.edge[1] > 0.9, `edges ${r.edge}`);
  assert.ok(r.framed > 0.99, `framed ${r.framed}`);
  // a print held a little rotated (lp_s11 ~5 deg): sides parallel, slanted
  const tilt = 0.08;
  const mt = matte((y) => 50 + tilt * (y - 100), (y) => 150 + tilt * (y - 100), 190);
  const pt = (i: number) => { const x = i % SIZE, y = Math.floor(i / SIZE); return x >= 50 + tilt * (y - 100) && x <= 150 + tilt * (y - 100) ? 60 : 180; };
  assert.ok(framedSides((i) => mt[i]!, pt, SIZE, CHIN, FW).framed > 0.99, 'slanted print');
  // a white backdrop on a cream card: a step in blue (~30), hardly in luma (~8)
  const CREAM = [233, 229, 205];
  const white = (i: number, c: number) => { const x = i % SIZE; return x >= 50 && x <= 150 ? 235 : CREAM[c]!; };
  assert.ok(framedSides((i) => m[i]!, white, SIZE, CHIN, FW).framed > 0.99, 'white on cream');
});

test('framedSides: bodies are not framed', () => {
  // the same straight block on a plain backdrop: nothing in the photo goes on past the shoulders (an arm, a dress)
  const m = matte(() => 50, () => 150);
  assert.equal(framedSides((i) => m[i]!, () => 90, SIZE, CHIN, FW).framed, 0, 'plain backdrop');
  // shoulders cut by the crop's border (a head-and-shoulders photo)
  const c = matte(() => 0, () => SIZE - 1);
  assert.equal(framedSides((i) => c[i]!, photo(60, 180), SIZE, CHIN, FW).framed, 0, 'cut by the crop');
  // sides that widen below the shoulders (a body), even with frame lines in the photo
  const w = matte((y) => 50 - 0.3 * (y - 110), (y) => 150 + 0.3 * (y - 110));
  assert.equal(framedSides((i) => w[i]!, photo(60, 180), SIZE, CHIN, FW).framed, 0, 'widening');
  // a short straight stretch (under RUN_FROM face widths) under a curved outline
  const s = matte((y) => (y < 175 ? 50 - 0.02 * (175 - y) ** 2 : 50), () => 150);
  assert.ok(framedSides((i) => s[i]!, photo(60, 180), SIZE, CHIN, FW).framed < 0.05, 'short run');
});

test('torsoFollowShare: a framed torso follows none of the head; a body keeps its follow exactly', () => {
  assert.equal(torsoFollowShare(0), 1);
  assert.equal(torsoFollowShare(1), 0);
  assert.equal(torsoFollowShare(0.25), 0.75);
});
