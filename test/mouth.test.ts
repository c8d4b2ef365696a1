// The mouth interior: rigid teeth pieces (moved, never stretched), the teeth library, the
// photo's own teeth, and the eval's mouth region.
import { lipBandAllowance, RENDER_GAP_PER_JAW } from '../src/render/mouth/opening.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { MouthShader } from '../src/render/mouth/shader.ts';
import { teethLibrary, encodeLibrary, decodeLibrary } from '../src/render/mouth/library.ts';
import { lightMatch } from '../src/render/mouth/lightMatch.ts';
import type { ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { lipBox, boxMask, MostOpenFrames } from '../src/eval/mouthRegion.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');
const lum = (img: RgbaImage, x: number, y: number) => { const o = (y * img.width + x) * 4; return 0.3 * img.data[o]! + 0.59 * img.data[o + 1]! + 0.11 * img.data[o + 2]!; };

function bandLayer(w: number, h: number, from: number, to: number): ReadyLayer {
  const data = new Float32Array(w * h * 4);
  for (let y = from; y < to; y++) for (let x = 0; x < w; x++) { const o = (y * w + x) * 4; data[o] = data[o + 1] = data[o + 2] = 240; data[o + 3] = 1; }
  return { width: w, height: h, anchorX: w / 2, anchorY: 0, data };
}

test('a teeth piece is moved with its anchor, never stretched', () => {
  const W = 64;
  const empty = bandLayer(8, 8, 0, 0);
  const shader = new MouthShader(W, { upper: bandLayer(64, 64, 6, 16), lower: empty, tongue: null, cavity: [20, 10, 10], fromPhoto: false });
  shader.setPlacement({ upperX: 32, upperY: 10, lowerX: 32, lowerY: 60, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.3, photoGap: 0, rebuilt: 1 });
  shader.centreX = 32; shader.halfWidth = 30;
  shader.lipEdge = [0, 0, 0]; shader.lipInner = [0, 0, 0];
  // an opening from y = 0 to y = 63 over every column
  const xs = [0, W], top = [0, 0], bottom = [63, 63];
  shader.setLips(xs, top, xs, bottom);
  const brightRows = (anchorY: number) => {
    shader.setPlacement({ ...shader.place, upperY: anchorY });
    const rows: number[] = [];
    for (let y = 0; y < 64; y++) if ((shader.shade(32, y, 0, 0) & 255) > 120) rows.push(y);
    return rows;
  };
  const a = brightRows(10), b = brightRows(25);
  assert.ok(a.length >= 9 && a.length <= 11, `band of ${a.length} rows`);
  assert.equal(b.length, a.length, 'the same height after moving');
  assert.equal(b[0]! - a[0]!, 15, 'moved by the anchor offset');
});

test('between nearly closed rows the gap is dark, not a red tongue line; shaded teeth stay warm, not grey-teal', () => {
  const W = 64;
  // a bright pink tongue under the whole opening, grey-white teeth above
  const tongue = bandLayer(64, 64, 0, 64);
  for (let q = 0; q < tongue.data.length; q += 4) { tongue.data[q] = 220; tongue.data[q + 1] = 120; tongue.data[q + 2] = 100; }
  tongue.anchorY = 32;
  const shader = new MouthShader(W, { upper: bandLayer(64, 64, 0, 10), lower: bandLayer(8, 8, 0, 0), tongue, cavity: [20, 10, 12], fromPhoto: false });
  shader.lipEdge = [180, 100, 90]; shader.lipInner = [140, 60, 55];
  const place = { upperX: 32, upperY: 0, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.15, photoGap: 0, rebuilt: 1 };
  shader.setPlacement(place);
  shader.centreX = 32; shader.halfWidth = 30;
  const xs = [0, W];
  shader.setLips(xs, [0, 0], xs, [63, 63]);
  const px = (x: number, y: number) => { const c = shader.shade(x, y, 0, 0); return [c & 255, (c >>> 8) & 255, (c >>> 16) & 255]; };
  // the tongue seen just under the upper teeth (their tips at y 7) at a speech opening: in their
  // shadow, well under the lips' inner surface (main drew it at 69 of luminance against the
  // surface's 83: a red line); session 20: further down it is lit, still under the surface's light
  // (until then dark at every depth: a black crescent under the upper teeth, test/mouthCrescent)
  const gapNarrow = px(32, 8), below = px(32, 25);
  const lipLum = 0.3 * 140 + 0.59 * 60 + 0.11 * 55;
  const L = (c: number[]) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
  assert.ok(L(gapNarrow) < 0.5 * lipLum, `gap at 0.15 IOD ${gapNarrow}`);
  assert.ok(L(below) > L(gapNarrow) && L(below) < 0.75 * lipLum, `the tongue lower down ${below}`);
  shader.setPlacement({ ...place, gap: 0.45 });
  const gapWide = px(32, 25);
  // a tooth in the upper lip's and the corner's shadow: redder than green, greener than blue (never teal)
  shader.setPlacement(place);
  const shaded = px(58, 5);
  assert.ok(L(gapWide) > 2 * L(gapNarrow), `the tongue is lit once the mouth is wide open: ${gapWide} against ${gapNarrow}`);
  assert.ok(shaded[0]! > shaded[1]! + 5 && shaded[1]! >= shaded[2]!, `shaded tooth ${shaded} (main: neutral grey 165)`);
});

