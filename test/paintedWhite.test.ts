// shut36 (#14, off): a painted eye larger than the face mesh's ring (lp_s7) has its lower white on the
// skin's triangles, under the mesh's lower lid line; mid-blink the lid's shade reached the eyeball
// only, a darkened band over a bright bottom. paintedWhite.ts gives those skin pixels the eyeball's
// bottom-row light and leaves skin (a warm highlight, a cool shaded skin) alone.
import test from 'node:test';
import assert from 'node:assert/strict';
import { eyeballDepthBounds } from '../src/render/closedEye/eyeballDepth.ts';
import { isPaintedEye, paintedEyeShare, shadePaintedEyeBelow, paintedEyeShadeSetting, blur3, paintedShadeKeep, runLengths, runCoverSetting } from '../src/render/closedEye/paintedWhite.ts';
import { shutEyeShown } from '../src/render/closedEye/overlay.ts';
import { lidShadowStrength } from '../src/render/closedEye/lidShadow.ts';
import { slitCeilingStrength } from '../src/render/closedEye/slitHighlight.ts';
import { eyeFrame } from '../src/render/closedEye/frame.ts';

const pack = (r: number, g: number, b: number) => ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
const red = (p: number) => p & 255;

test('the pass is on by default (s37, blink37: a smooth share, no 1-px stairs)', () => {
  assert.equal(paintedEyeShadeSetting.on, true);
});

test('a white or a blue iris is the eye; warm skin, its highlight and a cool shaded skin are not', () => {
  // skin (170, 110, 85): luma ~123, colourfulness .5, blue - red -85
  const L = 0.3 * 170 + 0.59 * 110 + 0.11 * 85, S = (170 - 85) / 170, B = 85 - 170;
  assert.ok(isPaintedEye(235, 235, 240, L, S, B), 'a white');
  assert.ok(isPaintedEye(70, 130, 200, L, S, B), 'a blue iris');
  assert.ok(!isPaintedEye(170, 110, 85, L, S, B), 'the skin');
  // s37: a white may be as warm as .75 of the skin's colourfulness (the painted white's shaded inner
  // corner); past a corner (paleSat .3, shut36's test) a warm highlight is still skin
  assert.ok(!isPaintedEye(235, 190, 165, L, S, B, 0.3), 'a warm highlight past a corner');
  assert.ok(!isPaintedEye(40, 40, 60, L, S, B), 'a dark lash, blue over red beside warm skin (lp_s1 f43)');
  assert.ok(!isPaintedEye(120, 105, 100, 120, 0.2, -20), 'a grey-brown shaded skin beside skin of its own colour');
});

test('the painted white\'s warm inner corner is the eye (lp_s7 f90: .63 of the skin\'s colourfulness)', () => {
  // the render's skin under lp_s7's eye (skinUnder: median luma, colourfulness, blue - red) and its pixels
  const L = 156, S = 0.474, B = -93;
  assert.ok(isPaintedEye(199, 175, 141, L, S, B), 'the cream white at the corner');
  assert.ok(!isPaintedEye(210, 160, 117, L, S, B), 'the skin under it');
  assert.ok(!isPaintedEye(151, 74, 47, L, S, B), 'the painted red rim');
  assert.ok(paintedEyeShare(199, 175, 141, L, S, B) > paintedEyeShare(205, 165, 125, L, S, B), 'a mixed pixel shares less');
});

/** An eye from (10, 25) to (70, 25) on an 80x64 target: eyeball rows 29-33, a painted white on skin rows 34-39 under the lower lid line (y ~34.6), a red rim at 40. */
function paintedEye(deepColumn = -1) {
  const W = 80, H = 64, skin = pack(170, 110, 85), white = pack(235, 235, 240), rim = pack(150, 40, 30);
  const color = new Uint32Array(W * H).fill(skin), depth = new Float32Array(W * H).fill(1);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    if (x > 12 && x < 68 && y >= 29 && y <= 33) { depth[i] = 0.99; color[i] = white; }
    if (x > 20 && x < 60 && y >= 34 && y <= 39) color[i] = white;
    if (x > 20 && x < 60 && y === 40) color[i] = rim;
    // one column whose pale run goes on 4 px deeper (a photo's pale lid skin under its eye)
    if (x === deepColumn && y >= 40 && y <= 44) color[i] = white;
    if (x === deepColumn && y === 45) color[i] = rim;
  }
  const upper = { u: [0, 0.5, 1], v: [0, 0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.16, 0] };
  const bounds = eyeballDepthBounds(upper.u, [1, 1, 1], lower.u, [1, 1, 1]);
  return { target: { width: W, height: H, color, depth }, f: eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, bounds, W, skin };
}

