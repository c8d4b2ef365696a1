// The matte's misses beside the person (analyze/matteGrow.ts): a part touching the person that the
// backdrop cannot explain joins the matte; the same part away from the person, a shadow on the wall,
// and anything on a busy backdrop stay out.
import test from 'node:test';
import assert from 'node:assert/strict';
import { growMatteIntoUnlikeBackdrop, unlikeBackdrop } from '../src/analyze/matteGrow.ts';
import type { GrayImage, RgbaImage } from '../src/types.ts';

const SIZE = 160;

function imageOf(colour: (x: number, y: number) => readonly number[]): RgbaImage {
  const data = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    const c = colour(x, y), o = (y * SIZE + x) * 4;
    data[o] = c[0]!; data[o + 1] = c[1]!; data[o + 2] = c[2]!; data[o + 3] = 255;
  }
  return { width: SIZE, height: SIZE, data };
}

/** The person: a disc of radius 40 at the centre, fully in the matte (shares below count the pixels outside it). */
const inPerson = (x: number, y: number) => Math.hypot(x - 80, y - 80) < 40;
const matte: GrayImage = { width: SIZE, height: SIZE, data: Float32Array.from({ length: SIZE * SIZE }, (_, i) => (inPerson(i % SIZE, Math.floor(i / SIZE)) ? 1 : 0)) };
/** A cloth end hanging off the person's right side (x 115-135), and a lone one far left (x 2-12), both missed by the matte. */
const inCloth = (x: number, y: number) => x >= 115 && x < 135 && y >= 70 && y < 100;
const inLone = (x: number, y: number) => x >= 2 && x < 12 && y >= 70 && y < 100;
const whole = [0, 0, SIZE, SIZE];
/** No face oval, or one filling the disc's right half (the cloth then lies within FACE_CLEAR of it). */
const noFace = new Uint8Array(SIZE * SIZE);
const faceRight = Uint8Array.from({ length: SIZE * SIZE }, (_, i) => (inPerson(i % SIZE, Math.floor(i / SIZE)) && i % SIZE > 80 ? 1 : 0));
const grownShare = (g: GrayImage, inside: (x: number, y: number) => boolean) => {
  let n = 0, grown = 0;
  for (let i = 0; i < SIZE * SIZE; i++) {
    const x = i % SIZE, y = Math.floor(i / SIZE);
    if (inside(x, y) && !inPerson(x, y)) { n++; if (g.data[i]! > 0.9) grown++; }
  }
  return grown / n;
};

test('matteGrow: a bright cloth end touching the person on a dark plain backdrop joins the matte; a lone one does not', () => {
  const img = imageOf((x, y) => (inPerson(x, y) ? [180, 140, 100] : inCloth(x, y) || inLone(x, y) ? [150, 170, 200] : [10, 10, 20]));
  const g = growMatteIntoUnlikeBackdrop(matte, img, whole, noFace);
  assert.ok(grownShare(g, inCloth) > 0.95, `cloth grown ${grownShare(g, inCloth)}`);
  assert.equal(grownShare(g, inLone), 0);
  // the backdrop beside the cloth stays out
  assert.ok(g.data[85 * SIZE + 140]! < 0.7 && g.data[85 * SIZE + 150]! === 0);
  // nothing beside the face's own outline (the cloth starts within 1/16 of the side of this oval)
  assert.equal(grownShare(growMatteIntoUnlikeBackdrop(matte, img, whole, faceRight), inCloth), 0);
  // nothing outside the photo's own pixels: the cloth past the valid rectangle (x >= 125) stays out
  assert.equal(grownShare(growMatteIntoUnlikeBackdrop(matte, img, [0, 0, 125, SIZE], noFace), (x, y) => inCloth(x, y) && x >= 125), 0);
});

test('matteGrow: a shadow on a pale wall (darker, same hue) stays out; a darker part of another hue (a red scarf) joins', () => {
  const wall = [200, 190, 170];
  const shadow = imageOf((x, y) => (inPerson(x, y) ? [60, 40, 30] : inCloth(x, y) ? wall.map((v) => v * 0.55) : wall));
  assert.equal(grownShare(growMatteIntoUnlikeBackdrop(matte, shadow, whole, noFace), inCloth), 0);
  const scarf = imageOf((x, y) => (inPerson(x, y) ? [60, 40, 30] : inCloth(x, y) ? [150, 30, 40] : wall));
  assert.ok(grownShare(growMatteIntoUnlikeBackdrop(matte, scarf, whole, noFace), inCloth) > 0.95);
});

test('matteGrow: on a busy backdrop (spread well over the cloth\'s difference) nothing grows', () => {
  const busy = imageOf((x, y) => (inPerson(x, y) ? [180, 140, 100] : inCloth(x, y) ? [120, 160, 90] : ((x >> 1) + (y >> 1)) % 2 ? [20, 60, 20] : [150, 200, 130]));
  assert.equal(grownShare(growMatteIntoUnlikeBackdrop(matte, busy, whole, noFace), inCloth), 0);
  // and the rule itself: a clear difference, a shadow, a small difference
  assert.equal(unlikeBackdrop([150, 170, 200], [10, 10, 20], 5), true);
  assert.equal(unlikeBackdrop([110, 104, 94], [200, 190, 170], 5), false);
  assert.equal(unlikeBackdrop([40, 40, 50], [10, 10, 20], 5), false);
});
