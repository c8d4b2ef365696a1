// Session 18 (critic17, issue #13): a small opening showed a cold blue-grey line where a real mouth
// shows the lit edge of its upper teeth or a dark slit. The upper row faded in by transparency at
// about half its light (closed mouth's light, the lip's shade) over the dark cavity; now it comes in
// from the lip down at its own light (interior.ts upperShown) and the lip's shade waits for the
// row's body (frameLight.ts lipShade). Figures: bench/partingFigures.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { upperShown } from '../src/render/mouth/interior.ts';
import { partingFigures } from '../bench/partingFigures.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('a small parting (lp_s1, motion jawOpen 0.08) shows a lit upper teeth edge, not a dim grey line', async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s1.jpg'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const f = { ...n, w: { ...n.w, jawOpen: 0.08 } };
  const s = partingFigures(r.render(f).data, 512, r.landmarks(f))!;
  console.log(`lp_s1 jawOpen 0.08: top ${s.top.toFixed(2)} grey ${s.grey.toFixed(2)} blue ${s.blue.toFixed(2)}`);
  // the parting's brightest tenth over the skin's luma (before session 18: 0.73, the teeth under
  // the skin's light; now 1.07; a real speaker's teeth edge: Obama 1 f14/f22 about 2)
  assert.ok(s.top > 0.95, `top ${s.top.toFixed(2)}`);
});

test('the upper row comes in from the lip down, whole where it shows', () => {
  const unit = 100;
  assert.equal(upperShown(0, unit, 0, 0), 0, 'a shut slit shows no teeth');
  // a third faded in: its first pixels under the lip are the teeth at full cover, not a third of them
  assert.equal(upperShown(0.5, unit, 0.33, 0), 1);
  assert.equal(upperShown(0.06 * unit, unit, 0.33, 0), 0);
  // the body of the row comes in below the edge band as the opening widens
  assert.equal(upperShown(0.08 * unit, unit, 1, 0), 0);
  assert.equal(upperShown(0.08 * unit, unit, 1, 1), 1);
});
