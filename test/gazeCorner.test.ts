// A hard side glance keeps the iris in the opening (gaze42, critic42: lp_s0 <- lp_d14 f68-88, lp_s2 <- lp_d0
// f24-60 read as eyes rolled up / blind): on the real photos, at gaze x +-1 the moved iris's centre keeps its rest
// share of the way down the opening (main: .02-.23 on lp_s0 / lp_s2, at the upper lid) and most of its iris stays in
// the opening (main: .49-.60 of its rest area), while a small look moves as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easeInto, GazeIris, patchAt } from '../src/render/gazeIris.ts';
import { followDrop, lineAt, openReach, type Opening } from '../src/render/gazeCorner.ts';
import { sharedData } from '../bench/sharedData.ts';

const data = (p: string) => sharedData(p);

test('gaze corner: the drop keeps the centre\'s share of the opening, the reach stops where the opening closes', () => {
  // an almond: upper lid from (0,10) up to (10,0) down to (20,10); lower lid (0,10) (10,14) (20,10)
  const o: Opening = { upper: [[0, 10], [10, 0], [20, 10]], lower: [[0, 10], [10, 14], [20, 10]] };
  assert.equal(followDrop(o, 10, 5, 0), 0);
  // at x 15 the opening is 5..12: the centre at 5 (share 5/14 at rest) goes to 5 + 5/14 * 7
  assert.ok(Math.abs(followDrop(o, 10, 5, 5) - (5 + (5 / 14) * 7 - 5)) < 1e-9);
  // the opening is .75 of its rest height 2.5 px from the middle
  assert.ok(Math.abs(openReach(o, 10, 1, 9, 0.75) - 2.5) <= 0.25);
  assert.equal(openReach(o, 10, 1, 1, 0.75), 1);
});

test('gaze corner: lp_s0 and lp_s2 at a hard side glance show the iris at its height in the opening', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { GAZE_SHIFT_X } = await import('../src/render/faceTextures.ts');
  const { insidePolygon } = await import('../src/math/polygon.ts');
  const { EYE_L_LOOP, EYE_R_LOOP } = await import('../src/rig/topology.ts');
  for (const photo of ['lp_s0.jpg', 'lp_s2.jpg']) {
    const avatar = buildAvatar(await analyzePortrait(data(`portraits/${photo}`)));
    const tex = { width: avatar.size, height: avatar.size, data32: new Uint32Array(avatar.eyeTexture.data.buffer) };
    const gaze = new GazeIris(avatar.uv, tex);
    const step = GAZE_SHIFT_X * avatar.head.iod;
    for (const g of [-1, 1]) {
      gaze.set(g * step, 0);
      gaze.discs.forEach((d, e) => {
        const o = d.opening!;
        const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
        const [sx, sy] = gaze.shiftOf(e);
        const share = (x: number, y: number) => (y - lineAt(o.upper, x)) / (lineAt(o.lower, x) - lineAt(o.upper, x));
        const rest = share(d.cx, d.cy), moved = share(d.cx + sx, d.cy + sy);
        assert.ok(Math.abs(moved - rest) < 0.05, `${photo} eye ${e} gaze ${g}: centre at ${moved.toFixed(2)} of the opening, ${rest.toFixed(2)} at rest`);
        let all = 0, shown = 0;
        for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) {
          const m = d.matte[j * d.size + i]!;
          if (m <= 0) continue;
          all += m;
          if (insidePolygon(d.x0 + i + 0.5 + sx, d.y0 + j + 0.5 + sy, poly)) shown += patchAt(d.matte, d.size, i + 0.5, j + 0.5);
        }
        assert.ok(shown / all > 0.62, `${photo} eye ${e} gaze ${g}: ${(shown / all).toFixed(2)} of the iris in the opening`);
        assert.ok(Math.abs(sx) > 0.3 * (d.radius - 1.5) / 1.3 * 2, `${photo} eye ${e} gaze ${g}: the iris still moves (${sx.toFixed(1)} px)`);
      });
    }
    // a small look (gaze .2) moves as before the cap: the eased shift, a drop under a px
    gaze.set(0.2 * step, 0);
    gaze.discs.forEach((d, e) => {
      const [sx, sy] = gaze.shiftOf(e);
      assert.ok(Math.abs(sx - easeInto(0.2 * step, d.reach[1])) < 1e-9, `${photo} eye ${e}: small look ${sx.toFixed(2)}`);
      assert.ok(Math.abs(sy) < 1, `${photo} eye ${e}: small look drop ${sy.toFixed(2)}`);
    });
  }
});
