// s46 (lids46): the shut lid's body takes the photo's own skin grain (closedEye/lidBodyGrain.ts). The rules (the
// gain adds in squares, none on a body already as grainy; the fade over the shut line); on real media lp_s12's baked
// lids (a grainy old photo, critic45's "smooth ovals") grainier toward their cheek's, their tone and the band over the
// shut line as they were, and the smooth cartoon lp_s7 hardly touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PATCH_W, PATCH_H, PATCH_PPW } from '../src/render/closedEye/frame.ts';
import { cellU, cellV, clamp01 } from '../src/render/closedEye/grid.ts';
import { closedEyeLibrary, eyeGeometry } from '../src/render/closedEye/library.ts';
import { creaseAt, shutAt } from '../src/render/closedEye/lids.ts';
import { sampleEye, finishEye } from '../src/render/closedEye/bake.ts';
import { bodyWeights } from '../src/render/closedEye/lidSkinTone.ts';
import { grainGain, lidBodyGrainSetting, lineFade, lumaDetail, spread, cheekRow } from '../src/render/closedEye/lidBodyGrain.ts';
import { luminance as lum } from '../src/math/colour.ts';
import { buildAvatar } from './builtAvatar.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { SHARED_DATA } from '../bench/sharedData.ts';

test('the rules: the gain adds grain in squares up to the target, none on a body as grainy; the fade over the shut line', () => {
  assert.equal(grainGain(3, 5, 4), 1, 'sqrt(25 - 9) / 4');
  assert.equal(grainGain(6, 5, 4), 0, 'a body grainier than its cheek gets none');
  assert.equal(grainGain(1, 5, 0), 0, 'no copied grain, no gain');
  assert.equal(lineFade(0.3), 1);
  assert.ok(lineFade(0.7) > 0 && lineFade(0.7) < 1);
  assert.equal(lineFade(0.85), 0, 'the band over the shut line: none');
  assert.ok(Math.abs(spread([1, -1, 1, -1]) - 1.48) < 1e-9);
});

