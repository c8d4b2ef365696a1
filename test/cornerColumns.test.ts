// s55 (cut55): the lips' corner columns stretched by a wide opening sample the lip one column in (render/mouth/cornerColumns.ts;
// critic54 worst #4: lp_s42 <- christie f6 "a straight dark diagonal cutting through the lower lip at the image-left corner":
// the photo's pale, lifted commissure stretched over a tall wedge of lower lip, its edge along the next mesh column).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cornerPull, cornerStretch, pullColumnsInto, wedgeShare, cornerColumnsSetting } from '../src/render/mouth/cornerColumns.ts';

test('cornerColumns: no pull at the photo\'s own length, whole past full; the photo length floored; a dark wedge kept', () => {
  assert.equal(cornerPull(cornerStretch(0.043, 0.043)), 0);
  assert.equal(cornerPull(cornerStretch(0.11, 0.043)), 1); // lp_s42 f6's lower-left corner column: 2.6 x
  const mid = cornerPull(2);
  assert.ok(mid > 0 && mid < 1, `${mid}`);
  // a corner column the photo drew .012 IOD long is not stretched 4 x by .05 IOD
  assert.ok(cornerStretch(0.05, 0.012) < 2, `${cornerStretch(0.05, 0.012)}`);
  assert.equal(wedgeShare(37, 102), 0); // lp_s12's beard at his corner
  assert.equal(wedgeShare(98, 123), 1); // lp_s42's grey corner
});

test('pullColumnsInto: the corner column takes the next one\'s texture point, that one half way to the third; the other side and the outer row untouched', () => {
  // one lip: rows of three columns each (vertex ids), uv per vertex on a line x = column index * 10
  const rows = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]];
  const uv = new Float32Array(24);
  for (const r of rows) r.forEach((v, c) => { uv[v * 2] = c * 10; uv[v * 2 + 1] = v; });
  const before = Float32Array.from(uv);
  pullColumnsInto(uv, rows, 0, 1, cornerColumnsSetting.rows);
  for (const r of rows.slice(0, 3)) {
    assert.equal(uv[r[0]! * 2], 10); assert.equal(uv[r[0]! * 2 + 1], r[1]!);
    assert.equal(uv[r[1]! * 2], 15);
    assert.equal(uv[r[2]! * 2], 20);
  }
  for (const v of rows[3]!) assert.equal(uv[v * 2], before[v * 2]);
  const half = Float32Array.from(before);
  pullColumnsInto(half, rows, 1, 0.5, 3);
  assert.equal(half[2 * 2], 15); // the image-right corner column half way to the next (10)
  assert.equal(half[1 * 2], 7.5); // and that one a quarter of the way to the third
  assert.equal(half[0], 0);
});

// Rendered: lp_s42 with christie f6 as the s54 critic's saved motion has it (/work/review/s54/after/lp_s42_christie.motion.json).
const F6 = {"w":{"browDownLeft":0.037,"browDownRight":0.023,"browInnerUp":0.12,"cheekSquintLeft":0.285,"cheekSquintRight":0.027,"driverBack":0.164,"driverCavity":0.486,"driverLowerShow":0.056,"driverMouthWidth":0.506,"driverTeeth":0.047,"driverTongue":0.413,"driverTongueLight":0.976,"eyeBlinkRight":0.132,"eyeSquintLeft":0.215,"eyeSquintRight":0.115,"eyeWideRight":0.006,"jawOpen":0.574,"mouthFrownLeft":0.642,"mouthFrownRight":0.063,"mouthLowerDown":0.918,"mouthRollUpper":0.39,"mouthStretchLeft":0.591,"mouthStretchRight":0.054,"mouthUpperUp":0.12,"noseSneerLeft":0.467,"noseSneerRight":0.277,"restLipGap":0.013,"startCornerLift":0.009},"pose":{"yaw":0.0289,"pitch":1.8463,"roll":1.632,"tx":0.0157,"ty":-0.0138,"tz":0.0555},"gaze":[-0.1673,0.0121] as [number, number],"blink":0.0898,"mouthDark":0.8772,"vergence":-0.0181};
test('lp_s42 with christie f6\'s wide mouth: the lower lip\'s corner wedges as red as the lip, not the pale commissure; the rest frame untouched', async () => {
  const path = await import('node:path');
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { polygonMask } = await import('../src/eval/masks.ts');
  const { sharedData } = await import('../bench/sharedData.ts');
  const avatar = buildAvatar(await analyzePortrait(path.join(sharedData('portraits/'), 'lp_s42.jpg')));
  const redness = (d: ArrayLike<number>, o: number) => (d[o]! - d[o + 1]!) / Math.max(1, d[o]! + d[o + 1]! + d[o + 2]!);
  const read = (on: boolean) => {
    const keep = cornerColumnsSetting.on;
    cornerColumnsSetting.on = on;
    try {
      const r = createRenderer(avatar, { width: 512, height: 512 });
      // (render's image is the renderer's buffer: read before the next render)
      const rest = Uint8ClampedArray.from(r.render(r.neutralFrame()).data), img = r.render(F6), mv = r.meshVertices(F6);
      const P = (k: number): [number, number] => [mv.x[k]!, mv.y[k]!];
      const red = (ids: number[]) => { const m = polygonMask(ids.map(P), 512, 512); let s = 0, n = 0; for (let q = 0; q < m.length; q++) if (m[q]) { s += redness(img.data, q * 4); n++; } return s / n; };
      const body = red([178, 87, 14, 317, 402, 405, 314, 17, 84, 181]);
      return { left: red([78, 95, 88, 89, 90, 91, 146, 61]) / body, right: red([308, 324, 318, 319, 320, 321, 375, 291]) / body, rest };
    } finally { cornerColumnsSetting.on = keep; }
  };
  const off = read(false), on = read(true);
  console.log("WEDGE", off.left, on.left, off.right, on.right);
  // (.64 on s56's arc; .73 with s57's, boat57: the lower line leaves the corner faster and the corner column is
  // stretched less, so less of the pale commissure is drawn; .81 with smallhole57's red small-opening dark (deepHue.ts
  // deepChromaSetting; .73 with it off): the wedge's dark pixels are redder too. The pull still adds .09 left, .13 right)
  assert.ok(off.left < 0.84, `off: the pale wedge ${off.left.toFixed(2)}`);
  assert.ok(on.left > off.left + 0.07 && on.left > 0.75, `left ${off.left.toFixed(2)} -> ${on.left.toFixed(2)}`);
  assert.ok(on.right > off.right + 0.05, `right ${off.right.toFixed(2)} -> ${on.right.toFixed(2)}`);
  assert.deepEqual(Buffer.from(on.rest), Buffer.from(off.rest));
});
