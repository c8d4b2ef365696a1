// iristear49 (critic48 #1): lp_s7's torn irises in glances. Its painted eye reaches below the face mesh's lower lid:
// the strip between was skin, the photo's, whatever the gaze (a blue crescent left under the moved iris; its bottom cut
// along the mesh's lid line). paintedBand.ts takes a big iris's opening down to the painted lid and draws the strip with
// the eye's gaze shader; the big iris's matte stops at its painted circle (bigIris.ts: the lid line's crease).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHARED_PORTRAITS } from '../bench/sharedData.ts';
import { cachedPortrait } from '../bench/portraitCache.ts';
import { buildAvatar } from './builtAvatar.ts';
import { faceTextures } from '../src/render/faceTextures.ts';
import { dropTo, isLidLine, paintedOpenings, stripShader, stripWeight, bandShareAt } from '../src/render/paintedBand.ts';
import { sampleTexture } from '../src/render/gazeIris.ts';
import { packedView } from '../src/render/textureSample.ts';
import { bigIris, paintedCircle, paintedMatteSetting } from '../src/render/bigIris.ts';
import { EYE_L_LOOP, EYE_L_UPPER, EYE_R_LOOP, EYE_R_UPPER } from '../src/rig/topology.ts';
import { insidePolygon } from '../src/math/polygon.ts';

test('dropTo: down the painted white and iris to just above the red lid line, none where the lid line is met at once', () => {
  // one column: the mesh's lid at y 2; below it iris blue, the light white, the lid's shaded rim and the red lid line (lp_s7's)
  const col: [number, number, number][] = [[200, 200, 200], [200, 200, 200], [200, 200, 200], [54, 94, 122], [170, 158, 143], [193, 148, 117], [138, 49, 26], [200, 150, 110], [200, 150, 110], [200, 150, 110], [200, 150, 110], [200, 150, 110]];
  const data = new Uint8ClampedArray(col.length * 4);
  col.forEach(([r, g, b], y) => data.set([r, g, b, 255], y * 4));
  const tex = { width: 1, height: col.length, data };
  assert.ok(isLidLine(138, 49, 26, 210) && isLidLine(193, 148, 117, 210) && !isLidLine(54, 94, 122, 210) && !isLidLine(170, 158, 143, 210));
  assert.equal(dropTo(tex, 0.5, 2.5, 16, 210), 2);
  // the lid line right under the point: nothing to take
  assert.equal(dropTo(tex, 0.5, 5.5, 16, 210), 0);
  // a lid line past MAX_DROP of the iris: not a painted lid within reach
  assert.equal(dropTo(tex, 0.5, 2.5, 2, 210), 0);
  // a held glance's slight lowering keeps the strip; a half-shut eye's strip is the photo's skin again
  assert.ok(stripWeight(0.14) === 1 && stripWeight(0.5) === 0 && stripWeight(0.3) > 0 && stripWeight(0.3) < 1);
});

test('lp_s7: both eyes get a strip under the mesh\'s lower lid; its painted iris bottom moves with the gaze, not left blue', async () => {
  const av = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, 'lp_s7.jpg')));
  const painted = paintedOpenings(av.uv, av.eyeTexture, av.texture);
  assert.ok(painted && painted.bands.every((b) => b), 'both eyes big, both with a strip');
  const t = faceTextures(av);
  const skin = { width: av.size, height: av.size, data32: packedView(av.texture.data) };
  const blue = (c: number) => ((c >>> 16) & 255) - (c & 255) > 20;
  // a look up and aside (gaze x .39, y .31 as eng.wav's f104: texture px)
  t.gazeWarp.set(0.39 * 0.2 * av.head.iod, -0.31 * 0.08 * av.head.iod);
  for (const [e, band] of painted!.bands.entries()) {
    const shade = stripShader(band!, skin, t.gazeWarp.shaders[e]!);
    let strip = 0, blueBefore = 0, blueAfter = 0;
    for (let j = 0; j < band!.h; j++) for (let i = 0; i < band!.w; i++) {
      if (band!.strip[j * band!.w + i]! < 0.9) continue;
      const u = band!.x0 + i + 0.5, v = band!.y0 + j + 0.5;
      strip++;
      // before: the strip was the photo's skin whatever the gaze
      if (!blue(sampleTexture(skin, u, v))) continue;
      blueBefore++;
      if (bandShareAt(band!, u, v) > 0.9 && blue(shade(0, 0, u, v))) blueAfter++;
    }
    assert.ok(strip >= 20, `eye ${e}: ${strip} strip texels`);
    assert.ok(blueBefore >= 8, `eye ${e}: ${blueBefore} of the strip is the painted iris's bottom`);
    assert.ok(blueAfter <= 0.35 * blueBefore, `eye ${e}: ${blueAfter}/${blueBefore} of the iris's bottom left blue where it was (before: all)`);
  }
});

test('real eyes: no strip, the mesh\'s opening as before', async () => {
  for (const photo of ['lp_s42.jpg', 'lp_s10.jpg', 'st_art_1.png']) {
    const av = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, photo)));
    assert.equal(paintedOpenings(av.uv, av.eyeTexture, av.texture), null, photo);
  }
});

test('lp_s7: nothing of the gaze disc past the painted iris\'s circle moves as iris (the lid line carried into the white as a crease)', async () => {
  const av = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, 'lp_s7.jpg')));
  const outside = (on: boolean) => {
    paintedMatteSetting.on = on;
    try {
      return faceTextures(av).gazeWarp.discs.map((d, e) => {
        const c = paintedCircle(paintedIrisOf(av, e)!);
        let n = 0;
        for (let j = 0; j < d.size; j++) for (let i = 0; i < d.size; i++) {
          if (d.matte[j * d.size + i]! > 0.2 && Math.hypot(d.x0 + i + 0.5 - c.cx, d.y0 + j + 0.5 - c.cy) > c.r) n++;
        }
        return n;
      });
    } finally { paintedMatteSetting.on = true; }
  };
  const before = outside(false), after = outside(true);
  assert.ok(before.some((n) => n >= 5), `off: ${before} matte texels past the painted circle (the lid line's tail)`);
  assert.deepEqual(after, [0, 0]);
});

/** Eye e's big iris as the gaze disc reads it (bigIris.ts on the eye texture at the mesh's centre and ring). */
function paintedIrisOf(av: ReturnType<typeof buildAvatar>, e: number) {
  const loop = e === 0 ? EYE_L_LOOP : EYE_R_LOOP, upper = e === 0 ? EYE_L_UPPER : EYE_R_UPPER;
  const at = (i: number): [number, number] => [av.uv[i * 2]!, av.uv[i * 2 + 1]!];
  const poly = loop.map(at), c = [468, 473].find((i) => insidePolygon(at(i)[0], at(i)[1], poly))!;
  const halfW = Math.abs(at(upper.at(-1)!)[0] - at(upper[0]!)[0]) / 2;
  let ring = 0;
  for (let k = 1; k <= 4; k++) ring += Math.hypot(at(c + k)[0] - at(c)[0], at(c + k)[1] - at(c)[1]) / 4;
  return bigIris(av.eyeTexture, poly, at(c)[0], at(c)[1], Math.min(0.65 * halfW, Math.max(0.3 * halfW, ring)));
}
