// The opened lower lip's tone (lowlip35, critic33/34: mt_man's "swollen flat pale pink lower lip"): a photo whose
// lower lip is a dark red band under the upper lip over its inner .4 and a pale front below, slid and lifted to the
// pale front all over, is given back the photo's body colour as a darker, redder band toward the inner line
// (render/mouth/lowerLipTone.ts); a lip already as the photo's is left as it is, and the tone never lightens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandShare, depthField, rowDepths, toneLowerLip, type LipRows } from '../src/render/mouth/lowerLipTone.ts';

const W = 120, H = 80;
const XS = [20, 30, 40, 50, 60, 70, 80, 90, 100];
/** rows 0..3 at y 30, 35, 40, 50 (a lip 20 px thick); the full opening's slide as lipTexture.ts makes it (.38 of the way out for the inner row, .85 and .4 of that for the middle rows) */
const REST_Y = [30, 35, 40, 50], SLID = [1, 0.85, 0.4, 0];
const rows: LipRows = {
  rest: REST_Y.map((y) => XS.map((x) => [x, y] as const)),
  slid: REST_Y.map((y, r) => XS.map((x) => [x, y + 0.38 * SLID[r]! * (50 - y)] as const)),
};
const DARK = [90, 30, 35], PALE = [200, 130, 130];

/** The photo: the lip's inner .4 dark red, its front pale (or all pale); the lift: every lip pixel pale. */
function lip(bandToo: boolean): { photo: Uint8ClampedArray; lift: { pixels: Int32Array; lifted: Uint8ClampedArray } } {
  const photo = new Uint8ClampedArray(W * H * 4).fill(255), pixels: number[] = [], lifted: number[] = [];
  for (let y = 30; y < 50; y++) for (let x = 20; x < 100; x++) {
    const t = (y + 0.5 - 30) / 20;
    photo.set(bandToo && t < 0.4 ? DARK : PALE, (y * W + x) * 4);
    pixels.push(y * W + x);
    lifted.push(...PALE);
  }
  return { photo, lift: { pixels: Int32Array.from(pixels), lifted: Uint8ClampedArray.from(lifted) } };
}

/** The toned colour of each lip pixel (the lift's where the tone leaves it). */
function toned(bandToo: boolean): { photo: Uint8ClampedArray; out: Map<number, number[]> } {
  const { photo, lift } = lip(bandToo);
  const t = toneLowerLip(photo, W, H, lift, rows, 60, 45);
  const out = new Map<number, number[]>();
  t.pixels.forEach((p, k) => out.set(p, [t.lifted[k * 3]!, t.lifted[k * 3 + 1]!, t.lifted[k * 3 + 2]!]));
  return { photo, out };
}

const lum = (c: readonly number[]) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;

test('rows\' depths and the depth field run 0 at the inner row to 1 at the outer contour', () => {
  const d = rowDepths(rows.rest);
  assert.deepEqual(d[1]!.map((v) => +v.toFixed(2)), XS.map(() => 0.25));
  const f = depthField(rows.rest, d, 0, 0, W, H);
  assert.ok(Math.abs(f[40 * W + 60]! - 0.525) < 0.01, `depth at y 40.5: ${f[40 * W + 60]}`);
  assert.ok(Number.isNaN(f[20 * W + 60]!), 'no depth above the lip');
  assert.ok(bandShare(0) > bandShare(0.4) && bandShare(0.4) > bandShare(0.9) && bandShare(1) === 0);
});

test('a lip slid and lifted to its pale front gets the photo\'s body colour back as a darker, redder band toward the inner line', () => {
  const { photo, out } = toned(true);
  // the photo's body (depth .25-.75, the middle columns) and the drawn body at a full opening: the slid rows
  // draw texture depth t at s; the drawn body's pixels are those the slid mesh puts between s .25 and .75
  const sField = depthField(rows.slid, rowDepths(rows.rest), 0, 0, W, H);
  const mean = (pick: (p: number) => number[] | null) => {
    const s = [0, 0, 0];
    let n = 0;
    for (let y = 30; y < 50; y++) for (let x = 40; x < 80; x++) { const c = pick(y * W + x); if (c) { for (let ch = 0; ch < 3; ch++) s[ch]! += c[ch]!; n++; } }
    return s.map((v) => v / n);
  };
  const photoBody = mean((p) => { const t = (Math.floor(p / W) + 0.5 - 30) / 20; return t >= 0.25 && t <= 0.75 ? [photo[p * 4]!, photo[p * 4 + 1]!, photo[p * 4 + 2]!] : null; });
  const drawnBody = mean((p) => (sField[p]! >= 0.25 && sField[p]! <= 0.75 ? out.get(p)! : null));
  // before the tone the drawn body is the pale front: luma 152, R/G 1.54; the photo's body: luma 114, R/G 1.91
  // (the tone: luma ~130, R/G 1.62; GAIN_MIN keeps the line's gain over .65, so it comes part of the way)
  const before = lum(PALE), photoL = lum(photoBody), after = lum(drawnBody);
  assert.ok(Math.abs(after - photoL) < 0.5 * Math.abs(before - photoL), `body luma ${after.toFixed(0)}: not nearer the photo's ${photoL.toFixed(0)} than ${before.toFixed(0)}`);
  const rg = (c: number[]) => c[0]! / c[1]!;
  assert.ok(rg(drawnBody) > rg(PALE) + 0.05, `body R/G ${rg(drawnBody).toFixed(2)} not redder than the pale front's ${rg(PALE).toFixed(2)}`);
  // darker toward the inner line, down the middle column: the pixel drawn at the line darker than the one drawn at .5
  const column = [...out.entries()].filter(([p]) => p % W === 60 && sField[p]! >= 0).sort((a, b) => sField[a[0]]! - sField[b[0]]!);
  const atLine = column[0]![1], deeper = column.find(([p]) => sField[p]! >= 0.5)![1];
  assert.ok(lum(atLine) < lum(deeper) - 10, `at the line ${lum(atLine).toFixed(0)}, at .5 ${lum(deeper).toFixed(0)}`);
  for (const c of out.values()) for (let ch = 0; ch < 3; ch++) assert.ok(c[ch]! <= PALE[ch]! + 0.5, 'the tone never lightens');
});

test('a lip already as its photo\'s (no dark band to give back) is left as the lift has it', () => {
  const { out } = toned(false);
  for (const c of out.values()) assert.deepEqual(c, PALE);
});
