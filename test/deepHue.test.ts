// hue38 (s38): the open dark goes to the drivers' red-purple in Lab from ochre lips, keeps its luma, grey lips stay grey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEEP_HUE, deepChromaSetting, deepHueInto, deepHueOf, deepHueOver, rgbOfLab } from '../src/render/mouth/deepHue.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';

const luma = (c: ArrayLike<number>) => 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
const hueOf = (c: ArrayLike<number>) => { const [, a, b] = labOf(c[0]!, c[1]!, c[2]!); return (Math.atan2(b, a) * 180) / Math.PI; };

test('rgbOfLab inverts labOf', () => {
  for (const c of [[200, 120, 90], [40, 20, 30], [128, 128, 128]] as [number, number, number][]) {
    const back = rgbOfLab(...labOf(...c));
    for (let ch = 0; ch < 3; ch++) assert.ok(Math.abs(back[ch]! - c[ch]!) < 0.5, `${c} -> ${back}`);
  }
});

test('a brown dark under ochre lips (lp_s5, h57) turns red-purple at its own luma', () => {
  const lip = [196, 130, 92], tint = [0, 0, 0];
  assert.ok(Math.abs(hueOf(lip) - 57) < 6, `lips h ${hueOf(lip)}`);
  assert.ok(deepHueInto(lip, tint));
  const px = new Float64Array([70, 42, 26]), l0 = luma(px), h0 = hueOf(px);
  deepHueOver(px, tint, luma(lip), 1);
  assert.ok(Math.abs(luma(px) - l0) < 1.5, 'luma kept');
  // brown (h > 45) -> toward the drivers' 9-20, short of DEEP_HUE as DEEP_PULL keeps some of the photo's cast
  assert.ok(h0 > 45 && hueOf(px) < 35 && hueOf(px) > DEEP_HUE - 5, `hue ${h0} -> ${hueOf(px)}`);
  assert.ok(px[2]! / px[1]! > 0.9, `b/g ${px[2]! / px[1]!}`);
});

test('the lit tongue and pink lips are left alone; grey lips give a grey dark', () => {
  const lip = [196, 130, 92], tint = [0, 0, 0];
  deepHueInto(lip, tint);
  const lit = new Float64Array([180, 120, 100]);
  deepHueOver(lit, tint, luma(lip), 1);
  assert.deepEqual(Array.from(lit), [180, 120, 100]);
  assert.ok(Math.abs(deepHueOf(21) - 16) < 1, 'the drivers\' own pink lips hardly move');
  const grey = [140, 140, 140], gt = [0, 0, 0];
  deepHueInto(grey, gt);
  const px = new Float64Array([50, 40, 35]);
  deepHueOver(px, gt, 140, 1);
  assert.ok(Math.max(...px) - Math.min(...px) < 3, `grey ${Array.from(px)}`);
});

test('smallhole57: a dark pixel under pink lips takes a dark red, not a dimmed pink (Lab chroma a good share of the lips\')', () => {
  const chroma = (c: ArrayLike<number>) => { const [, a, b] = labOf(c[0]!, c[1]!, c[2]!); return Math.hypot(a, b); };
  const lip = [200, 130, 120], lipC = chroma(lip);
  const dark = (on: boolean) => {
    deepChromaSetting.on = on;
    const tint = [0, 0, 0];
    deepHueInto(lip, tint);
    const px = new Float64Array([45, 42, 44]);
    deepHueOver(px, tint, luma(lip), 1 / 0.9);
    return px;
  };
  const before = dark(false), after = dark(true);
  deepChromaSetting.on = true;
  // (mt_man <- pcavs741 f97: the driver's dark .8-.9 of its lips' chroma, ours .42-.47 before)
  assert.ok(chroma(before) < 0.45 * lipC, `before ${chroma(before)} of ${lipC}`);
  assert.ok(chroma(after) > 0.6 * lipC, `after ${chroma(after)} of ${lipC}`);
  assert.ok(Math.abs(luma(after) - luma(before)) < 1.5, 'luma kept');
  assert.ok(Math.abs(hueOf(after) - hueOf(before)) < 8, `hue ${hueOf(before)} -> ${hueOf(after)}`);
});
