// The eye texture slid for gaze (avatar/eyeTexture.ts): what an iris moved sideways uncovers
// carries on the white that row shows at that end of the eye, not one flat pale colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendEyes } from '../src/avatar/eyeTexture.ts';
import { EYE_L_UPPER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { oneEyeLandmarks, withIrises } from './oneEye.ts';
import { sharedData } from '../bench/sharedData.ts';

test('gaze: the eye white outside the opening keeps each row\'s shade (shadowed under the lid, pink at the inner corner)', () => {
  const size = 64;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  // an eye opening 20..44 x 24..40: white shaded darker toward the top (the lid's shadow), pinker
  // at the left end (the inner corner), a dark iris in the middle
  const poly: [number, number][] = [[20, 32], [26, 25], [38, 25], [44, 32], [38, 39], [26, 39]];
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const o = (y * size + x) * 4;
    const shade = 150 + 4 * (y - 25);
    const pink = x < 26 ? 16 : 0;
    const iris = Math.hypot(x - 32, y - 32) < 5;
    data[o] = iris ? 60 : shade; data[o + 1] = iris ? 40 : shade - pink; data[o + 2] = iris ? 30 : shade - pink; data[o + 3] = 255;
  }
  const texture = { width: size, height: size, data };
  const out = extendEyes(texture, [poly], 40).data;
  const px = (x: number, y: number) => [0, 1, 2].map((c) => out[(y * size + x) * 4 + c]!);
  // inside: the photo unchanged
  for (const [x, y] of [[32, 32], [30, 30], [36, 35]]) assert.deepEqual(px(x, y), [0, 1, 2].map((c) => data[(y * size + x) * 4 + c]!));
  // just past the right end: an upper row darker than a lower row, as in the opening
  const upper = px(44, 29), lower = px(44, 35);
  assert.ok(lower[0]! - upper[0]! > 12, `right end: row 29 ${upper} vs row 35 ${lower}`);
  // just past the left end (inner corner): pinker (red over green) than past the right end
  const left = px(18, 32), right = px(46, 32);
  assert.ok(left[0]! - left[1]! > right[0]! - right[1]! + 10, `left ${left} vs right ${right}`);
});

test('gaze: the iris moves, the lid margin inside the opening stays (lp_s42, gaze -0.47)', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { EYE_L_LOOP, EYE_R_LOOP } = await import('../src/rig/topology.ts');
  const { insidePolygon } = await import('../src/math/polygon.ts');
  const { fileURLToPath } = await import('node:url');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const { width, height } = portrait.image;
  const r = createRenderer(buildAvatar(portrait), { width, height });
  const n = r.neutralFrame();
  const rest = r.render(n).data.slice(), looking = r.render({ ...n, gaze: [-0.47, n.gaze[1]] }).data.slice();
  const lm = portrait.cropLandmarks;
  const diff = (keep: (x: number, y: number) => boolean) => {
    let s = 0, k = 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      if (!keep(x + 0.5, y + 0.5)) continue;
      const o = (y * width + x) * 4;
      s += Math.abs(rest[o]! - looking[o]!) + Math.abs(rest[o + 1]! - looking[o + 1]!) + Math.abs(rest[o + 2]! - looking[o + 2]!);
      k++;
    }
    return s / (3 * Math.max(1, k));
  };
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const polys = [EYE_L_LOOP, EYE_R_LOOP].map((loop) => loop.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]));
  const centres = polys.map((p) => [p.reduce((a, q) => a + q[0], 0) / p.length, p.reduce((a, q) => a + q[1], 0) / p.length]);
  // the margin: inside the opening, within 0.02 iod of its outline (shrunk toward the centre)
  const shrunk = (f: number) => polys.map((p, e) => p.map(([x, y]) => [centres[e]![0]! + f * (x - centres[e]![0]!), centres[e]![1]! + f * (y - centres[e]![1]!)] as [number, number]));
  const inner = shrunk(0.85);
  const margin = diff((x, y) => polys.some((p, e) => insidePolygon(x, y, p) && !insidePolygon(x, y, inner[e]!)));
  const iris = diff((x, y) => [468, 473].some((i) => Math.hypot(x - lm[i]![0]!, y - lm[i]![1]!) < 0.08 * iod));
  assert.ok(iris > 12, `the iris moves (mean change ${iris.toFixed(1)})`);
  // measured: before (the whole texture slid) margin 34.8 against iris 36.4; now 17.1 against 27.9
  assert.ok(margin < 0.7 * iris, `the margin stays (mean change ${margin.toFixed(1)} against the iris's ${iris.toFixed(1)})`);
});

