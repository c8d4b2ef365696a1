// A faint iris drawn solid at a hard glance (s44 glance44, critic43 worst #2: lp_s0 <- lp_d14 f68-88 "the image-right
// eye milky"): lp_s0's painted iris is a dark band under the lid over a pale disc, and the pale disc went along with
// the iris to the corner. On the real photo, at gaze x +-1 the moved iris's ring holds fewer pale texels with the solid
// fill than without it; an iris the photo shows whole (lp_s42) gets
// no fill; and a small look draws exactly as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { irisOverWhite } from '../src/render/gazeIris.ts';
import { faintGlanceSetting, glanceShare, lightOf, solidStrength, FAINT_GLANCE_FROM, FAINT_GLANCE_TO, LIGHT_HI, LIGHT_LO } from '../src/render/glanceIris.ts';
import type { IrisDisc } from '../src/render/irisDisc.ts';

test('glance iris: the rules', () => {
  assert.equal(lightOf(70, 100), 0);
  assert.equal(lightOf(100, 100), 1);
  assert.ok(lightOf(85, 100) > 0.4 && lightOf(85, 100) < 0.6);
  assert.equal(solidStrength(LIGHT_LO), 0);
  assert.equal(solidStrength(LIGHT_HI), 1);
  assert.equal(glanceShare(0, 7), 0);
  assert.equal(glanceShare(0.2 * 7, 7), 0);
  assert.equal(glanceShare(-7, 7), 1);
  assert.equal(glanceShare(3, 0), 0);
  // a faint iris (s49): its ramp earlier, a half-faint one between
  assert.equal(glanceShare(FAINT_GLANCE_FROM * 7, 7, 1), 0);
  assert.equal(glanceShare(FAINT_GLANCE_TO * 7, 7, 1), 1);
  assert.ok(glanceShare(0.4 * 7, 7, 1) > glanceShare(0.4 * 7, 7, 0.5) && glanceShare(0.4 * 7, 7, 0.5) > glanceShare(0.4 * 7, 7, 0));
});

test('glance iris: lp_s0\'s faint iris fills at a hard glance; lp_s42 and small looks unchanged', async () => {
  const { gazeIrisOf } = await import('./gazeIrisOf.ts');
  const { luminance } = await import('../src/math/colour.ts');
  const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
  for (const photo of ['lp_s0.jpg', 'lp_s42.jpg']) {
    const { tex, gaze, step } = await gazeIrisOf(photo);
    gaze.discs.forEach((d, e) => {
      // without the fill on lp_s0 is also without irisTone.ts (s47), which recolours the moved disc's pale texels too
      const off: IrisDisc = photo === 'lp_s0.jpg' ? { ...d, solid: undefined, tone: null } : { ...d, solid: undefined };
      const ring = (d.radius - 1.5) / 1.3;
      let wsum = 0, wn = 0;
      for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) if (Math.hypot(d.x0 + i + 0.5 - d.cx, d.y0 + j + 0.5 - d.cy) < ring) { wsum += lum(d.white[j * d.size + i]!); wn++; }
      const white = wsum / wn;
      // the ring round the moved centre: pale texels (over .8 of the white behind the rest iris), and any texel changed
      const read = (g: number) => {
        gaze.set(g * step, 0);
        const [sx, sy] = gaze.shiftOf(e);
        let pale = [0, 0], n = 0, changed = 0;
        for (let y = Math.floor(d.cy + sy - ring); y <= d.cy + sy + ring; y++) for (let x = Math.floor(d.cx + sx - ring); x <= d.cx + sx + ring; x++) {
          const u = x + 0.5, v = y + 0.5;
          if (Math.hypot(u - d.cx - sx, v - d.cy - sy) > ring) continue;
          const on = irisOverWhite(tex, d, u, v, sx, sy), was = irisOverWhite(tex, off, u, v, sx, sy);
          n++; if (on !== was) changed++;
          if (lum(on) > 0.8 * white) pale[0]++;
          if (lum(was) > 0.8 * white) pale[1]++;
        }
        return { on: pale[0]! / n, off: pale[1]! / n, changed };
      };
      assert.equal(read(0.04).changed, 0, `${photo} eye ${e}: a small look draws as before`);
      for (const g of [-1, 1]) {
        const r = read(g);
        if (photo === 'lp_s42.jpg') assert.equal(r.changed, 0, `${photo} eye ${e} gaze ${g}: a whole iris gets no fill`);
        else if (e === 1) assert.ok(r.on < r.off - 0.08, `${photo} eye ${e} gaze ${g}: pale ${r.on.toFixed(2)} with the fill, ${r.off.toFixed(2)} without`);
        else assert.ok(r.on <= r.off, `${photo} eye ${e} gaze ${g}: pale ${r.on.toFixed(2)} with the fill, ${r.off.toFixed(2)} without`);
      }
    });
  }
});

// s49 (faintiris49, critic48 "lp_s0's glance is milky"): at an audio glance (gaze .23: .5-.65 of lp_s0's open reach) the
// faint iris's earlier ramp fills the moved ring (fewer pale texels than on the .3-.8 ramp); a dark iris (lp_s42) draws
// exactly as before.
test('glance iris: a faint iris fills at audio glance amplitudes; a dark one unchanged', async () => {
  const { gazeIrisOf } = await import('./gazeIrisOf.ts');
  const { luminance } = await import('../src/math/colour.ts');
  const lum = (c: number) => luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
  for (const photo of ['lp_s0.jpg', 'lp_s42.jpg']) {
    const { tex, gaze, step } = await gazeIrisOf(photo);
    for (const g of [-0.23, 0.23]) {
      gaze.set(g * step, 0);
      gaze.discs.forEach((d, e) => {
        const ring = (d.radius - 1.5) / 1.3;
        let wsum = 0, wn = 0;
        for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) if (Math.hypot(d.x0 + i + 0.5 - d.cx, d.y0 + j + 0.5 - d.cy) < ring) { wsum += lum(d.white[j * d.size + i]!); wn++; }
        const [sx, sy] = gaze.shiftOf(e);
        const pale = [0, 0];
        let n = 0, changed = 0;
        for (let y = Math.floor(d.cy + sy - ring); y <= d.cy + sy + ring; y++) for (let x = Math.floor(d.cx + sx - ring); x <= d.cx + sx + ring; x++) {
          const u = x + 0.5, v = y + 0.5;
          if (Math.hypot(u - d.cx - sx, v - d.cy - sy) > ring) continue;
          faintGlanceSetting.on = true; const on = irisOverWhite(tex, d, u, v, sx, sy);
          faintGlanceSetting.on = false; const was = irisOverWhite(tex, d, u, v, sx, sy);
          faintGlanceSetting.on = true;
          n++; if (on !== was) changed++;
          if (lum(on) > 0.8 * wsum / wn) pale[0]++;
          if (lum(was) > 0.8 * wsum / wn) pale[1]++;
        }
        if (photo === 'lp_s42.jpg') assert.equal(changed, 0, `${photo} eye ${e} gaze ${g}: a dark iris draws as before`);
        else assert.ok(pale[0]! < pale[1]! || (pale[1]! / n < 0.05 && pale[0]! <= pale[1]!), `${photo} eye ${e} gaze ${g}: pale ${pale[0]} with the earlier ramp, ${pale[1]} without (of ${n})`);
      });
    }
  }
});
