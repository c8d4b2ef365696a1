// s52 teethtex52 (issue #13): the library's lower row without its source's own gaps between teeth (rowFlat.ts) — lp_s9 <-
// lp_d11 f165's comb of beads was those gaps falling between the relief's lines — and the relief's per-tooth light no
// longer leaves both laterals darker than the two centrals (toothVariety.ts: the "denture" front pair, mt_man + ls3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flatGains, flatRow, rowFlatSetting, tipBandLight } from '../src/render/mouth/rowFlat.ts';
import { withToothRelief, LOWER_RELIEF, PLAIN_RELIEF, UPPER_TEETH_WIDTHS } from '../src/render/mouth/toothRelief.ts';
import { onsetRelief } from '../src/render/mouth/onsetRelief.ts';
import { teethLibrary } from '../src/render/mouth/library.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { OUT_PER_IOD, slab } from './evenSlab.ts';

/** A lower row (tips up, at the top) of teeth `period` px apart with dark gaps `depth` deep, over a broad fall to one side. */
function beadRow(period: number, depth: number, fall: number): ReadyLayer {
  const W = 90, H = 20, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const gap = 1 - depth * Math.max(0, 1 - Math.abs(((x % period) + period) % period - period / 2) / 1.5);
    const v = 220 * gap * (1 - fall * (x / W));
    data.set([v, v * 0.97, v * 0.92, 1], (y * W + x) * 4);
  }
  return { width: W, height: H, anchorX: W / 2, anchorY: 0, data };
}

test('the lower row is flattened: the dips between the source teeth filled, its broad fall to the side kept', () => {
  assert.ok(rowFlatSetting.lower, 'on by default for the lower row');
  const row = beadRow(8, 0.35, 0.3), per = 128;
  const before = tipBandLight(row, per, false), after = tipBandLight(flatRow(row, per, false), per, false);
  const dip = (l: Float64Array, from: number, to: number) => { let lo = Infinity, hi = 0; for (let x = from; x < to; x++) { lo = Math.min(lo, l[x]!); hi = Math.max(hi, l[x]!); } return 1 - lo / hi; };
  assert.ok(dip(before, 40, 50) > 0.3, `the source's gap (${dip(before, 40, 50).toFixed(2)})`);
  assert.ok(dip(after, 40, 50) < 0.1, `filled: ${dip(after, 40, 50).toFixed(3)}`);
  // (the fall over the row: its two ends' brightest columns keep their ratio)
  const top = (l: Float64Array, from: number, to: number) => Math.max(...Array.from(l.slice(from, to)));
  const fallBefore = top(before, 80, 90) / top(before, 0, 10), fallAfter = top(after, 80, 90) / top(after, 0, 10);
  assert.ok(Math.abs(fallAfter - fallBefore) < 0.04, `the broad fall kept: ${fallBefore.toFixed(3)} -> ${fallAfter.toFixed(3)}`);
  // (never darker, at most FLAT_MOST brighter)
  const g = flatGains(before, 6, 0.8, 1.5);
  assert.ok(g.every((v) => v >= 1 && v <= 1.5));
});

test("the library's lower row itself: its gaps between teeth filled near its tips", () => {
  const lib = teethLibrary().lower, per = lib.ppi;
  const layer: ReadyLayer = { width: lib.width, height: lib.height, anchorX: lib.anchorX, anchorY: lib.anchorY, data: Float32Array.from(lib.data, (v, k) => (k % 4 === 3 ? v : v * lib.data[k - (k % 4) + 3]!)) };
  const deepest = (l: Float64Array) => {
    let worst = 0;
    for (let x = 3; x < l.length - 3; x++) {
      if (!(l[x]! > 0) || !(l[x - 3]! > 0) || !(l[x + 3]! > 0)) continue;
      if (Math.abs(x - lib.anchorX) > 0.15 * per) continue;
      worst = Math.max(worst, 1 - l[x]! / Math.min(Math.max(l[x - 1]!, l[x - 2]!, l[x - 3]!), Math.max(l[x + 1]!, l[x + 2]!, l[x + 3]!)));
    }
    return worst;
  };
  const before = deepest(tipBandLight(layer, per, false)), after = deepest(tipBandLight(flatRow(layer, per, false), per, false));
  // (the source frame's gaps: .2-.4 of the teeth's light)
  assert.ok(before > 0.15, `the source row's deepest gap ${before.toFixed(3)}`);
  assert.ok(after < 0.5 * before, `flattened ${before.toFixed(3)} -> ${after.toFixed(3)}`);
});