test('audio mode: looking down, the upper lid follows the iris (no white above it); looking up, nothing', async () => {
  const { lidFollowingGaze, LID_FOLLOW } = await import('../src/motion/generators.ts');
  assert.equal(lidFollowingGaze(0), 0);
  assert.equal(lidFollowingGaze(-0.4), 0);
  assert.ok(Math.abs(lidFollowingGaze(0.3) - 0.3 * LID_FOLLOW) < 1e-12);
  assert.ok(lidFollowingGaze(0.3) >= 0.1, 'a look-away down (0.2-0.45) drops the lid visibly');
  assert.ok(lidFollowingGaze(1) <= 0.5, 'never more than half shut');
});

test('wide eyes: a raised lid uncovers white under its moved shadow and the iris\'s hidden top; at rest the photo', async () => {
  const { WideEyes } = await import('../src/render/wideEyes.ts');
  const { CONTROL_INDEX, CONTROL_COUNT } = await import('../src/rig/controls.ts');
  const size = 96;
  // one eye (the image-right one) 30..66 x 40..56: a dark margin (rows 40-43) under the lid, white
  // below it, a dark blue iris of radius 7 centred at (48, 49) whose top the lid hides
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const o = (y * size + x) * 4;
    const iris = Math.hypot(x + 0.5 - 48, y + 0.5 - 49) < 7;
    const c = y < 44 ? [70, 60, 60] : iris ? [40, 60, 120] : [220, 215, 210];
    data.set([c[0]!, c[1]!, c[2]!, 255], o);
  }
  // the irises: this eye's, and the other eye's far away (its rows stay as they are)
  const xy = withIrises(oneEyeLandmarks());
  // the lid rises 10 px per unit of eyeWide (the rig's field in the texture)
  const wide = new WideEyes({ width: size, height: size, data }, (i) => xy.get(i) ?? [0, 0], (k, i) => (k === CONTROL_INDEX.eyeWideLeft && EYE_L_UPPER.includes(i) ? 10 : 0));
  const px = (x: number, y: number) => [0, 1, 2].map((c) => wide.data[(y * size + x) * 4 + c]!);
  const lum = (c: number[]) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  wide.update(rest, rest);
  assert.deepEqual(px(36, 42), [70, 60, 60], 'at rest the photo unchanged');
  assert.equal(wide.raisedShare(0, 36.5, 35.5), 0, 'at rest the gaze shader draws as before');
  w[CONTROL_INDEX.eyeWideLeft] = 1;
  wide.update(w, rest);
  // a column of white (x 36): the lid line now at 30; its shadow (the photo's margin darkness) just under it, white below
  for (let y = 34; y <= 41; y++) assert.ok(lum(px(36, y)) > 180, `white uncovered at row ${y}: ${px(36, y)}`);
  assert.ok(lum(px(36, 30)) < 120, `the lid's shadow moved up with the lid: ${px(36, 30)}`);
  assert.ok(wide.raisedShare(0, 36.5, 35.5) === 1, 'the gaze shader shows the drawn band');
  // a column through the iris (x 48): the iris's hidden top continues as iris (blue), the white above it
  const top = px(48, 43), above = px(48, 37);
  assert.ok(top[2]! > top[0]! + 30 && lum(top) < 100, `the iris continues above the old lid line: ${top}`);
  assert.ok(lum(above) > 180, `white above the iris's top: ${above}`);
  // the other eye is untouched
  for (let y = 86; y < 94; y++) assert.deepEqual(px(5, y), [0, 1, 2].map((c) => data[(y * size + 5) * 4 + c]!));
  wide.update(rest, rest);
  assert.deepEqual(px(36, 42), [70, 60, 60], 'back at rest, the photo again');
  assert.deepEqual(px(36, 35), [70, 60, 60]);
});

