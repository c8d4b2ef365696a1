// s55 (hexagon55): a wide opening's inner lip lines moved onto arcs (src/render/mouth/archLines.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARCH_GAP, ARCH_TAPER, ARCH_TIP, arcMoves, archLinesSetting, archLipLines, archShapeSetting, archShare, cornerPinch, lineShape } from '../src/render/mouth/archLines.ts';
import { LANDMARK_COUNT, LIP_COLUMNS_LOWER, LIP_COLUMNS_UPPER } from '../src/rig/topology.ts';

/** The largest turn (degrees) at a polyline's inner vertices. */
function maxTurn(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 1; k + 1 < xs.length; k++) {
    const a = Math.atan2(ys[k]! - ys[k - 1]!, xs[k]! - xs[k - 1]!), b = Math.atan2(ys[k + 1]! - ys[k]!, xs[k + 1]! - xs[k]!);
    let t = Math.abs(b - a) * 180 / Math.PI; if (t > 180) t = 360 - t;
    worst = Math.max(worst, t);
  }
  return worst;
}

// christie f6's lower line as the rig left it (chord positions, heights over the chord in half widths):
// three nearly collinear segments from the corner, then the turn into the bottom
const S = [-1, -0.76, -0.58, -0.4, -0.17, 0.12, 0.4, 0.62, 0.8, 0.9, 1];
const G = [0, 0.36, 0.56, 0.74, 0.89, 0.99, 0.91, 0.77, 0.56, 0.36, 0];

test('arcMoves: the straight runs move onto H (1 - r^2)^taper; the corners and the highest point stay; a flat line is left', () => {
  const out = new Float64Array(S.length);
  arcMoves(S, G, 0.05, out);
  assert.equal(out[0], 0); assert.equal(out[S.length - 1], 0); assert.equal(out[5], 0);
  const moved = G.map((g, k) => g + out[k]!);
  // every point on the arc: the point next to the corner at r = .88 / 1.12 of the way in stands (1 - r^2)^taper high,
  // pinched by its way from the corner (.24 half widths, s56)
  const r = (0.12 + 0.76) / 1.12;
  assert.ok(Math.abs(moved[1]! - 0.99 * (1 - r * r) ** ARCH_TAPER * cornerPinch(0.24, ARCH_TIP)) < 1e-9);
  // s55's arc (no corner pinch): the polygon's vertex turns even out, the worst one smaller (the pinch turns the
  // lines at the first columns instead, out of the point: the s56 test below)
  const arc = new Float64Array(S.length);
  arcMoves(S, G, 0.05, arc, 0);
  const onArc = G.map((g, k) => g + arc[k]!);
  assert.ok(maxTurn(S, onArc) < 0.8 * maxTurn(S, G), `turn ${maxTurn(S, G).toFixed(1)} -> ${maxTurn(S, onArc).toFixed(1)}`);
  arcMoves(S, G.map((g) => 0.02 * g), 0.05, out);
  assert.ok(out.every((v) => v === 0));
});

test('archShare: nothing under ARCH_GAP (small openings and shut lips keep the rig lines), all past it; not in an O or a grin; off by the setting', () => {
  assert.equal(archShare(ARCH_GAP[0] - 0.01), 0);
  assert.equal(archShare(0), 0);
  assert.equal(archShare(ARCH_GAP[1] + 0.05), 1);
  assert.equal(archShare(0.4, 0.5), 0);
  assert.equal(archShare(0.4, 0, 0.8), 0);
  archLinesSetting.on = false;
  try { assert.equal(archShare(0.4), 0); } finally { archLinesSetting.on = true; }
});

test('archLipLines: the inner rows move onto arcs with the middle rows by 2/3 and 1/3; the corners and the outer contour stay; share 0 moves nothing', () => {
  const sx = new Float32Array(LANDMARK_COUNT), sy = new Float32Array(LANDMARK_COUNT);
  // a level mouth 100 px wide (corners 78 at x 0, 308 at x 100, y 0); each lip's rows at the columns' x, stacked away from the opening
  sx[78] = 0; sx[308] = 100;
  const place = (rows: readonly (readonly number[])[], sign: number) => rows.forEach((row, ri) => row.forEach((i, q) => {
    const s = S[q + 1]!; sx[i] = 50 + 50 * s; sy[i] = sign * (50 * G[q + 1]! + 6 * ri);
  }));
  place(LIP_COLUMNS_UPPER, -0.5); place(LIP_COLUMNS_LOWER, 1);
  const x0 = sx.slice(), y0 = sy.slice();
  // (s55's arc to the corner: the lower line's first point drops onto it; s56's pinch lifts it, the next test)
  archLinesSetting.tip = 0;
  try { archLipLines(sx, sy, 100, 0);
  assert.deepEqual(Array.from(sy), Array.from(y0));
  archLipLines(sx, sy, 100, 1);
  const dy = (i: number) => sy[i]! - y0[i]!;
  const inner = LIP_COLUMNS_LOWER[0][0], mid1 = LIP_COLUMNS_LOWER[1][0], mid2 = LIP_COLUMNS_LOWER[2][0], outer = LIP_COLUMNS_LOWER[3][0];
  assert.ok(dy(inner) > 1, `the lower line's first point drops toward its arc: ${dy(inner)}`);
  assert.ok(Math.abs(dy(mid1) - (2 / 3) * dy(inner)) < 1e-3 && Math.abs(dy(mid2) - (1 / 3) * dy(inner)) < 1e-3);
  assert.equal(dy(outer), 0);
  assert.equal(sy[78], y0[78]); assert.equal(sy[308], y0[308]);
  // the moves are along the chord's normal: a level chord's points keep their x
  assert.equal(sx[inner], x0[inner]);
  // no move past MOVE_CAP (.06 IOD, 6 px here)
  for (let i = 0; i < LANDMARK_COUNT; i++) assert.ok(Math.abs(dy(i)) <= 6 + 1e-4);
  } finally { archLinesSetting.tip = ARCH_TIP; }
});