/** Per eye of a portrait: the bake with the grain off and on, and the figures that tell them apart. */
async function bakes(file: string) {
  const portrait = await analyzePortrait(`${SHARED_DATA}/portraits/${file}`);
  const avatar = buildAvatar(portrait);
  const geo = eyeGeometry((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  const lib = closedEyeLibrary()[0]!;
  const crop = portrait.analysis?.crop;
  const photoPixel = crop ? crop.size / crop.side : 1;
  return geo.map((g) => {
    const s = sampleEye(avatar.texture, g, lib);
    const bake = (on: boolean) => {
      const was = lidBodyGrainSetting.on;
      lidBodyGrainSetting.on = on;
      try { return finishEye(s, g, s.photoDark, photoPixel).rgb; } finally { lidBodyGrainSetting.on = was; }
    };
    const off = bake(false), on = bake(true);
    const sigma = Math.max(0.7, 1.5 * (PATCH_PPW / Math.max(1, g.frame.width / Math.max(1, photoPixel))));
    const dOff = lumaDetail(off, sigma), dOn = lumaDetail(on, sigma), dPhoto = lumaDetail(s.photo, sigma);
    const w = bodyWeights(g, s.mask);
    const body: number[][] = [[], []], cheek: number[] = [];
    let meanOff = 0, meanOn = 0, n = 0, nearLineMoved = 0;
    for (let c = 0; c < PATCH_W; c++) {
      const u = cellU(c), uc = clamp01(u), crease = creaseAt(g, uc), shut = shutAt(g, uc);
      for (let r = 0; r < PATCH_H; r++) {
        const k = r * PATCH_W + c, t = (cellV(r) - crease) / Math.max(1e-3, shut - crease);
        if (t > 0.85 && t < 1.2 && on[k * 3] !== off[k * 3]) nearLineMoved++;
        if (u > 0.25 && u < 0.75 && t > 0.2 && t < 0.3) { const src = cheekRow(g, u, t); if (src !== undefined) cheek.push(dPhoto[Math.round(src) * PATCH_W + c]!); }
        if (w[k]! < 0.9 || t > 0.55) continue;
        body[0]!.push(dOff[k]!); body[1]!.push(dOn[k]!);
        meanOff += lum(off[k * 3]!, off[k * 3 + 1]!, off[k * 3 + 2]!); meanOn += lum(on[k * 3]!, on[k * 3 + 1]!, on[k * 3 + 2]!); n++;
      }
    }
    return { before: spread(body[0]!), after: spread(body[1]!), cheek: spread(cheek), meanOff: meanOff / n, meanOn: meanOn / n, nearLineMoved };
  });
}

test('lp_s12 (grainy old photo): the shut lids\' bodies grainier toward their cheek\'s, their tone kept, the band over the shut line untouched', async () => {
  for (const [side, e] of (await bakes('lp_s12.jpg')).entries()) {
    console.log(`lp_s12 eye ${side}: body grain ${e.before.toFixed(2)} -> ${e.after.toFixed(2)} [cheek ${e.cheek.toFixed(2)}], mean luma ${e.meanOff.toFixed(1)} -> ${e.meanOn.toFixed(1)}`);
    assert.ok(e.after > e.before * 1.4, `eye ${side}: grainier`);
    assert.ok(e.after < 2 * e.cheek, `eye ${side}: not past twice the cheek's`);
    assert.ok(Math.abs(e.meanOn - e.meanOff) < 0.03 * e.meanOff, `eye ${side}: tone kept`);
    assert.equal(e.nearLineMoved, 0, `eye ${side}: the band over the shut line as before`);
  }
});

test('lp_s7 (a smooth cartoon): the lids hardly change', async () => {
  for (const [side, e] of (await bakes('lp_s7.jpg')).entries()) {
    console.log(`lp_s7 eye ${side}: body grain ${e.before.toFixed(2)} -> ${e.after.toFixed(2)} [cheek ${e.cheek.toFixed(2)}]`);
    assert.ok(e.after < e.before + 1.5, `eye ${side}: no grain on a smooth picture`);
  }
});

// s52 (lidgrain52): the cheek's runs along the lower lid (a painted lid's rim, a bag's fold) are lines, not grain.
test('withoutRunsAlong: a line along the rows goes, a speck of grain stays', async () => {
  const { withoutRunsAlong } = await import('../src/render/closedEye/lidBodyGrain.ts');
  const w = 60, h = 5, grid = new Float32Array(w * h);
  for (let x = 0; x < w; x++) grid[2 * w + x] = -10; // a dark line down row 2
  grid[4 * w + 30] = 8; // a speck
  const out = withoutRunsAlong(grid, w, 5);
  assert.ok(Math.abs(out[2 * w + 30]!) < 0.5, 'the line is gone mid-row');
  assert.ok(out[4 * w + 30]! > 0.85 * 8, 'the speck kept');
  grid[w + 10] = NaN;
  assert.ok(Number.isNaN(withoutRunsAlong(grid, w, 5)[w + 10]!) && !Number.isNaN(withoutRunsAlong(grid, w, 5)[w + 11]!), 'off-patch cells left out');
});

test('lp_s0 (a painting): the grain added to the shut lid carries no band along the lid (its painted lower lid lines)', async () => {
  const portrait = await analyzePortrait(`${SHARED_DATA}/portraits/lp_s0.jpg`);
  const avatar = buildAvatar(portrait);
  const geo = eyeGeometry((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  const lib = closedEyeLibrary()[0]!, crop = portrait.analysis?.crop, photoPixel = crop ? crop.size / crop.side : 1;
  for (const [side, g] of geo.entries()) {
    const s = sampleEye(avatar.texture, g, lib);
    const bake = (on: boolean, alongU: number) => {
      const was = { ...lidBodyGrainSetting };
      // s53: s52's row copy (patches off), whose runs alongU takes out; the patches' own test is lidGrainPatches.test.ts
      Object.assign(lidBodyGrainSetting, { on, alongU, patches: false });
      try { return finishEye(s, g, s.photoDark, photoPixel).rgb; } finally { Object.assign(lidBodyGrainSetting, was); }
    };
    const off = bake(false, 0), w = bodyWeights(g, s.mask);
    /** The share of the added grain's energy in the means of bands of the crease -> shut share, and the darkest band's mean. */
    const bands = (on: Float32Array) => {
      const by = new Map<number, number[]>(), all: number[] = [];
      for (let c = 0; c < PATCH_W; c++) {
        const uc = clamp01(cellU(c)), crease = creaseAt(g, uc), shut = shutAt(g, uc);
        for (let r = 0; r < PATCH_H; r++) {
          const k = r * PATCH_W + c, t = (cellV(r) - crease) / Math.max(1e-3, shut - crease);
          if (w[k]! < 0.9 || t < 0.05 || t > 0.75) continue;
          const a = lum(on[k * 3]!, on[k * 3 + 1]!, on[k * 3 + 2]!) - lum(off[k * 3]!, off[k * 3 + 1]!, off[k * 3 + 2]!);
          const b = Math.floor(t / 0.05);
          (by.get(b) ?? by.set(b, []).get(b)!).push(a); all.push(a);
        }
      }
      const m = all.reduce((p, q) => p + q, 0) / all.length, total = all.reduce((p, q) => p + (q - m) ** 2, 0);
      let inBands = 0, dark = 0;
      for (const b of by.values()) { const bm = b.reduce((p, q) => p + q, 0) / b.length; inBands += b.length * (bm - m) ** 2; if (b.length >= 8) dark = Math.min(dark, bm); }
      return { line: inBands / Math.max(1e-9, total), dark, rms: Math.sqrt(total / all.length) };
    };
    const before = bands(bake(true, 0)), after = bands(bake(true, lidBodyGrainSetting.alongU));
    console.log(`lp_s0 eye ${side}: line share ${before.line.toFixed(2)} -> ${after.line.toFixed(2)}, darkest band ${before.dark.toFixed(1)} -> ${after.dark.toFixed(1)}, added rms ${before.rms.toFixed(2)} -> ${after.rms.toFixed(2)}`);
    assert.ok(after.line < 0.1 && after.line < before.line, `eye ${side}: no band along the lid`);
    assert.ok(after.dark > -3, `eye ${side}: no dark line`);
    assert.ok(after.rms > 0.5, `eye ${side}: still some grain`);
  }
});