test('the teeth library holds upper teeth, lower teeth and a tongue, and survives a round trip', () => {
  const lib = teethLibrary();
  for (const [name, layer] of [['upper', lib.upper], ['lower', lib.lower], ['tongue', lib.tongue!]] as const) {
    let solid = 0, bright = 0;
    for (let k = 0; k < layer.width * layer.height; k++) {
      if (layer.data[k * 4 + 3]! < 0.9) continue;
      solid++;
      if (0.3 * layer.data[k * 4]! + 0.59 * layer.data[k * 4 + 1]! + 0.11 * layer.data[k * 4 + 2]! > 150) bright++;
    }
    assert.ok(solid > 200, `${name}: ${solid} solid pixels`);
    if (name !== 'tongue') assert.ok(bright > 50, `${name}: ${bright} bright (tooth) pixels`);
  }
  // the cavity is dark
  assert.ok(lib.cavity.every((v) => v < 90), `cavity ${lib.cavity.map((v) => v.toFixed(0))}`);
  const again = decodeLibrary(encodeLibrary(lib));
  assert.equal(again.upper.width, lib.upper.width);
  assert.ok(Math.abs(again.upper.data[1000]! - lib.upper.data[1000]!) <= 0.5);
});

test('light match: a grey photo gets grey teeth gains, a darker face darker ones (within limits)', () => {
  const same = lightMatch([200, 150, 130], [200, 150, 130], 1);
  assert.ok(same.gain.every((g) => Math.abs(g - 1.1) < 1e-9), `gains ${same.gain}`);
  const dark = lightMatch([200, 150, 130], [100, 75, 65], 1);
  assert.ok(dark.gain.every((g) => g < 0.85 && g >= 0.7 * 0.9 - 1e-9), `gains ${dark.gain}`);
  const bw = lightMatch([200, 150, 130], [160, 160, 160], 0);
  assert.ok(bw.gain[2] <= bw.gain[0] + 1e-9, `teeth never bluer than neutral: ${bw.gain}`);
  assert.equal(bw.saturation, 0);
  const varnish = lightMatch([200, 150, 130], [190, 160, 60], 1);
  assert.ok(varnish.gain[2] < varnish.gain[1] * 0.9, `a yellow painting yellows the teeth: ${varnish.gain}`);
});

