// The glancing iris in the photo's own tone (s47 iristone47, critic46 worst #4: lp_s10 <- lp_d14b f24-30 "round now but
// ink-black, no colour, no ring, no catchlight"). On lp_s10 (the named painting) at gaze x -1 / +1, texture space with
// the renderer's own shader: the ring round the moved pupil (0.6 of the round disc's radius out to the photo's iris
// reach) is iris, not the white the round disc carried or left there (the share of its texels as light as the white
// behind them falls), and the catchlight the photo shows stays on the moved iris but nearer the photo's light (the
// lightest texel of the moved iris's inner disc about as light, closer to the photo's catchlight); a small look draws as before. The rules of the profile, limbus and catchlight shift are checked on numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catchShift, CATCH_ON, fillBands, medianColour, profileAt, profileLimbus } from '../src/render/irisTone.ts';
import { irisOverWhite } from '../src/render/gazeIris.ts';
import type { IrisDisc } from '../src/render/irisDisc.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { luminance } from '../src/math/colour.ts';

const rgb = (r: number, g: number, b: number) => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;

test('iris tone: profile, limbus and catchlight rules', () => {
  assert.equal(medianColour([rgb(10, 20, 30), rgb(50, 60, 70), rgb(30, 40, 200)]), rgb(30, 40, 70));
  assert.equal(medianColour([]), 0);
  // empty bands take the nearest band's colour, inner first on a tie
  assert.deepEqual([...fillBands(Uint32Array.from([0, 5, 0, 0, 9, 0]))], [5, 5, 5, 9, 9, 9]);
  // the profile between band middles
  const p = Uint32Array.from([rgb(0, 0, 0), rgb(100, 100, 100)]);
  assert.equal(profileAt(p, 1), rgb(50, 50, 50));
  assert.equal(profileAt(p, 0), rgb(0, 0, 0));
  // the limbus: the first band LIMBUS_AT (.75) of the way from the inner dark to the white, kept in [r, maxR]
  assert.equal(profileLimbus([10, 10, 20, 60, 100, 180, 200], 200, 2, 9), 5);
  assert.equal(profileLimbus([10, 10, 20, 60, 100, 180, 200], 200, 6, 9), 6);
  assert.equal(profileLimbus([10, 10, 20, 60, 100, 120, 130, 140], 200, 2, 6), 6);
  assert.equal(profileLimbus([10, 10, 200], 200, 4, 4), 4);
  // the catchlight moves half the shift, its centroid kept within CATCH_ON of the radius
  assert.deepEqual(catchShift({ catchX: 0, catchY: 0, r: 10 }, 4, 0), [2, 0]);
  const [dx] = catchShift({ catchX: -2, catchY: 0, r: 10 }, -20, 0);
  assert.ok(Math.abs(-2 + dx - (-20 + CATCH_ON * 10)) < 1e-9, `kept on the iris, on the photo's side: ${dx}`);
});

test('iris tone: lp_s10\'s glancing iris keeps its ring and catchlight; small looks unchanged', async () => {
  const { gazeIrisOf } = await import('./gazeIrisOf.ts');
  const { avatar, tex, gaze, step } = await gazeIrisOf('lp_s10.jpg');
  const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
  const lines: string[] = [];
  let whiteOn = 0, whiteOff = 0, catchUp = 0, catches = 0;
  gaze.discs.forEach((d, e) => {
    const tone = d.tone;
    assert.ok(tone, `lp_s10 eye ${e}: a tone`);
    const off: IrisDisc = { ...d, tone: null };
    const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
    const read = (g: number) => {
      gaze.set(g * step, 0);
      const [sx, sy] = gaze.shiftOf(e), mx = tone.cx + sx, my = tone.cy + sy;
      const at = (disc: IrisDisc, x: number, y: number) => irisOverWhite(tex, disc, x + 0.5, y + 0.5, sx, sy);
      let changed = 0, n = 0, wOn = 0, wOff = 0, inOn = 0, inOff = 0, pOn = [0, 0], pOff = [0, 0];
      for (let y = Math.floor(my - tone.reach - 2); y <= my + tone.reach + 2; y++) for (let x = Math.floor(mx - tone.reach - 2); x <= mx + tone.reach + 2; x++) {
        const a = at(d, x, y), b = at(off, x, y);
        if (a !== b) changed++;
        if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
        const r = Math.hypot(x + 0.5 - mx, y + 0.5 - my);
        const i = Math.floor(x) - d.x0, j = Math.floor(y) - d.y0;
        const w = i >= 0 && j >= 0 && i < d.size && j < d.size ? lum(d.white[j * d.size + i]!) : 255;
        if (r >= 0.6 * tone.r && r <= tone.reach) { n++; if (lum(a) >= 0.85 * w) wOn++; if (lum(b) >= 0.85 * w) wOff++; }
        if (r <= 0.8 * tone.r) {
          if (lum(a) > inOn) { inOn = lum(a); pOn = [x + 0.5, y + 0.5]; }
          if (lum(b) > inOff) { inOff = lum(b); pOff = [x + 0.5, y + 0.5]; }
        }
      }
      // how far the lightest texel on the moved iris lies from the photo's catchlight
      const spot = [tone.cx + tone.catchX, tone.cy + tone.catchY];
      return { changed, n, wOn, wOff, inOn, inOff, dOn: Math.hypot(pOn[0]! - spot[0]!, pOn[1]! - spot[1]!), dOff: Math.hypot(pOff[0]! - spot[0]!, pOff[1]! - spot[1]!) };
    };
    const small = (0.25 * Math.min(...(d.open ?? d.reach.slice(0, 2)))) / step;
    assert.equal(read(small).changed, 0, `lp_s10 eye ${e}: a small look draws as before`);
    assert.equal(read(-small).changed, 0, `lp_s10 eye ${e}: a small look draws as before`);
    for (const g of [-1, 1]) {
      const r = read(g);
      lines.push(`lp_s10 eye ${e} gaze ${g}: ring texels white ${r.wOff}/${r.n} -> ${r.wOn}/${r.n}, iris's lightest ${r.inOff.toFixed(0)} -> ${r.inOn.toFixed(0)} at ${r.dOff.toFixed(1)} -> ${r.dOn.toFixed(1)} px from the photo's catchlight (${tone.catchSum.toFixed(1)} texels)`);
      whiteOn += r.wOn; whiteOff += r.wOff;
      // a catchlight the photo shows, at a glance past the iris's radius toward the nose (the named case; elsewhere the
      // lightest texel near the moved iris is often the white beside it): still on the moved iris, about as light, nearer the photo's light
      if (tone.catchSum > 1 && e === 0 && g < 0) { catches++; if (r.inOn >= 0.9 * r.inOff && r.dOn < r.dOff - 2) catchUp++; }
    }
  });
  gaze.set(0, 0);
  console.log(lines.join('\n'));
  assert.ok(whiteOn < 0.6 * whiteOff, `white in the moved iris's ring: ${whiteOff} without the tone, ${whiteOn} with`);
  assert.ok(catches > 0 && catchUp === catches, `the catchlight on the moved iris, nearer the photo's light, in ${catchUp} of ${catches} glances`);
});