test('the lower row\'s lines are fainter than the upper row\'s', () => {
  const s = slab(0.6, 0.12);
  const plain = withToothRelief(s, OUT_PER_IOD, -1, 0.4, 1, undefined, PLAIN_RELIEF), lower = withToothRelief(s, OUT_PER_IOD, -1, 0.4, 1, undefined, LOWER_RELIEF);
  const y = Math.round(0.03 * OUT_PER_IOD), lum = (l: ReadyLayer, x: number) => { const o = (y * l.width + x) * 4; return 0.3 * l.data[o]! + 0.59 * l.data[o + 1]! + 0.11 * l.data[o + 2]!; };
  const mid = Math.round(s.anchorX), near = (l: ReadyLayer) => Math.min(...[-2, -1, 0, 1, 2].map((d) => lum(l, mid + d)));
  assert.ok(near(lower) > near(plain) + 2, `the midline's line: plain ${near(plain).toFixed(1)}, lower ${near(lower).toFixed(1)}`);
  assert.ok(LOWER_RELIEF.lines < 1 && LOWER_RELIEF.lines >= 0.5);
});

test('on an even slab the two central incisors are no brighter block than the laterals beside them (the onset row too)', () => {
  const s = slab(0.8, 0.15);
  for (const [name, look] of [['plain', PLAIN_RELIEF], ['onset', onsetRelief(PLAIN_RELIEF)]] as const) {
    const out = withToothRelief(s, OUT_PER_IOD, 1, 0.4, 1, undefined, look);
    const y = s.height - 1 - Math.round(0.06 * OUT_PER_IOD);
    const lum = (xIod: number) => { const o = (y * out.width + Math.round(out.anchorX + xIod * OUT_PER_IOD)) * 4; return 0.3 * out.data[o]! + 0.59 * out.data[o + 1]! + 0.11 * out.data[o + 2]!; };
    // (each tooth's middle: the centrals at half their width, the laterals half-way across theirs)
    const c = UPPER_TEETH_WIDTHS[0]!, l = UPPER_TEETH_WIDTHS[1]!;
    for (const side of [-1, 1]) {
      const ratio = lum(side * c / 2) / lum(side * (c + l / 2));
      // (real front teeth at most slightly brighter than the laterals: Katie's rows 1.0-1.2, lp_d10's 1.07-1.15, bench/teethTexture.ts;
      // before: the image-left lateral's light step .95, x3 in the onset row, drew it .85 of its central)
      assert.ok(ratio < (look === PLAIN_RELIEF ? 1.07 : 1.1), `${name} ${side < 0 ? 'image-left' : 'image-right'} central over lateral ${ratio.toFixed(3)}`);
    }
  }
});

test('the lower row\'s tips are lower incisors\': no darker V between them than the line over their bodies, a lighter biting edge', () => {
  // (s53 beads53: a speech opening shows the lower row as a band .01-.03 iod tall, all of it within the tips' reach; with the
  // upper row's V's and dark edge each lower tooth was a lit blob outlined in dark: lp_s9 <- lp_d11 f165, mt_man <- pcavs681 f104)
  const s = slab(0.4, 0.12);
  const rowAt = (l: ReadyLayer, yIod: number) => {
    const y = Math.round(yIod * OUT_PER_IOD), v: number[] = [];
    for (let x = Math.round(l.anchorX - 0.15 * OUT_PER_IOD); x <= Math.round(l.anchorX + 0.15 * OUT_PER_IOD); x++) { const o = (y * l.width + x) * 4; v.push(0.3 * l.data[o]! + 0.59 * l.data[o + 1]! + 0.11 * l.data[o + 2]!); }
    return v;
  };
  // (how deep the lines dip under the row's light, across the front teeth)
  const dip = (v: number[]) => 1 - Math.min(...v) / Math.max(...v);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const looks = { plain: PLAIN_RELIEF, lower: LOWER_RELIEF };
  const got = Object.fromEntries(Object.entries(looks).map(([k, look]) => {
    const out = withToothRelief(s, OUT_PER_IOD, -1, 0.4, 0.5, undefined, look);
    return [k, { tip: dip(rowAt(out, 0.008)), body: dip(rowAt(out, 0.07)), edge: mean(rowAt(out, 0.002)) / mean(rowAt(out, 0.07)) }];
  }));
  const { plain, lower } = got as Record<'plain' | 'lower', { tip: number; body: number; edge: number }>;
  assert.ok(plain.tip > 1.5 * plain.body, `the upper row's look opens V's at the tips: tip ${plain.tip.toFixed(3)} body ${plain.body.toFixed(3)}`);
  console.log(`plain tip ${plain.tip.toFixed(3)} body ${plain.body.toFixed(3)} edge ${plain.edge.toFixed(3)}; lower tip ${lower.tip.toFixed(3)} body ${lower.body.toFixed(3)} edge ${lower.edge.toFixed(3)}`);
  // (the tips' rounded corners still show a little of what lies behind between two tips)
  assert.ok(lower.tip < 1.25 * lower.body, `the lower row's lines hardly deeper at the tips: tip ${lower.tip.toFixed(3)} body ${lower.body.toFixed(3)}`);
  assert.ok(lower.edge > plain.edge + 0.05, `the biting edge lighter: plain ${plain.edge.toFixed(3)}, lower ${lower.edge.toFixed(3)}`);
  assert.ok(lower.body > 0.02, `the separations kept over the body (${lower.body.toFixed(3)})`);
});