test('opening the jaw: the upper teeth stay with the skull, the lower teeth follow the jaw (lp_s42)', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s42.jpg')));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  // lower edge of the upper teeth and upper edge of the lower teeth on the centre column
  const edges = (jaw: number) => {
    const f = { ...n, w: { ...n.w, jawOpen: jaw } };
    const lm = r.landmarks(f);
    const img = r.render(f);
    const x = Math.round((lm[13]![0] + lm[14]![0]) / 2) + 3;
    const y0 = Math.ceil(lm[13]![1]) + 1, y1 = Math.floor(lm[14]![1]) - 1;
    let upperEdge = -1, lowerEdge = -1;
    // the levels are fractions of the column's brightest pixel (a tooth) and of each row's own peak, not absolute lumas:
    // the test is about where the rows sit, not how bright they are (s59 photorow59: with photoRowLightSetting lp_s42's
    // rebuilt rows take her own teeth's light, 167 at the brightest against the face's 216, and main's absolute 170 / 190
    // found no teeth; her lit tongue, ~150, then sits near the dim lower row's 167, so a fixed fraction of the column
    // found the tongue's shading, not the row: each edge is read against its own row's peak)
    let top = 0;
    for (let y = y0; y < y1; y++) top = Math.max(top, lum(img, x, y));
    // where the luminance falls through .46 of the upper row's peak (main: 100 of 216) after a tooth pixel (.79 of the
    // column's brightest: main's 170), walking from the upper lip inward
    let peak = 0;
    for (let y = y0; y < y1; y++) {
      if (lum(img, x, y) > 0.79 * top) peak = Math.max(peak, lum(img, x, y));
      if (peak > 0 && lum(img, x, y) >= 0.46 * peak && lum(img, x, y + 1) < 0.46 * peak) { upperEdge = y; break; }
    }
    // (the lower teeth's top edge against the tongue behind them, lit in an open mouth: where it falls under .85 of the
    // lower row's peak, after a pixel over .88 of the column's brightest; main read through 170 after 190, of 216)
    peak = 0;
    for (let y = y1; y > y0; y--) {
      if (lum(img, x, y) > 0.88 * top) peak = Math.max(peak, lum(img, x, y));
      if (peak > 0 && lum(img, x, y) >= 0.85 * peak && lum(img, x, y - 1) < 0.85 * peak) { lowerEdge = y; break; }
    }
    return { upperEdge, lowerEdge, top: Math.round(top), lip14: lm[14]![1] };
  };
  // motion jawOpen is a lip gap over 0.6 IOD (render/mouth/opening.ts): 0.4 and 0.6 are wide openings
  const half = edges(0.4), full = edges(0.6);
  assert.ok(half.upperEdge > 0 && full.upperEdge > 0 && half.lowerEdge > 0 && full.lowerEdge > 0, `teeth edges found ${JSON.stringify([half, full])}`);
  assert.ok(Math.abs(full.upperEdge - half.upperEdge) <= 1, `upper teeth moved ${full.upperEdge - half.upperEdge} px`);
  const jawMove = full.lip14 - half.lip14;
  assert.ok(jawMove > 4, `the jaw opened ${jawMove.toFixed(1)} px`);
  assert.ok(Math.abs(full.lowerEdge - half.lowerEdge - jawMove) <= 2, `lower teeth moved ${full.lowerEdge - half.lowerEdge} px, the jaw ${jawMove.toFixed(1)} px`);
});

test('a motion\'s jawOpen opens the rendered lips by that gap (RENDER_GAP_PER_JAW, 0.64 IOD per unit) on any face; the neutral frame keeps the photo\'s jaw', async () => {
  for (const name of ['mt_man.png', 'lp_s1.jpg']) {
    const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, name)));
    const r = createRenderer(avatar, { width: 512, height: 512 });
    const n = r.neutralFrame();
    const iodOf = (lm: number[][]) => Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    const gapAt = (jaw: number, restLipGap?: number) => { const lm = r.landmarks({ ...n, w: { ...n.w, jawOpen: jaw, ...(restLipGap === undefined ? {} : { restLipGap }) } }); return Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iodOf(lm); };
    // 0.8: a wide vowel or singing (0.48 IOD), past the rig's 17-degree unit (0.29-0.41 IOD)
    for (const jaw of [0.2, 0.35, 0.8]) {
      const g = RENDER_GAP_PER_JAW * jaw, want = g + lipBandAllowance(g); // (far from the photo's own gap)
      assert.ok(Math.abs(gapAt(jaw) - want) < 0.01, `${name}: jawOpen ${jaw} opens ${gapAt(jaw).toFixed(3)} IOD, want ${want.toFixed(3)}`);
    }
    // the mouth closes at 0 (never pressed through: the lower lip stays below the upper)
    const closed = r.landmarks({ ...n, w: { ...n.w, jawOpen: 0 } });
    assert.ok(closed[14]![1]! - closed[13]![1]! > -0.5 && gapAt(0) < 0.02, `${name}: closed gap ${gapAt(0).toFixed(3)}`);
    // a driver whose lips rest 0.05 apart: the photo keeps up to that much of its own opening at rest
    const photoGap = avatar.mouth.photoGap / avatar.head.iod, kept = Math.min(0.05, photoGap);
    assert.ok(Math.abs(gapAt(0, 0.05) - kept) < 0.01, `${name}: at a driver's parted rest ${gapAt(0, 0.05).toFixed(3)} IOD, photo ${photoGap.toFixed(3)}`);
    const rest = r.landmarks(n), photo = avatar.rest;
    assert.ok(Math.abs(rest[14]![1]! - photo[14 * 3 + 1]!) < 0.05, `${name}: neutral frame moves the lower lip ${(rest[14]![1]! - photo[14 * 3 + 1]!).toFixed(3)} px`);
  }
});

