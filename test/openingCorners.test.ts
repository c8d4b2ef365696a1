// A wide opening is a smooth curve whose corners close in the lips' lining (s42, mouthshape42; critic41: lp_s7 <-
// lp_d10 f57 / f91, "a hard hexagon / trapezoid"). The lip lines were the mesh's 11-point polylines, box-smoothed
// over .035 IOD with a one-sided window at the corners, and the cavity's dark ran into each corner's tip.
// Measured on a rendered frame: the drawn lines as the shader left them, the dark on the image.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { outlineTurn } from '../src/eval/outlineTurn.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const DATA = sharedData('portraits/');
const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

for (const photo of ['lp_s7.jpg', 'lp_s5.jpg']) {
  test(`a wide speech opening on ${photo} is drawn as a curve and closes its corners in lining`, async () => {
    const portrait = await analyzePortrait(`${DATA}${photo}`);
    const size = portrait.image.width;
    let shader: MouthShader | null = null;
    const set = MouthShader.prototype.setLips;
    MouthShader.prototype.setLips = function (this: MouthShader, ...a: Parameters<MouthShader['setLips']>) { shader = this; return set.apply(this, a); };
    try {
      const r = createRenderer(buildAvatar(portrait), { width: size, height: size });
      const base = r.neutralFrame();
      const frame: MotionFrame = { ...base, w: { ...base.w, jawOpen: 0.45, mouthLowerDown: 0.3 } };
      const img = r.render(frame);
      const lm = r.landmarks(frame);
      const s = shader! as MouthShader, unit = s.place.unit;
      // the drawn edge: the rounded line, inside the raw polygon
      const lx: number[] = [], ly: number[] = [];
      for (let x = 0; x < s.upperY.length; x++) {
        const t = Math.max(s.upperY[x]!, s.upperRaw[x]!), b = Math.min(s.lowerY[x]!, s.lowerRaw[x]!);
        if (t === t && b === b) { lx.push(x + 0.5); ly.push(Math.max(t, b)); }
      }
      // the lower line about its middle (landmark 14, where the lower lip's drop peaks: a V), +-.08 IOD, its middle
      // .1 IOD measured, against the mesh polygon's own turn at 14
      const x14 = lm[14]![0], near = (x: number) => Math.abs(x - x14) <= 0.08 * unit;
      const mx = lx.filter(near), my = ly.filter((_, k) => near(lx[k]!));
      const drawn = outlineTurn(mx, my, unit);
      const dir = (a: number, b: number) => Math.atan2(lm[b]![1] - lm[a]![1], lm[b]![0] - lm[a]![0]);
      const mesh = (Math.abs(dir(14, 317) - dir(87, 14)) * 180) / Math.PI;
      // the opening's outer pixels (past .6 of its half width) mostly not the cavity's dark: the lips' lining
      const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
      const mask = polygonMask(poly, img.width, img.height);
      const cx = 0.5 * (lm[78]![0] + lm[308]![0]), half = 0.5 * Math.abs(lm[308]![0] - lm[78]![0]);
      const lipLuma = luma(img.data, (Math.round(lm[0]![1]) * img.width + Math.round(lm[0]![0])) * 4);
      let outer = 0, dark = 0, middle = 0, middleDark = 0;
      for (let q = 0; q < mask.length; q++) {
        if (!mask[q]) continue;
        const isDark = luma(img.data, q * 4) < 0.3 * lipLuma, lateral = Math.abs((q % img.width) + 0.5 - cx) / half;
        if (lateral > 0.6) { outer++; if (isDark) dark++; } else if (lateral < 0.3) { middle++; if (isDark) middleDark++; }
      }
      const msg = `${photo}: outer dark ${dark}/${outer}, middle dark ${middleDark}/${middle}`;
      assert.ok(drawn <= 0.6 * mesh, `${photo}: the drawn lower line turns ${drawn.toFixed(0)} degrees over .03 IOD about its middle, the mesh polygon ${mesh.toFixed(0)} at landmark 14`);
      assert.ok(middleDark / middle >= 0.2, `the opening is open (a dark middle): ${msg}`);
      // (s41: the corners' dark share 2.13 (lp_s7) and 1.84 (lp_s5) times the middle's; 1.70 and 1.47 with the corners closing)
      assert.ok(dark / outer <= 1.8 * (middleDark / middle), `the corners close in lining, not all in the cavity's dark: ${msg}`);
    } finally {
      MouthShader.prototype.setLips = set;
    }
  });
}
