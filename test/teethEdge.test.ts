// Session 28 (issue #13, contour28): the upper row's lower edge. teeth27 took the row's tips to 0.35 of
// their light over the lower lip (a thin grey contour, lp_s9 f154, lp_s1 f162) and teethShow27 cut the row
// short over the library's near-black cavity (lp_s5 <- lp_d10 f130: a black crescent, 0.24 of the lower
// lip's luma where the driver's dark band under its teeth is 0.51 of it, red-brown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { litCavityInto, litCavityShare, tipsToneInto } from '../src/render/mouth/teethEdge.ts';
import { DRIVER_TEETH } from '../src/rig/mouthBase.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { MotionFrame } from '../src/types.ts';
import { dipOverLip } from './underTeethDip.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test("the cavity is lifted only where a driver's opening is lit and the motion carries its teeth share", () => {
  const lip = [150, 80, 75];
  const lift = (share: number | undefined, dark: number | undefined, show = 1) => litCavityInto([10, 6, 6], lip, litCavityShare(share, dark, show));
  assert.deepEqual(lift(undefined, 0), [10, 6, 6]);
  assert.deepEqual(lift(0.2, undefined), [10, 6, 6]);
  assert.deepEqual(lift(0.2, 1), [10, 6, 6]);
  // a full row (uncut) and a slit without teeth keep the dark
  assert.deepEqual(lift(0.5, 0), [10, 6, 6]);
  assert.deepEqual(lift(0.2, 0, 0), [10, 6, 6]);
  const lit = lift(0.2, 0);
  assert.ok(lit[0] > 100 && lit[0] > lit[1] && lit[1] > 6, `lifted ${lit.map((v) => v.toFixed(0))}`);
  // never darker than the library's own cavity
  assert.deepEqual(litCavityInto([250, 250, 250], lip, litCavityShare(0.2, 0, 1)), [250, 250, 250]);
  // the tips' tone is the lining's hue
  const t = tipsToneInto([80, 40, 38], [0, 0, 0]);
  assert.ok(t[0] > t[1] && t[0] > 80, `tone ${t}`);
});

test("lp_s5 at a soft smile under a lit driver's few teeth: the dark under the cut row is a red-brown, not black; a dark driver's as before", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s5.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const at = (dark: number): MotionFrame => ({ ...n, mouthDark: dark, w: { ...n.w, jawOpen: 0.15, mouthSmileLeft: 0.7, mouthSmileRight: 0.7, [DRIVER_TEETH]: 0.23 } });
  const lit = at(0), dark = at(1);
  const lm = r.landmarks(lit) as number[][];
  const a = dipOverLip(r.render(lit).data.slice(), lm), b = dipOverLip(r.render(dark).data.slice(), lm);
  console.log(`lp_s5 soft smile, share .23: darkest under the teeth over the lower lip, lit driver ${a.toFixed(3)}, dark driver ${b.toFixed(3)}`);
  // (main 64cd961: the same near-black band for both, ~.2; the driver's own .47-.51)
  assert.ok(a > 0.35 && a > b + 0.1, `dip ${a.toFixed(3)} (dark driver ${b.toFixed(3)})`);
});