test('wide eyes: the avatar renders eyeWide higher than fits read it; other controls as built', async () => {
  const { buildBasis, renderBasis, WIDE_LIFT, WIDE_LIFT_RENDERED } = await import('../src/rig/basis.ts');
  const { meanFace } = await import('../src/rig/canonical.ts');
  const { CONTROL_INDEX } = await import('../src/rig/controls.ts');
  const { LANDMARK_COUNT } = await import('../src/rig/topology.ts');
  const fit = buildBasis(meanFace()), drawn = renderBasis(meanFace());
  const field = (b: Float32Array, k: number, i: number) => b[(k * LANDMARK_COUNT + i) * 3 + 1]!;
  const k = CONTROL_INDEX.eyeWideLeft;
  // the crease row by the gain exactly; the upper lid's points onto a smooth arch (wide36, smoothRaisedLid.ts) that
  // keeps the apex's raise (386 within 3 % of the gain's)
  assert.ok(Math.abs(field(drawn, k, 257) - (WIDE_LIFT_RENDERED / WIDE_LIFT) * field(fit, k, 257)) < 1e-6);
  assert.ok(Math.abs(field(drawn, k, 386) / ((WIDE_LIFT_RENDERED / WIDE_LIFT) * field(fit, k, 386)) - 1) < 0.03);
  assert.ok(field(drawn, k, 386) < field(fit, k, 386) * 1.4, 'the upper lid rises further (y up is negative)');
  const blink = CONTROL_INDEX.eyeBlinkLeft, o = blink * LANDMARK_COUNT * 3;
  assert.deepEqual(drawn.subarray(o, o + LANDMARK_COUNT * 3), fit.subarray(o, o + LANDMARK_COUNT * 3));
});

test('gaze: under the lids, away from the corners, each column carries on its own lid margin (no white right above the opening)', async () => {
  const { continueLidMargins } = await import('../src/avatar/eyeTexture.ts');
  // a 9 x 9 patch: an opening on rows 2..6, columns 1..7 (row 4 only at the corner columns 1 and 7);
  // inside dark margin rows (60) over white (220); outside already filled with white (230)
  const w = 9, h = 9;
  const inside = new Uint8Array(w * h), col = new Float32Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const corner = x === 1 || x === 7;
    const isIn = x >= 1 && x <= 7 && (corner ? y === 4 : y >= 2 && y <= 6);
    inside[y * w + x] = isIn ? 1 : 0;
    const v = !isIn ? 230 : y === 2 || y === 6 ? 60 : 220;
    for (let ch = 0; ch < 3; ch++) col[(y * w + x) * 4 + ch] = v;
    col[(y * w + x) * 4 + 3] = 255;
  }
  continueLidMargins(col, inside, w, h, 1);
  const at = (x: number, y: number) => col[(y * w + x) * 4]!;
  assert.equal(at(4, 1), 60, 'just above the middle: the margin carried on');
  assert.equal(at(4, 7), 60, 'just below the middle: the margin carried on');
  assert.equal(at(4, 0), 230, 'beyond twice the reach: the fill as it was');
  assert.equal(at(1, 3), 230, 'above a corner column: the row fill stays');
  assert.equal(at(4, 4), 220, 'inside: unchanged');
});

