// The white a glance uncovers carries the photo's white's shade (s48 glance48, critic47: lp_s10 + eng.wav "a flat white
// patch beside the iris", mt_man's pale block): glanceWhite.ts's row tone is the opening's whiter half across the whole
// row; each fill texel is now darkened to the photo's own white round it (across, and in depth under the lid). On the
// photos, at gaze x -1 / +1, the texels the iris left come nearer the mean of the photo's whole white (all the opening's
// texels past 1.1 rings, its shaded corners and lid band included) than the flat tone did, summed over the eyes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { glanceShadeSetting, SHADE_FLOOR, shadeFactor, type SeenTexel } from '../src/render/glanceWhite.ts';
import { irisOverWhite } from '../src/render/gazeIris.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';

test('glance shade: the rules', () => {
  const flat: SeenTexel[] = Array.from({ length: 40 }, (_, k) => ({ x: k % 10, d: Math.floor(k / 10), l: 200 }));
  assert.equal(shadeFactor(flat, 5, 2, 4, 200), 1);
  // never lighter than the tone
  assert.equal(shadeFactor(flat, 5, 2, 4, 150), 1);
  // a shaded side (x >= 5 at 120): darker there than on the lit side, and darker right under the lid where the photo is
  const sided = flat.map((p) => ({ ...p, l: p.x >= 5 ? 120 : 200 }));
  assert.ok(shadeFactor(sided, 8, 2, 2, 200) < shadeFactor(sided, 1, 2, 2, 200) - 0.2);
  const lid = flat.map((p) => ({ ...p, l: p.d < 1 ? 120 : 200 }));
  assert.ok(shadeFactor(lid, 5, 0, 2, 200) < shadeFactor(lid, 5, 3, 2, 200) - 0.2);
  // a white, never as dark as an iris
  assert.equal(shadeFactor(flat.map((p) => ({ ...p, l: 10 })), 5, 2, 4, 200), SHADE_FLOOR);
  // no seen white near: as the tone
  assert.equal(shadeFactor([], 5, 2, 4, 200), 1);
});

test('glance shade: the uncovered white nearer the photo\'s whole white (lp_s10, mt_man)', async () => {
  const { gazeIrisOf } = await import('./gazeIrisOf.ts');
  const { luminance } = await import('../src/math/colour.ts');
  const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
  const mean = (ls: number[]) => ls.reduce((a, b) => a + b, 0) / Math.max(1, ls.length);
  const gap = [0, 0], lines: string[] = [];
  for (const photo of ['lp_s10.jpg', 'mt_man.png']) {
    glanceShadeSetting.on = false;
    const flat = await gazeIrisOf(photo).finally(() => { glanceShadeSetting.on = true; });
    const { avatar, tex, gaze, step } = await gazeIrisOf(photo);
    gaze.discs.forEach((d, e) => {
      const ring = (d.radius - 1.5) / 1.3;
      const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
      const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
      const own: number[] = [];
      for (let y = Math.floor(Math.min(...ys)); y <= Math.max(...ys); y++) for (let x = Math.floor(Math.min(...xs)); x <= Math.max(...xs); x++) {
        if (insidePolygon(x + 0.5, y + 0.5, poly) && Math.hypot(x + 0.5 - d.cx, y + 0.5 - d.cy) > 1.1 * ring) own.push(lum(tex.data32[y * tex.width + x]!));
      }
      const W = mean(own);
      for (const g of [-1, 1]) {
        gaze.set(g * step, 0);
        const [sx, sy] = gaze.shiftOf(e);
        const on: number[] = [], was: number[] = [];
        for (let y = Math.floor(d.cy - ring); y <= d.cy + ring; y++) for (let x = Math.floor(d.cx - ring); x <= d.cx + ring; x++) {
          const u = x + 0.5, v = y + 0.5;
          if (Math.hypot(u - d.cx, v - d.cy) > ring || Math.hypot(u - d.cx - sx, v - d.cy - sy) < 1.3 * ring || !insidePolygon(u, v, poly)) continue;
          on.push(lum(irisOverWhite(tex, d, u, v, sx, sy))); was.push(lum(irisOverWhite(tex, flat.gaze.discs[e]!, u, v, sx, sy)));
        }
        lines.push(`${photo} eye ${e} gaze ${g}: n ${on.length} photo's white ${W.toFixed(0)}, uncovered ${mean(was).toFixed(0)} -> ${mean(on).toFixed(0)}`);
        if (on.length < 6) continue;
        gap[0] += Math.abs(mean(was) - W); gap[1] += Math.abs(mean(on) - W);
      }
    });
  }
  console.log(lines.join('\n'));
  assert.ok(gap[1] < 0.85 * gap[0], `uncovered white off the photo's whole white: ${gap[0].toFixed(0)} flat, ${gap[1].toFixed(0)} shaded`);
});