test('mid-blink the painted white under the lower lid takes the lid\'s shade; the skin under it keeps its light', () => {
  const e = paintedEye();
  shadePaintedEyeBelow(e.target, e.f, e.upper, e.lower, e.bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6));
  const at = (x: number, y: number) => e.target.color[y * e.W + x]!;
  assert.ok(red(at(40, 37)) < 200, `the painted white shaded (${red(at(40, 37))})`);
  assert.ok(red(at(40, 40)) < 150, 'the rim pixel under it at half');
  assert.equal(at(40, 45), e.skin, 'skin below the rim untouched');
  assert.equal(at(40, 20), e.skin, 'skin above the eye untouched');
  const rest = paintedEye();
  shadePaintedEyeBelow(rest.target, rest.f, rest.upper, rest.lower, rest.bounds, 0, 0, 0);
  assert.equal(red(rest.target.color[37 * rest.W + 40]!), 235, 'at rest (no shade) nothing changes');
});

test('the shade\'s edge is soft: the skin beside the run\'s last column takes part of it, two further none', () => {
  const e = paintedEye();
  shadePaintedEyeBelow(e.target, e.f, e.upper, e.lower, e.bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6));
  const at = (x: number, y: number) => red(e.target.color[y * e.W + x]!);
  const run = at(40, 37), beside = at(60, 37), far = at(62, 37);
  assert.ok(run < 200, `the run shaded (${run})`);
  assert.ok(beside < 170 && beside > 170 - (235 - run), `the skin beside it partly (${beside})`);
  assert.equal(far, 170, 'skin two pixels further untouched');
});

test('a column running far deeper than the eye\'s median run is cut (lp_s1 f47: a grey drip under the lid)', () => {
  const e = paintedEye(40);
  shadePaintedEyeBelow(e.target, e.f, e.upper, e.lower, e.bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6));
  const at = (x: number, y: number) => red(e.target.color[y * e.W + x]!);
  assert.ok(at(40, 37) < 200, 'the run shaded');
  assert.equal(at(40, 44), 235, 'the deep column\'s bottom keeps its light');
});

/** A photo's eye (no painted white under the lower lid line) whose skin under it is pale in two columns only, 9 px deep. */
function paleColumns() {
  const W = 80, H = 64, skin = pack(170, 110, 85), pale = pack(225, 215, 210);
  const color = new Uint32Array(W * H).fill(skin), depth = new Float32Array(W * H).fill(1);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = y * W + x;
    if (x > 12 && x < 68 && y >= 29 && y <= 33) { depth[i] = 0.99; color[i] = pack(235, 235, 240); }
    if ((x === 40 || x === 41) && y >= 34 && y <= 42) color[i] = pale;
  }
  const upper = { u: [0, 0.5, 1], v: [0, 0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.16, 0] };
  const bounds = eyeballDepthBounds(upper.u, [1, 1, 1], lower.u, [1, 1, 1]);
  return { target: { width: W, height: H, color, depth }, f: eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, bounds, W };
}

test('s53 bar53: pale skin found in a few of the eye\'s columns is cut near the lid line, not shaded down as a bar (lp_s42 <- lp_d6 f109, eyeSquint .1-.15)', () => {
  const shade = (minCover: number) => {
    const keep = runCoverSetting.minCover; runCoverSetting.minCover = minCover;
    const e = paleColumns();
    try { shadePaintedEyeBelow(e.target, e.f, e.upper, e.lower, e.bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6)); } finally { runCoverSetting.minCover = keep; }
    return (x: number, y: number) => red(e.target.color[y * e.W + x]!);
  };
  const before = shade(0), after = shade(runCoverSetting.minCover);
  assert.ok(before(40, 40) < 200, `before s53 the two columns shaded 6 px under the line (${before(40, 40)})`);
  assert.equal(after(40, 40), 225, 'now kept light there');
  assert.equal(after(41, 41), 225);
  // a painted eye running on along the rim keeps its median (the drip test above), a few runs take the eye's
  assert.deepEqual(runLengths([[], [{ share: 1 }], []], [true, true, true], 0.5), [0, 0, 1]);
  assert.deepEqual(runLengths([[], [{ share: 1 }], [{ share: 1 }]], [true, true, true], 0.5), [1, 1]);
});

test('blur3 keeps a flat field and softens a step', () => {
  const flat = blur3(new Float32Array(9).fill(1), 3, 3);
  assert.ok(flat.every((v) => Math.abs(v - 1) < 1e-6));
  const step = blur3(Float32Array.from([1, 0, 0, 1, 0, 0, 1, 0, 0]), 3, 3);
  assert.ok(step[1]! > 0 && step[1]! < step[0]! && step[2] === 0);
});