test('gaze: the iris moves as a rigid disc over a filled white; the opening\'s far edge keeps the photo\'s pixels', async () => {
  const { GazeIris, sampleTexture } = await import('../src/render/gazeIris.ts');
  const { ALMOND_EYES: eyes, almondEyeUv, EYE_TEXTURE_SIZE: size } = await import('./almondEyes.ts');
  // two almond eyes 36 px wide, 14 px tall (landmark texture positions); iris radius 5 at each middle,
  // its colour a ramp across it (so a squashed or stretched iris would read back different values)
  const uv = almondEyeUv();
  const data32 = new Uint32Array(size * size);
  const irisLeft = (x: number, y: number) => eyes.map(([, , x0]) => x0 + 18).find((cx) => Math.hypot(x + 0.5 - cx, y + 0.5 - 100) < 5)! - 5;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const left = irisLeft(x, y);
    const v = Number.isNaN(left) ? 220 : 40 + Math.round(5 * (x + 0.5 - left));
    data32[y * size + x] = (v | (v << 8) | (v << 16) | (255 << 24)) >>> 0;
  }
  const tex = { width: size, height: size, data32 };
  const gaze = new GazeIris(uv, tex);
  gaze.set(0, 0);
  assert.deepEqual(gaze.shaders, [null, null], 'at rest the eyes are textured as they are');
  gaze.set(4, 0);
  eyes.forEach(([, , x0], e) => {
    const shade = gaze.shaders[e]!;
    const cx = x0 + 18, cy = 100;
    // the centre moved by the shift eased into the reach (0.7 of the half width: 12.6 px, so about 3.9 px)
    let worst = 0, n = 0;
    for (let y = cy - 4; y <= cy + 4; y++) for (let x = cx; x <= cx + 8; x++) {
      const u = x + 0.5, v = y + 0.5;
      // inside the moved iris (away from its edge): the iris's own pixel, shifted whole
      if (Math.hypot(u - cx - 3.9, v - cy) > 3.5) continue;
      const got = shade(0, 0, u, v) & 255, want = sampleTexture(tex, u - 3.9, v) & 255;
      worst = Math.max(worst, Math.abs(got - want)); n++;
    }
    assert.ok(n > 20 && worst <= 2, `eye ${e}: the iris moves rigidly (${n} px, worst difference ${worst})`);
    // where the iris's trailing edge was: white again (the fill), not a stretched iris
    const trailing = shade(0, 0, cx - 4, cy + 0.5) & 255;
    assert.ok(trailing > 190, `eye ${e}: the white behind the moved iris (${trailing})`);
    // the far corner: the photo's own pixel
    const corner = shade(0, 0, x0 + 1.5, cy + 0.5) & 255;
    assert.equal(corner, 220, `eye ${e}: the corner stays`);
  });
});

