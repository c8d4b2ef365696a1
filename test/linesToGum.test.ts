// s46 teethlook46 (critic45 worst #5: lp_s12's grin "a bright band", teeth "whiter and more even than every driver's"):
// the rounded upper row's lines between teeth carried up the crown to the gum (linesToGum.ts). Measured against real
// rows (bench/teethSkin.ts, 10 speakers): the dips between teeth along the row's upper half read .062-.143 of its light
// (lp_d0 .081); lp_s12's grin read .044 on main e9e6ea3d: its crown above the tips' band was a smooth band.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { LINES_UP_BAND, linesToGum, upperRowDips, withLinesToGum } from '../src/render/mouth/linesToGum.ts';
import { rowStructure } from '../bench/rowStructureFigures.ts';
import { sharedData } from '../bench/sharedData.ts';

const PER_IOD = 100;
/** A synthetic upper row 60 px wide, 30 tall (tips at the bottom), light 200, with dark lines every 10 px only within `linedUp` px of the tips. */
function row(linedUp: number): ReadyLayer {
  const W = 60, H = 30, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, v = x % 10 === 0 && H - 1 - y < linedUp ? 140 : 200;
    data[o] = v; data[o + 1] = v; data[o + 2] = 0.9 * v; data[o + 3] = 1;
  }
  return { width: W, height: H, anchorX: 30, anchorY: 0, data };
}
const lumAt = (l: ReadyLayer, x: number, y: number) => l.data[(y * l.width + x) * 4]!;

test('the body band\'s lines carried up to the gum: nothing lightened, alpha kept; an unlined row unchanged; off keeps the row', () => {
  const before = row(Math.round(LINES_UP_BAND[1] * PER_IOD) + 1), after = linesToGum(before, PER_IOD);
  // a line's column high over the tips (y 2: 27 px over them, past the band's 8) now dark, its neighbours not
  assert.ok(lumAt(before, 30, 2) === 200 && lumAt(after, 30, 2) < 160, `line carried up: ${lumAt(after, 30, 2)}`);
  assert.ok(Math.abs(lumAt(after, 35, 2) - 200) < 15, `between lines kept: ${lumAt(after, 35, 2)}`);
  for (let q = 0; q < after.data.length; q++) assert.ok(after.data[q]! <= before.data[q]! + 1e-3, 'nothing lighter, alpha kept');
  const flat = row(0), still = linesToGum(flat, PER_IOD);
  assert.deepEqual(Array.from(still.data), Array.from(flat.data));
  const rows = { upper: before };
  assert.equal(withLinesToGum(rows, PER_IOD, false).upper, before);
});

test('lp_s12 (its grin a smooth band over lined tips): the crown lined to the gum in its layer, and its rendered grin within real rows\' dips', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits'), 'lp_s12.jpg')));
  const S = 512 / avatar.size, perIod = avatar.head.iod * S;
  let pre: ReadyLayer | null = null;
  const m = readyMouth(avatar, perIod, (stage, u) => { if (stage === 'look') pre = u; });
  assert.ok(pre);
  // (the layer's own scale: readyMouth's teeth per iod; upperRowDips reads |x| < .2 of it, so the output's per-iod serves)
  const high: [number, number] = [0.09, 0.13];
  const preHigh = upperRowDips(pre, perIod, high), postHigh = upperRowDips(m.upper, perIod, high), body = upperRowDips(m.upper, perIod, [0.03, 0.08]);
  assert.ok(postHigh > preHigh + 0.03 && postHigh > 0.5 * body, `crown over the body band: dips ${preHigh.toFixed(3)} -> ${postHigh.toFixed(3)} (body ${body.toFixed(3)})`);
  // rendered at lp_d0's grin (lp_s12 <- lp_d0 f36: jaw .29, smile .83/.66, upper lip up .73)
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame(), f = { ...n, w: { ...n.w, jawOpen: 0.29, mouthSmileLeft: 0.83, mouthSmileRight: 0.66, mouthUpperUp: 0.73, mouthLowerDown: 0.18 } };
  const lm = (r.landmarks(f) as number[][]).map((q) => [q[0]!, q[1]!] as [number, number]);
  const rs = rowStructure({ ...r.render(f) }, lm);
  assert.ok(rs);
  // (main e9e6ea3d: .044 at the critic's f36, a smooth band; real rows .062-.143, lp_d0 .081, Katie .143)
  assert.ok(rs.gapDepth > 0.062, `rendered grin's dips ${rs.gapDepth.toFixed(3)}: a smooth band`);
  assert.ok(rs.gapDepth < 0.143, `rendered grin's dips ${rs.gapDepth.toFixed(3)}: deeper than any real row's`);
});