test('a smile parts the lips over nearly closed teeth: about the same gap, filled with teeth (mt_man)', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'mt_man.png')));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  const look = (smile: number) => {
    const f = { ...n, w: { ...n.w, jawOpen: 0.25, mouthSmileLeft: smile, mouthSmileRight: smile } };
    const lm = r.landmarks(f), img = r.render(f);
    const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    const x = Math.round((lm[13]![0] + lm[14]![0]) / 2) + 3;
    const y0 = Math.ceil(lm[13]![1]) + 2, y1 = Math.floor(lm[14]![1]) - 2;
    let teeth = 0;
    for (let y = y0; y <= y1; y++) if (lum(img, x, y) > 150) teeth++;
    // the chin's drop from the neutral frame: how much of the gap is jaw
    const chin = (lm[152]![1] - r.landmarks(n)[152]![1]) / iod;
    return { gap: Math.hypot(lm[13]![0] - lm[14]![0], lm[13]![1] - lm[14]![1]) / iod, teeth: teeth / Math.max(1, y1 - y0 + 1), chin };
  };
  const plain = look(0), smiling = look(0.6);
  // about the same gap: a held grin opens by the driver's gap, without the peak gain and lip-band
  // allowance that speech's smoothed syllables get (opening.ts gapPerJaw, grin16), so a little less
  assert.ok(smiling.gap <= plain.gap + 0.005 && smiling.gap > 0.78 * plain.gap, `gap ${plain.gap.toFixed(3)} -> ${smiling.gap.toFixed(3)} IOD`);
  assert.ok(smiling.chin < 0.5 * plain.chin, `chin drop ${plain.chin.toFixed(3)} plain, ${smiling.chin.toFixed(3)} IOD smiling`);
  assert.ok(smiling.teeth > 0.6, `share of the gap showing teeth: ${plain.teeth.toFixed(2)} plain, ${smiling.teeth.toFixed(2)} smiling`);
});

test('eval mouth region: a box around the lips, and the most open frames kept apart', () => {
  const lm = Array.from({ length: 478 }, () => [100, 100, 0]);
  lm[61] = [80, 100, 0]; lm[291] = [120, 100, 0]; lm[0] = [100, 90, 0]; lm[17] = [100, 112, 0];
  const box = lipBox(lm, 0.25);
  assert.deepEqual(box, [70, 80, 130, 122]);
  const mask = boxMask(box, 200, 200);
  let n = 0;
  for (const v of mask) n += v;
  assert.equal(n, 60 * 42);
  const keep = new MostOpenFrames(2, 5);
  const img = { width: 1, height: 1, data: new Uint8ClampedArray(4) };
  for (const [frame, gap] of [[0, 0.1], [2, 0.3], [3, 0.2], [20, 0.25], [40, 0.05]] as const) keep.offer({ frame, gap, real: img, generated: img });
  assert.deepEqual(keep.frames().map((f) => f.frame), [2, 20]);
});

test('teeth look: a soft library layer is sharpened toward a sharp photo, a sharp one softened toward a soft photo; teeth stay under the picture\'s white', async () => {
  const { detailRatio, sharpened, sharpnessToMatch, teethTarget } = await import('../src/render/mouth/photoLook.ts');
  // a row of "teeth": bright blocks with dark gaps, solid alpha
  const W = 80, H = 40, data = new Float32Array(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4, v = x % 10 < 2 || y < 6 || y > 33 ? 60 : 230;
    data[o] = data[o + 1] = data[o + 2] = v; data[o + 3] = 1;
  }
  const sharp: ReadyLayer = { width: W, height: H, anchorX: 40, anchorY: 0, data };
  const soft = sharpened(sharp, -1.2);
  const ratio = (l: ReadyLayer) => {
    const L = new Float32Array(W * H), mask = new Uint8Array(W * H);
    for (let q = 0; q < W * H; q++) { L[q] = l.data[q * 4]!; mask[q] = 1; }
    return detailRatio(L, W, H, mask)!;
  };
  assert.ok(ratio(soft) < 0.8 * ratio(sharp), `softening lowers the detail ratio: ${ratio(soft).toFixed(3)} vs ${ratio(sharp).toFixed(3)}`);
  assert.ok(sharpnessToMatch(soft, ratio(sharp)) > 0, 'a soft layer beside a sharp photo is sharpened');
  assert.ok(sharpnessToMatch(sharp, ratio(soft)) < 0, 'a sharp layer beside a soft photo is softened');
  // teeth brighter than the cheeks, but never past the picture's own white
  assert.ok(teethTarget(120, 255) > 150 && teethTarget(120, 255) < 255);
  assert.equal(teethTarget(200, 190), 190);
});