test('wide eyes on a photo (lp_s42, eyeWide 1): what the raised lid uncovers is white, no band under the lid, the iris round above its old top', async () => {
  const { analyzePortrait } = await import('./analyzedPortrait.ts');
  const { buildAvatar } = await import('./builtAvatar.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { raiseCapSetting } = await import('../src/render/raiseCap.ts');
  const { fileURLToPath } = await import('node:url');
  const portrait = await analyzePortrait(sharedData('portraits/lp_s42.jpg'));
  const { width, height } = portrait.image;
  const r = createRenderer(buildAvatar(portrait), { width, height });
  const n = r.neutralFrame();
  const frame = { ...n, w: { ...n.w, eyeWideLeft: 1, eyeWideRight: 1 } };
  // the whole lift (raiseCap.ts limits lp_s42's to about half since s39): what is drawn under a tall raise
  raiseCapSetting.on = false;
  const rest = r.render(n).data.slice(), img = r.render(frame).data.slice(), raised = r.landmarks(frame);
  raiseCapSetting.on = true;
  const lm = portrait.cropLandmarks;
  const lumOf = (im: Uint8ClampedArray, x: number, y: number) => { const o = (Math.round(y) * width + Math.round(x)) * 4; return 0.3 * im[o]! + 0.59 * im[o + 1]! + 0.11 * im[o + 2]!; };
  const lum = (x: number, y: number) => lumOf(img, x, y);
  for (const [upper, iris] of [[EYE_L_UPPER, 468], [EYE_R_UPPER, 473]] as const) {
    // the eye whose iris this is (468 may sit in either opening): the one whose corners span it
    const xs = upper.map((i) => lm[i]![0]!);
    const [cx, cy] = [lm[iris]![0]!, lm[iris]![1]!];
    const own = cx > Math.min(...xs) && cx < Math.max(...xs) ? iris : iris === 468 ? 473 : 468;
    const [ix, iy] = [lm[own]![0]!, lm[own]![1]!];
    const ir = Math.hypot(lm[own + 1]![0]! - ix, lm[own + 1]![1]! - iy);
    // a column between the iris and the outer third: from 2 px under the raised lid down to the photo's lid line, no dark band
    const q = 2, col = upper[q]!;
    const x = lm[col]![0]!;
    // the photo's white in that column: its lightest pixel in the opening at rest
    let white = 0;
    for (let y = lm[col]![1]!; y < lm[col]![1]! + 2 * ir; y++) white = Math.max(white, lumOf(rest, x, y));
    const from = raised[col]![1] + 3, to = lm[col]![1]!;
    assert.ok(to - from >= 2, `the lid rose (${(to - from).toFixed(1)} px)`);
    // (the lid's own shadow darkens the first rows a little; a band of lash line or of nothing behind the eye is far darker)
    let sum = 0, k = 0;
    for (let y = from; y < to; y++, k++) {
      sum += lum(x, y);
      assert.ok(lum(x, y) > 0.4 * white, `no band under the raised lid at (${x.toFixed(0)}, ${y.toFixed(0)}): ${lum(x, y).toFixed(0)} against ${white.toFixed(0)}`);
    }
    assert.ok(sum / k > 0.6 * white, `white under the raised lid: ${(sum / k).toFixed(0)} against ${white.toFixed(0)}`);
    // the iris's top, hidden by the photo's lid, is iris now
    assert.ok(lum(ix, iy - 0.8 * ir) < 0.6 * white, `the iris continues above its old top: ${lum(ix, iy - 0.8 * ir).toFixed(0)}`);
  }
});

test('wide eyes: the raised lid\'s shadow is as deep as the photo\'s (a thin lash line stays thin; wide27)', async () => {
  const { WideEyes, shadeAt } = await import('../src/render/wideEyes.ts');
  const { CONTROL_INDEX, CONTROL_COUNT } = await import('../src/rig/controls.ts');
  const size = 96;
  // one eye 30..66 x 40..57: the photo's lash line is one dark row (40), the white under it a little shaded (to row 47)
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const c = y < 41 ? [60, 50, 50] : y < 48 ? [196, 192, 188] : [220, 215, 210];
    data.set([c[0]!, c[1]!, c[2]!, 255], (y * size + x) * 4);
  }
  const xy = oneEyeLandmarks();
  const wide = new WideEyes({ width: size, height: size, data }, (i) => xy.get(i) ?? [0, 0], (k, i) => (k === CONTROL_INDEX.eyeWideLeft && EYE_L_UPPER.includes(i) ? 10 : 0));
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  w[CONTROL_INDEX.eyeWideLeft] = 1;
  wide.update(w, rest);
  const lum = (x: number, y: number) => { const o = (y * size + x) * 4; return 0.3 * wide.data[o]! + 0.59 * wide.data[o + 1]! + 0.11 * wide.data[o + 2]!; };
  // the lid line now at 30: 2 px under it the photo shows its shaded white (~196), not the lash's darkness held over 7 px (was ~120)
  for (const x of [36, 40, 56]) assert.ok(lum(x, 32) > 160, `white 2 px under the raised lid at x ${x}: ${lum(x, 32).toFixed(0)}`);
  assert.ok(Math.abs(shadeAt([0.4, 0.8, 1], 0.5) - 0.6) < 1e-9, 'linear between whole px');
  assert.equal(shadeAt([0.4, 0.8, 1], -3), 0.4);
  assert.equal(shadeAt([0.4, 0.8, 1], 9), 1);
});