/** The angle (degrees) at the corner between the upper and lower lines' first segments (s, g: half widths over the chord). */
const cornerAngle = (su: number, gu: number, sl: number, gl: number) => (Math.atan2(gu, su + 1) + Math.atan2(gl, sl + 1)) * 180 / Math.PI;

test('s56 cornerPinch: the corner a tight point (hexcorner56): the first points pinched toward the chord, the line past ARCH_TIP as s55 left it', () => {
  assert.equal(cornerPinch(0, ARCH_TIP), 0);
  assert.equal(cornerPinch(ARCH_TIP, ARCH_TIP), 1);
  assert.equal(cornerPinch(0.1, 0), 1);
  assert.ok(cornerPinch(0.2, ARCH_TIP) < cornerPinch(0.4, ARCH_TIP));
  // christie f6's upper line (as the rig left it) with the lower line above
  const SU = [-1, -0.87, -0.75, -0.62, -0.41, -0.17, 0.09, 0.38, 0.58, 0.78, 1];
  const GU = [0, 0.16, 0.26, 0.34, 0.45, 0.51, 0.54, 0.49, 0.41, 0.27, 0];
  const lines = (tip: number) => [[SU, GU], [S, G]].map(([s, g]) => { const o = new Float64Array(s!.length); arcMoves(s!, g!, 0.05, o, tip); return g!.map((v, k) => v + o[k]!); });
  const [u0, l0] = lines(0), [u1, l1] = lines(ARCH_TIP);
  const before = cornerAngle(SU[1]!, u0![1]!, S[1]!, l0![1]!), after = cornerAngle(SU[1]!, u1![1]!, S[1]!, l1![1]!);
  assert.ok(before > 100 && after < 0.8 * before, `corner ${before.toFixed(0)} -> ${after.toFixed(0)} degrees`);
  // the lines leave the corner at a shallower slope than their next segment (curving out of the point, not one straight chord)
  for (const [s, g] of [[SU, u1], [S, l1]] as const) assert.ok(g![1]! / (s[1]! + 1) < (g![2]! - g![1]!) / (s[2]! - s[1]!));
  // past the tip, the same points as s55's arc
  for (const [s, a, b] of [[SU, u0, u1], [S, l0, l1]] as const) s.forEach((v, k) => { if (Math.min(v + 1, 1 - v) >= ARCH_TIP) assert.ok(Math.abs(a![k]! - b![k]!) < 1e-12); });
});

test('s57 archShapeSetting (boat57): the lower line leaves its corner fast into a bowl, not a pinched tip then a straight side; off is s56', () => {
  const lower = (on: boolean) => {
    archShapeSetting.on = on;
    try {
      const { taper, tip } = lineShape(1), o = new Float64Array(S.length);
      arcMoves(S, G, 0.05, o, tip, taper);
      return G.map((g, k) => g + o[k]!);
    } finally { archShapeSetting.on = true; }
  };
  const s56 = new Float64Array(S.length);
  arcMoves(S, G, 0.05, s56, ARCH_TIP, ARCH_TAPER);
  assert.deepEqual(lower(false), G.map((g, k) => g + s56[k]!));
  const before = lower(false), after = lower(true), H = G[5]!;
  // the depth .15 half widths in from each corner (the line straight from the corner to its first column there):
  // the real lp_d6 / Katie / christie edges stand .42-.51 of their depth there, s56's line .2
  const at15 = (g: number[]) => 0.5 * (g[1]! * 0.15 / (S[1]! + 1) + g[9]! * 0.15 / (1 - S[9]!)) / H;
  assert.ok(at15(before) < 0.25 && at15(after) > 0.35, `.15 in: ${at15(before).toFixed(2)} -> ${at15(after).toFixed(2)}`);
  // a bowl's side: the middle of each side (the third point in) over the straight line corner -> deepest point
  const side = (g: number[]) => g[3]! / (H * (S[3]! + 1) / (S[5]! + 1));
  assert.ok(side(after) > side(before), `side ${side(before).toFixed(2)} -> ${side(after).toFixed(2)}`);
  // still a point (the corner's own height 0, the first segment no steeper than the next few together), no kink
  assert.ok(after[1]! / (S[1]! + 1) < 1.6 * (after[3]! / (S[3]! + 1)));
  assert.ok(maxTurn(S, after) <= maxTurn(S, before) + 1, `turn ${maxTurn(S, before).toFixed(1)} -> ${maxTurn(S, after).toFixed(1)}`);
  // the upper line's own shape comes from its own fields
  assert.deepEqual(lineShape(-1), { taper: archShapeSetting.upperTaper, tip: archShapeSetting.upperTip });
});
