// The eye texture slid for gaze (avatar/eyeTexture.ts): what an iris moved sideways uncovers
// carries on the white that row shows at that end of the eye, not one flat pale colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendEyes } from '../src/avatar/eyeTexture.ts';

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
  const { analyzePortrait } = await import('../src/analyze/index.ts');
  const { buildAvatar } = await import('../src/avatar/build.ts');
  const { createRenderer } = await import('../src/render/renderer.ts');
  const { EYE_L_LOOP, EYE_R_LOOP } = await import('../src/rig/topology.ts');
  const { insidePolygon } = await import('../src/math/polygon.ts');
  const { fileURLToPath } = await import('node:url');
  const portrait = await analyzePortrait(fileURLToPath(new URL('../../shared/data/portraits/lp_s42.jpg', import.meta.url)));
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

test('wide eyes: the lid\'s shadow on the eye moves up with the lid; the white and the iris\'s circle fill what it uncovers', async () => {
  const { WideEyes } = await import('../src/render/wideEyes.ts');
  const { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER } = await import('../src/rig/topology.ts');
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
  const xy = new Map<number, [number, number]>();
  const n = EYE_L_UPPER.length;
  EYE_L_UPPER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? 48 : 40]));
  EYE_L_LOWER.forEach((i, q) => xy.set(i, [30 + (36 * q) / (n - 1), q === 0 || q === n - 1 ? 48 : 57]));
  // the other eye and its iris far away (its rows stay as they are)
  EYE_R_UPPER.forEach((i, q) => xy.set(i, [2 + q, 90]));
  EYE_R_LOWER.forEach((i, q) => xy.set(i, [2 + q, 92]));
  xy.set(473, [48, 49]); [474, 475, 476, 477].forEach((i, k) => xy.set(i, [48 + [7, 0, -7, 0][k]!, 49 + [0, 7, 0, -7][k]!]));
  xy.set(468, [5, 91]); [469, 470, 471, 472].forEach((i, k) => xy.set(i, [5 + [1, 0, -1, 0][k]!, 91 + [0, 1, 0, -1][k]!]));
  const wide = new WideEyes({ width: size, height: size, data }, (i) => xy.get(i) ?? [0, 0]);
  const px = (x: number, y: number) => [0, 1, 2].map((c) => wide.data[(y * size + x) * 4 + c]!);
  const lum = (c: number[]) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
  const rest = new Float32Array(CONTROL_COUNT), w = new Float32Array(CONTROL_COUNT);
  wide.update(rest, rest);
  assert.deepEqual(px(36, 42), [70, 60, 60], 'at rest the photo unchanged');
  w[CONTROL_INDEX.eyeWideLeft] = 1;
  wide.update(w, rest);
  // a column of white (x 36): the margin moved up, white below it where the margin was
  assert.ok(lum(px(36, 44)) > 180 && lum(px(36, 42)) > 180, `white uncovered under the raised margin: ${px(36, 42)}`);
  let dark = 0;
  for (let y = 33; y < 40; y++) if (lum(px(36, y)) < 90) dark++;
  assert.ok(dark >= 2, `the margin is carried up with the lid (${dark} dark rows above the old top)`);
  // a column through the iris (x 48): the iris's hidden top, not the margin stretched
  const top = px(48, 43);
  assert.ok(top[2]! > top[0]! + 30, `the iris continues above the old lid line: ${top}`);
  wide.update(rest, rest);
  assert.deepEqual(px(36, 42), [70, 60, 60], 'back at rest, the photo again');
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

test('gaze: the eyeball\'s texture moves at its centre while the opening\'s edge keeps the photo\'s own pixels (lid margin and corners pinned)', async () => {
  const { MeshBuilder, addEyeballs } = await import('../src/avatar/mesh.ts');
  const { eyeballSlide, slideEyeballs, easeInto } = await import('../src/render/eyes.ts');
  const { EYE_L_UPPER, EYE_L_LOWER, EYE_R_UPPER, EYE_R_LOWER, LANDMARK_COUNT } = await import('../src/rig/topology.ts');
  // two almond eyes 36 px wide, 12 px tall at the middle (landmark positions = texture positions)
  const flat = new Float64Array(LANDMARK_COUNT * 3);
  const eyes = [[EYE_L_UPPER, EYE_L_LOWER, 130], [EYE_R_UPPER, EYE_R_LOWER, 50]] as const;
  for (const [upper, lower, x0] of eyes) {
    const n = upper.length;
    upper.forEach((i, q) => { flat[i * 3] = x0 + (36 * q) / (n - 1); flat[i * 3 + 1] = 100 - 6 * Math.sin((Math.PI * q) / (n - 1)); });
    lower.forEach((i, q) => { flat[i * 3] = x0 + (36 * q) / (n - 1); flat[i * 3 + 1] = 100 + 6 * Math.sin((Math.PI * q) / (n - 1)); });
  }
  const mesh = new MeshBuilder();
  for (let i = 0; i < LANDMARK_COUNT; i++) mesh.addVertex(flat[i * 3]!, flat[i * 3 + 1]!, 0, flat[i * 3]!, flat[i * 3 + 1]!, 1, [i], [1]);
  const [start, end] = addEyeballs(mesh, flat, 120);
  const uv = Float32Array.from(mesh.uvs), now = Float32Array.from(uv);
  const slide = eyeballSlide(uv, start, end);
  assert.ok(Math.abs(slide.reach[0]![0] - 0.7 * 18) < 1e-3 && Math.abs(slide.reach[0]![1] - 0.5 * 6) < 1e-3, `reach ${slide.reach[0]}`);
  const [sx, sy] = [6, 2];
  slideEyeballs(uv, now, start, end, sx, sy, slide);
  const perEye = (end - start) / 2;
  eyes.forEach(([upper, lower], e) => {
    const c = start + e * perEye;
    const ex = easeInto(sx, slide.reach[e]![0]), ey = easeInto(sy, slide.reach[e]![1]);
    assert.ok(ex < sx && ex > 0.8 * sx, `the centre's shift eased (${ex.toFixed(2)} of ${sx})`);
    assert.ok(Math.abs(now[c * 2]! - (uv[c * 2]! - ex)) < 1e-4, 'the centre moves by the eased shift');
    [...upper, ...lower.slice(1, -1).reverse()].forEach((lm, q) => {
      const v = c + 1 + q;
      // where the spoke (centre -> ring vertex, in the frame's positions = the rest texture) reaches the lid landmark
      const px = uv[v * 2]! - uv[c * 2]!, py = uv[v * 2 + 1]! - uv[c * 2 + 1]!;
      const r = ((flat[lm * 3]! - uv[c * 2]!) * px + (flat[lm * 3 + 1]! - uv[c * 2 + 1]!) * py) / (px * px + py * py);
      const sampleX = (1 - r) * now[c * 2]! + r * now[v * 2]!, sampleY = (1 - r) * now[c * 2 + 1]! + r * now[v * 2 + 1]!;
      const atX = (1 - r) * uv[c * 2]! + r * uv[v * 2]!, atY = (1 - r) * uv[c * 2 + 1]! + r * uv[v * 2 + 1]!;
      assert.ok(Math.hypot(sampleX - atX, sampleY - atY) < 1e-3, `eye ${e} landmark ${lm}: the edge samples its own pixel (off by ${Math.hypot(sampleX - atX, sampleY - atY).toFixed(3)})`);
    });
  });
});