test('ring41: pale colourless skin past the inner corner, as light as the skin round it, is no painted white (lp_s42 <- lp_d6 f183-186: a grey streak)', async () => {
  const { skinPastCornerSetting } = await import('../src/render/closedEye/skinPastCorner.ts');
  // paintedEye's scene on a wider target and a pinker skin (lp_s42's cheek), the skin from x 71 on (past the corner at x 70)
  // pale and colourless (lp_s42's by the nose)
  const run = (on: boolean) => {
    const W = 100, H = 64, skin = pack(200, 160, 150), pale = pack(232, 220, 218), white = pack(235, 235, 240), rim = pack(150, 40, 30);
    const color = new Uint32Array(W * H).fill(skin), depth = new Float32Array(W * H).fill(1);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (x >= 71) color[i] = pale;
      if (x > 12 && x < 68 && y >= 29 && y <= 33) { depth[i] = 0.99; color[i] = white; }
      if (x > 20 && x < 60 && y >= 34 && y <= 39) color[i] = white;
      if (x > 20 && x < 60 && y === 40) color[i] = rim;
    }
    const upper = { u: [0, 0.5, 1], v: [0, 0.08, 0] }, lower = { u: [0, 0.5, 1], v: [0, 0.16, 0] };
    const bounds = eyeballDepthBounds(upper.u, [1, 1, 1], lower.u, [1, 1, 1]);
    const t = { width: W, height: H, color, depth };
    const was = skinPastCornerSetting.on;
    skinPastCornerSetting.on = on;
    try { shadePaintedEyeBelow(t, eyeFrame([10, 25], [70, 25], [0, 1]), upper, lower, bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6)); } finally { skinPastCornerSetting.on = was; }
    let darkened = 0;
    for (let y = 0; y < H; y++) for (let x = 71; x < W; x++) if (red(color[y * W + x]!) < 225) darkened++;
    return { darkened, white: red(color[37 * W + 40]!) };
  };
  const before = run(false), after = run(true);
  assert.ok(before.darkened > 0, `the old test took the pale skin for white (${before.darkened} px) — the scene shows the defect`);
  assert.equal(after.darkened, 0, 'the pale skin past the corner keeps its light');
  assert.ok(after.white < 200 && after.white === before.white, `the painted white under the lid still shaded (${after.white})`);
});

test('s48 lidpatch48: past a corner only the corner\'s height is looked at — a pale dot .2 eye widths over or under it is no painted white (lp_s7 + eng f39/f113/f226: a grey-blue dot over the lowered lid\'s outer end)', async () => {
  const { pastCornerBandSetting } = await import('../src/render/closedEye/paintedWhite.ts');
  const run = (on: boolean) => {
    const e = paintedEye();
    // past the corner at x 10 (u -.08): colourless pale dots 12 px (.2 eye widths) over and 13 px under the corner's height (y 25)
    const dots = [[5, 13], [6, 13], [5, 38], [6, 38]].map(([x, y]) => y! * e.W + x!);
    for (const i of dots) e.target.color[i] = pack(235, 235, 240);
    const was = pastCornerBandSetting.on;
    pastCornerBandSetting.on = on;
    try { shadePaintedEyeBelow(e.target, e.f, e.upper, e.lower, e.bounds, lidShadowStrength(0.6), 0, slitCeilingStrength(0.6)); } finally { pastCornerBandSetting.on = was; }
    return { dots: dots.map((i) => red(e.target.color[i]!)), white: red(e.target.color[37 * e.W + 40]!) };
  };
  const off = run(false), on = run(true);
  console.log(`dots off ${off.dots.join(',')} on ${on.dots.join(',')}; white under the lid ${off.white} / ${on.white}`);
  assert.ok(Math.min(...off.dots) < 225, `the old band took a dot for white: ${off.dots.join(',')} — the scene shows the defect`);
  assert.deepEqual(on.dots, [235, 235, 235, 235], 'the dots keep their light');
  assert.ok(on.white < 200 && on.white === off.white, `the painted white under the lid still shaded (${on.white})`);
});

test('the painted eye below takes the eyeball\'s shade while the shut eye is coming in, none once it is whole (s52)', () => {
  // blink .9 (lp_s7 + eng f160): the shut eye shows a third below the lid's edge; the painted white kept .6 of its light where the eyeball kept .4
  const show = shutEyeShown(0.9).show;
  assert.ok(show > 0.2 && show < 0.5);
  assert.ok(paintedShadeKeep(show) > 0.95, `nearly the eyeball's whole shade at blink .9 (${paintedShadeKeep(show).toFixed(3)}, was ${(1 - show).toFixed(3)})`);
  assert.equal(paintedShadeKeep(shutEyeShown(1).show), 0, 'blink 1 renders as before');
  assert.equal(paintedShadeKeep(0), 1);
  for (let s = 0; s < 1; s += 0.1) assert.ok(paintedShadeKeep(s + 0.1) <= paintedShadeKeep(s) + 1e-12, 'fades monotonically');
});
