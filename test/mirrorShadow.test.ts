// The mirror does not copy a partner in shadow onto a lit far side (avatar/mirror.ts, session 20):
// lp_s10 is lit from the left, so the near cheek (the far edge's mirror partners) lies in shadow,
// lum 70-100 against the far edge's ~210; the relighting gain stops at 1.6, so a mirror share of
// 0.85-0.97 drew a dark band 6-8 px wide along the far cheek at +25. The mirror still fills most of
// that edge (its stretched own texels streak worse: test/mirror.test.ts), only less of the shadow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { luminanceRatio, GAIN_LIMIT, DARK_PARTNER } from '../src/avatar/mirror.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

test('luminanceRatio: lit over shaded skin is past what the gain relights', () => {
  const lit = [230, 205, 190], shade = [85, 70, 60];
  assert.ok(luminanceRatio(lit, shade) > DARK_PARTNER[0], `${luminanceRatio(lit, shade)}`);
  assert.equal(luminanceRatio(lit, lit), 1);
  assert.ok(GAIN_LIMIT[1] < DARK_PARTNER[0]);
});

test('lp_s10: the lit far edge takes little of its shaded partners', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s10.jpg')));
  // the far cheek's edge ring from cheekbone to jaw (their partners: the near cheek in shadow); before 0.84-0.99, mean 0.92
  const ring = [147, 177, 213, 192, 215, 138];
    const mean = ring.reduce((s, v) => s + avatar.mirrorReach[v]!, 0) / ring.length;
  assert.ok(mean < 0.85, `mean reach ${mean.toFixed(2)} (before 0.92)`);
});
