// render/mouth/incisalLine.ts (s38, incisal38): a staircase of tips made one smooth edge, sub-pixel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnTips, smoothLine, withSmoothIncisal } from '../src/render/mouth/incisalLine.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';

const W = 60, H = 30;

/** An upper row (tips down), opaque white to row `tipAt(x)` (inclusive) per column. */
function row(tipAt: (x: number) => number): ReadyLayer {
  const data = new Float32Array(W * H * 4);
  for (let x = 0; x < W; x++) for (let y = 0; y <= tipAt(x); y++) data.set([240, 240, 240, 1], (y * W + x) * 4);
  return { width: W, height: H, anchorX: W / 2, anchorY: 0, data };
}

const spread = (v: Float64Array) => { const f = [...v].filter(Number.isFinite); return Math.max(...f) - Math.min(...f); };

test('a staircase of tips (steps of 2 rows every 5 columns) comes out as one line within a row', () => {
  const stairs = row((x) => 18 + 2 * (Math.floor(x / 5) % 2));
  assert.equal(spread(columnTips(stairs, 1)), 2);
  const out = withSmoothIncisal(stairs, 100, 1);
  const tips = columnTips(out, 1).slice(8, W - 8);
  // (the running mean over .04 IOD = 4 columns either side of a 10-column period: within about a row)
  assert.ok(spread(tips) <= 1.2, `tips ${[...tips].map((t) => t.toFixed(2)).join(' ')}`);
  // nothing drawn beyond the stairs' furthest tip, nothing left short of the nearest
  for (let x = 0; x < W; x++) {
    assert.equal(out.data[(21 * W + x) * 4 + 3], 0);
    assert.ok(out.data[(17 * W + x) * 4 + 3]! > 0.99);
  }
  // the colour carried on is the row's own (premultiplied white)
  for (let x = 0; x < W; x++) for (let y = 0; y < H; y++) {
    const o = (y * W + x) * 4, a = out.data[o + 3]!;
    if (a > 0.05) assert.ok(Math.abs(out.data[o]! / a - 240) < 1, `colour at ${x},${y}`);
  }
});

test('a straight edge is left as it is; smoothLine skips columns without a tip', () => {
  const flat = row(() => 20);
  assert.deepEqual(withSmoothIncisal(flat, 100, 1).data, flat.data);
  const v = Float64Array.from([1, NaN, 3, 5]);
  const s = smoothLine(v, 1);
  assert.equal(s[0], 1); assert.ok(Number.isNaN(s[1]!)); assert.equal(s[2], 4); assert.equal(s[3], 4);
});
