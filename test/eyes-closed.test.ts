// The real shut eye (src/render/closedEye): the eye frame's math, the committed library, and the
// fit to a photo (bake) on a synthetic face: grey photos stay grey, the lid takes the photo's skin,
// the lash line is dark and on the lower lid line, the mask covers the open eye and its lid fold but not the brow or the cheek, and the lid meets graded skin without a rim;
// the lash line thinned from above (thinLashTop); the lid's grain without the band's structure; the lid's form (a bulge, a tapering lash line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eyeFrame, toEye, toImage, EYE_SIDES, PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { bakeEye } from '../src/render/closedEye/bake.ts';
import { thinLashTop, addPhotoGrain, grainBounds, grainTailSetting } from '../src/render/closedEye/shading.ts';
import { drawEye, gapShadow } from '../src/render/closedEye/draw.ts';
import { shutEyeShown } from '../src/render/closedEye/overlay.ts';
import { bulgeGain, lashKeep, shadeBulge } from '../src/render/closedEye/lidForm.ts';
import { syntheticEyeFace } from './syntheticEyes.ts';

test('eye frame: image <-> eye coordinates round-trip, and both sides map the brow to negative v', () => {
  const left = eyeFrame([100, 100], [160, 104], [0, 1]);
  const right = eyeFrame([300, 100], [240, 104], [0, 1]);
  for (const f of [left, right]) {
    const [x, y] = toImage(f, 0.3, -0.2);
    const [u, v] = toEye(f, x, y);
    assert.ok(Math.abs(u - 0.3) < 1e-9 && Math.abs(v + 0.2) < 1e-9);
    // a point above the eye (toward the brow) has v < 0 on either side
    assert.ok(toEye(f, (f.ox + (f.ox + f.ux)) / 2, 80)[1] < 0);
  }
});

test('library: a real shut eye, its lid edge between the corners and below its crease', () => {
  const lib = closedEyeLibrary();
  assert.ok(lib.length >= 1);
  for (const p of lib) {
    assert.equal(p.rgb.length, PATCH_W * PATCH_H * 3);
    assert.match(p.source, /frame \d+/);
    const mid = lineAt(p.lid, 0.5), crease = lineAt(p.crease, 0.5);
    assert.ok(Math.abs(mid) < 0.15, `shut lid edge at v ${mid.toFixed(3)}`);
    assert.ok(crease < mid - 0.1, `crease ${crease.toFixed(3)} above the lid ${mid.toFixed(3)}`);
  }
});

/** A synthetic face: two eyes of 60 px, flat skin, a dark open eye inside the lid lines. */
const syntheticFace = (skin: [number, number, number]) => syntheticEyeFace(skin, { centreY: 114, halfHeight: 13, darkness: 0.25, brow: false });

test('bake: the shut lid takes the photo skin (grey stays grey), a dark lash line, a mask over the open eye only', () => {
  const lib = closedEyeLibrary();
  for (const skin of [[150, 150, 150], [200, 150, 120]] as [number, number, number][]) {
    const face = syntheticFace(skin);
    const g = eyeGeometry(face.xy)[0]!;
    const baked = bakeEye(face.texture, g, lib[0]!);
    const at = (u: number, v: number) => {
      const k = Math.round((v - PATCH_V0) * PATCH_PPW - 0.5) * PATCH_W + Math.round((u - PATCH_U0) * PATCH_PPW - 0.5);
      return { rgb: [0, 1, 2].map((ch) => baked.rgb[k * 3 + ch]!), mask: baked.mask[k]! };
    };
    const lidV = lineAt(g.lid, 0.5), lowV = lineAt(g.lower, 0.5), creaseV = lineAt(g.crease, 0.5);
    // the middle of the shut lid (between crease and lower lid): skin of the photo's hue and about its brightness
    const lid = at(0.5, (creaseV + lowV) / 2 - 0.05);
    const lum = (c: number[]) => 0.3 * c[0]! + 0.59 * c[1]! + 0.11 * c[2]!;
    const skinLum = lum(skin);
    assert.ok(Math.abs(lum(lid.rgb) - skinLum) < 0.25 * skinLum, `lid ${lid.rgb.map((v) => v.toFixed(0))} vs skin ${skin}`);
    const chroma = (c: number[]) => Math.max(...c) - Math.min(...c);
    if (chroma(skin) === 0) assert.ok(chroma(lid.rgb) < 4, `grey photo, lid ${lid.rgb.map((v) => v.toFixed(0))}`);
    else assert.ok(lid.rgb[0]! > lid.rgb[2]!, 'warm skin stays warm');
    // the lash line: the darkest point of the middle column is well below the skin
    let darkest = Infinity;
    for (let v = lidV; v <= lowV + 0.05; v += 1 / PATCH_PPW) darkest = Math.min(darkest, lum(at(0.5, v).rgb));
    assert.ok(darkest < 0.7 * skinLum, `lash line ${darkest.toFixed(0)} vs skin ${skinLum.toFixed(0)}`);
    // mask: full over the open eye, nothing at the brow or the cheek
    assert.ok(at(0.5, (lidV + lowV) / 2).mask > 0.99);
    assert.ok(at(0.5, creaseV - 0.2).mask === 0 && at(0.5, lowV + 0.2).mask === 0);
  }
});

test('bake: the lash line lies on the lower lid line, the lid fold is covered, and the lid meets graded skin without an outline', () => {
  const lib = closedEyeLibrary();
  const face = syntheticFace([190, 150, 120]);
  const { texture } = face;
  // brows well above the eye; a dark fold arc just above the crease ring; skin darkening toward the
  // brow (a socket in shadow), as on a painting
  const brow = new Map<number, [number, number]>();
  EYE_SIDES.forEach((s, side) => s.brow.forEach((i, q) => brow.set(i, [side === 0 ? 95 + q * 18 : 305 - q * 18, 40])));
  const xy = (i: number) => brow.get(i) ?? face.xy(i);
  const g = eyeGeometry(xy)[0]!;
  for (let y = 0; y < texture.height; y++) for (let x = 0; x < texture.width; x++) {
    const o = (y * texture.width + x) * 4;
    if (texture.data[o]! < 100) continue; // the open eye
    const [u, v] = toEye(g.frame, x + 0.5, y + 0.5);
    const crease = lineAt(g.crease, Math.min(1, Math.max(0, u)));
    const fold = u > 0 && u < 1 && v > crease - 0.06 && v < crease - 0.01;
    const shade = fold ? 0.45 : 1 - 0.35 * Math.max(0, Math.min(1, (0.2 - v) / 0.8));
    for (let ch = 0; ch < 3; ch++) texture.data[o + ch] = texture.data[o + ch]! * shade;
  }
  const baked = bakeEye(texture, g, lib[0]!);
  const lum = (c: ArrayLike<number>, k = 0) => 0.3 * c[k]! + 0.59 * c[k + 1]! + 0.11 * c[k + 2]!;
  const cell = (u: number, v: number) => Math.round((v - PATCH_V0) * PATCH_PPW - 0.5) * PATCH_W + Math.round((u - PATCH_U0) * PATCH_PPW - 0.5);
  const photoLum = (u: number, v: number) => { const [x, y] = toImage(g.frame, u, v); return lum(texture.data, (Math.floor(y) * texture.width + Math.floor(x)) * 4); };
  // the lash line (darkest point of the middle column) on the lower lid line, not above it
  const lowV = lineAt(g.lower, 0.5), creaseV = lineAt(g.crease, 0.5);
  let darkV = 0, darkest = Infinity;
  for (let v = creaseV; v <= lowV + 0.1; v += 1 / PATCH_PPW) { const l = lum(baked.rgb, cell(0.5, v) * 3); if (l < darkest) { darkest = l; darkV = v; } }
  assert.ok(Math.abs(darkV - lowV) < 0.035, `lash line at v ${darkV.toFixed(3)}, lower lid at ${lowV.toFixed(3)}`);
  // the fold arc is under the mask, and the lid there is not the fold's dark
  const k = cell(0.5, creaseV - 0.035);
  assert.ok(baked.mask[k]! > 0.8, `mask over the fold ${baked.mask[k]!.toFixed(2)}`);
  assert.ok(lum(baked.rgb, k * 3) > 1.3 * photoLum(0.5, creaseV - 0.035), 'the fold is not kept on the shut lid');
  // along the mask's upper edge the shut lid continues the photo's skin (no lighter or darker rim)
  const diffs: number[] = [];
  for (let c = 0; c < PATCH_W; c++) {
    const u = PATCH_U0 + (c + 0.5) / PATCH_PPW;
    if (u < 0.1 || u > 0.9) continue;
    for (let r = 0; r < PATCH_H; r++) {
      const v = PATCH_V0 + (r + 0.5) / PATCH_PPW, q = r * PATCH_W + c;
      if (v > lineAt(g.lid, u) || baked.mask[q]! < 0.3 || baked.mask[q]! > 0.7) continue;
      diffs.push(Math.abs(lum(baked.rgb, q * 3) - photoLum(u, v)) / photoLum(u, v));
      break;
    }
  }
  const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  assert.ok(diffs.length > 10 && mean < 0.08, `shut lid vs photo along the mask's top edge: ${(100 * mean).toFixed(1)} % (${diffs.length} columns)`);
});

test('thin lash line: the band just above the shut line takes the lid colour above it; the line itself and the lid stay', () => {
  const SHUT = 0.1; // shut line's v in every column
  const rowOf = (v: number) => Math.round((v - PATCH_V0) * PATCH_PPW - 0.5);
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3).fill(200); // lid skin
  // a soft dark line: 60 at the shut line, darkening the lid up to 0.05 above it
  for (let r = 0; r < PATCH_H; r++) {
    const d = SHUT - (PATCH_V0 + (r + 0.5) / PATCH_PPW); // eye widths above the line
    if (d >= -0.02 && d <= 0.05) for (let c = 0; c < PATCH_W; c++) rgb.fill(d <= 0 ? 60 : 60 + (140 * d) / 0.05, (r * PATCH_W + c) * 3, (r * PATCH_W + c) * 3 + 3);
  }
  const before = Float32Array.from(rgb);
  thinLashTop(rgb, () => SHUT);
  const c = Math.round(PATCH_W / 2);
  const at = (a: Float32Array, v: number) => a[(rowOf(v) * PATCH_W + c) * 3]!;
  assert.ok(at(rgb, SHUT - 0.025) > at(before, SHUT - 0.025) + 40, `0.025 above the line: ${at(before, SHUT - 0.025)} -> ${at(rgb, SHUT - 0.025)}`);
  assert.ok(at(rgb, SHUT + 0.01) === at(before, SHUT + 0.01), 'the line at and below the shut edge is kept');
  assert.ok(at(rgb, SHUT - 0.2) === 200, 'the lid well above is kept');
  // outside the eye (past the corners' margin) nothing changes
  assert.equal(rgb[(rowOf(SHUT - 0.025) * PATCH_W + 0) * 3], before[(rowOf(SHUT - 0.025) * PATCH_W + 0) * 3]);
});

test('shut lid grain: the photo\'s grain without its structure (vertical lashes below the eye do not become a comb on the lid)', () => {
  const face = syntheticFace([180, 140, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  // the photo patch: skin with vertical stripes (lower lashes) everywhere, +-15 in alternate columns
  const photo = new Float32Array(PATCH_W * PATCH_H * 3);
  for (let k = 0; k < PATCH_W * PATCH_H; k++) photo.fill((k % PATCH_W) % 2 ? 165 : 135, k * 3, k * 3 + 3);
  const mask = new Float32Array(PATCH_W * PATCH_H);
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3).fill(150);
  // the lid: columns over the eye, rows from the crease to the lower lid
  const c0 = Math.round((0.2 - PATCH_U0) * PATCH_PPW), c1 = Math.round((0.8 - PATCH_U0) * PATCH_PPW);
  const r0 = Math.round((lineAt(g.crease, 0.5) - PATCH_V0) * PATCH_PPW), r1 = Math.round((lineAt(g.lower, 0.5) - PATCH_V0) * PATCH_PPW);
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) mask[r * PATCH_W + c] = 1;
  addPhotoGrain(rgb, photo, mask, g);
  // per column, the mean grain over the lid's rows; and the grain's spread per pixel
  const colMeans: number[] = [];
  let sq = 0, n = 0;
  for (let c = c0; c < c1; c++) {
    let s = 0;
    for (let r = r0; r < r1; r++) { const d = rgb[(r * PATCH_W + c) * 3]! - 150; s += d; sq += d * d; n++; }
    colMeans.push(s / (r1 - r0));
  }
  const spread = Math.sqrt(sq / n);
  const colSpread = Math.sqrt(colMeans.reduce((a, m) => a + m * m, 0) / colMeans.length);
  assert.ok(spread > 4, `the lid has grain (${spread.toFixed(1)} per pixel)`);
  assert.ok(colSpread < 0.4 * spread, `no column structure (column means spread ${colSpread.toFixed(1)} against ${spread.toFixed(1)} per pixel)`);
});

test('shut lid skin: the photo\'s own skin detail stays in place below the lower lid, not over the open eye and its lid fold', () => {
  const face = syntheticFace([180, 140, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  // the photo patch: skin at 150 with seeded blotches (pores, fine folds) of +-12 two cells wide
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const blotch = Array.from({ length: Math.ceil(PATCH_W / 2) * Math.ceil(PATCH_H / 2) }, () => (rand() - 0.5) * 24);
  const photo = new Float32Array(PATCH_W * PATCH_H * 3);
  for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) photo.fill(150 + blotch[(r >> 1) * Math.ceil(PATCH_W / 2) + (c >> 1)]!, (r * PATCH_W + c) * 3, (r * PATCH_W + c) * 3 + 3);
  const mask = new Float32Array(PATCH_W * PATCH_H).fill(1);
  const rgb = new Float32Array(PATCH_W * PATCH_H * 3).fill(150);
  addPhotoGrain(rgb, photo, mask, g);
  // correlation of the lid's added detail with the photo's own, over rows in a v range, columns u 0.2..0.8
  const corr = (vOf: (u: number) => [number, number]) => {
    let sxy = 0, sxx = 0, syy = 0;
    for (let c = Math.round((0.2 - PATCH_U0) * PATCH_PPW); c < Math.round((0.8 - PATCH_U0) * PATCH_PPW); c++) {
      const u = PATCH_U0 + (c + 0.5) / PATCH_PPW, [a, b] = vOf(u);
      for (let r = Math.ceil((a - PATCH_V0) * PATCH_PPW); r < (b - PATCH_V0) * PATCH_PPW; r++) {
        const x = photo[(r * PATCH_W + c) * 3]! - 150, y = rgb[(r * PATCH_W + c) * 3]! - 150;
        sxy += x * y; sxx += x * x; syy += y * y;
      }
    }
    return sxy / Math.sqrt(sxx * syy || 1);
  };
  const lowerSkin = corr((u) => [lineAt(g.lower, u) + 0.05, lineAt(g.lower, u) + 0.15]);
  const overEye = corr((u) => [lineAt(g.crease, u), lineAt(g.lower, u) - 0.02]);
  assert.ok(lowerSkin > 0.5, `the lower lid's own skin detail in place (correlation ${lowerSkin.toFixed(2)})`);
  assert.ok(Math.abs(overEye) < 0.25, `over the open eye and its fold the grain is dealt, not their structure (correlation ${overEye.toFixed(2)})`);
});

test('mid-blink: the shut lid comes in above the closing lid\'s edge first (showLid), the still open eye below it waits (show)', () => {
  const face = syntheticFace([200, 150, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  // a lid half way down: its edge between the photo's upper and lower lid lines
  const lidNow = { u: g.lid.u, v: g.lid.u.map((u) => (lineAt(g.lid, u) + lineAt(g.lower, u)) / 2) };
  const draw = (show: number, showLid?: number) => {
    const t = { width: 400, height: 300, color: new Uint32Array(400 * 300).fill(0xff000000), depth: new Float32Array(400 * 300) };
    drawEye(t, baked, g.frame, show, 1, lidNow, showLid);
    return (u: number, v: number) => { const [x, y] = toImage(g.frame, u, v); return t.color[Math.floor(y) * 400 + Math.floor(x)]! & 0xffffff; };
  };
  const edge = lineAt(lidNow, 0.5);
  const early = draw(0, 0.9), none = draw(0);
  assert.notEqual(early(0.5, edge - 0.08), 0, 'the lid above the closing edge shows the shut eye');
  assert.equal(early(0.5, edge + 0.06), 0, 'the open eye below the edge is left alone');
  assert.equal(none(0.5, edge - 0.08), 0, 'without showLid nothing is drawn at show 0');
});

test('lid form: lighter over the eyeball\'s bulge than at the crease and the lash line; the lash line tapers toward the corners', () => {
  // the pure profiles
  assert.ok(bulgeGain(0.45, 0.5) > 0.08 && bulgeGain(0.02, 0.5) < 0.01 && bulgeGain(0.98, 0.5) < 0.01, 'the bulge peaks mid-lid');
  assert.ok(bulgeGain(0.45, 0.05) < 0.5 * bulgeGain(0.45, 0.5), 'and fades toward the corners');
  assert.equal(lashKeep(0.5), 1);
  assert.ok(lashKeep(0) < 0.5 && lashKeep(1) < 0.5);
  // baked on a synthetic face: the lash line's darkness against the skin below the mask, per column
  const face = syntheticFace([190, 150, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  const lumAt = (u: number, v: number) => {
    const k = (Math.round((v - PATCH_V0) * PATCH_PPW - 0.5) * PATCH_W + Math.round((u - PATCH_U0) * PATCH_PPW - 0.5)) * 3;
    return (baked.rgb[k]! + baked.rgb[k + 1]! + baked.rgb[k + 2]!) / 3;
  };
  const lineDark = (u: number) => {
    const shut = lineAt(g.lower, u);
    let min = 255;
    for (let dv = -0.04; dv <= 0.03; dv += 0.5 / PATCH_PPW) min = Math.min(min, lumAt(u, shut + dv));
    return lumAt(u, shut + 0.12) - min;
  };
  const mid = lineDark(0.5), corners = Math.max(lineDark(0.08), lineDark(0.92));
  assert.ok(corners < 0.6 * mid, `the lash line lighter at the corners (${corners.toFixed(0)} against ${mid.toFixed(0)} in the middle)`);
  // the bulge on a flat lid: lighter mid-lid than by the crease, by the lash line and at the corners
  const flat = new Float32Array(PATCH_W * PATCH_H * 3).fill(150);
  shadeBulge(flat, g);
  const flatAt = (u: number, v: number) => flat[(Math.round((v - PATCH_V0) * PATCH_PPW - 0.5) * PATCH_W + Math.round((u - PATCH_U0) * PATCH_PPW - 0.5)) * 3]!;
  const at = (u: number, t: number) => { const c = Math.min(lineAt(g.lid, u) - 0.05, lineAt(g.crease, u)), sh = lineAt(g.lower, u); return flatAt(u, c + t * (sh - c)); };
  const top = at(0.5, 0.45);
  assert.ok(top > 160 && top > at(0.5, 0.05) + 10 && top > at(0.5, 0.95) + 10 && top > at(0.05, 0.45) + 8,
    `the bulge lighter mid-lid (${top.toFixed(0)}) than by the crease (${at(0.5, 0.05).toFixed(0)}), the lash line (${at(0.5, 0.95).toFixed(0)}), the corner (${at(0.05, 0.45).toFixed(0)})`);
});

test('closing eye: its last gap under the lid is the lid\'s shadow (dark), not the white, once the shut eye shows below the lid; a held slit and a wide gap are left alone', () => {
  const face = syntheticFace([200, 150, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  const lidAt = (gap: number) => ({ u: g.lid.u, v: g.lid.u.map((u) => lineAt(g.lower, u) - gap) });
  const lum = (c: number) => 0.3 * (c & 255) + 0.59 * ((c >>> 8) & 255) + 0.11 * ((c >>> 16) & 255);
  // a white eyeball under a lid `gap` eye widths above the lower lid, at blink completion c
  const whiteAt = (gap: number, c: number) => {
    const t = { width: 400, height: 300, color: new Uint32Array(400 * 300).fill(0xffffffff), depth: new Float32Array(400 * 300) };
    const { show, lid } = shutEyeShown(c);
    drawEye(t, baked, g.frame, show, 1, lidAt(gap), lid);
    // the middle of the gap, half way between the lid's edge and the lower lid
    const [x, y] = toImage(g.frame, 0.5, lineAt(g.lower, 0.5) - gap / 2);
    return lum(t.color[Math.floor(y) * 400 + Math.floor(x)]!);
  };
  // the luminances down the middle column from the mesh lid's edge to just above the lower lid
  const gapColumn = (gap: number, c: number) => {
    const t = { width: 400, height: 300, color: new Uint32Array(400 * 300).fill(0xffffffff), depth: new Float32Array(400 * 300) };
    const { show, lid } = shutEyeShown(c);
    drawEye(t, baked, g.frame, show, 1, lidAt(gap), lid);
    let min = 255, max = 0;
    for (let v = lineAt(g.lower, 0.5) - gap; v < lineAt(g.lower, 0.5) + 0.01; v += 0.25 / g.frame.width) {
      const [x, y] = toImage(g.frame, 0.5, v), l = lum(t.color[Math.floor(y) * 400 + Math.floor(x)]!);
      min = Math.min(min, l); max = Math.max(max, l);
    }
    return { min, max };
  };
  assert.ok(gapShadow(0.03) > 0.8 && gapShadow(0.2) === 0, 'the shadow is whole over a thin gap, none over a wide one');
  // near the end of a blink the lid has come down over most of a thin gap (s26, draw.ts drawnEdge):
  // nothing between the mesh lid's edge and the lower lid is left white, and the lash line is dark
  const thin = gapColumn(0.04, 0.97);
  assert.ok(thin.max < 200 && thin.min < 110, `a thin gap near the end of a blink reads dark, no white left (darkest ${thin.min.toFixed(0)}, lightest ${thin.max.toFixed(0)})`);
  // wink20: a slit held at completion .8 (a wink's other eye at weight .78-.85) shows the eyeball,
  // not the lash colour (before, the shadow was whole from the lid's first show: a line, no iris)
  const slit = whiteAt(0.06, 0.8);
  assert.ok(slit > 200, `a held slit keeps the eyeball's light (${slit.toFixed(0)})`);
  assert.equal(whiteAt(0.2, 0.6), 255, 'a wide gap keeps the white (the shut eye not yet fading in below the lid)');
});

test('s26: a lid whose mesh edge stops half way comes down opaque as the blink completes: no eyeball through it at .95, a thin dark slit under it', () => {
  // the cartoon lp_s7: its mesh lid stops well above the lower lid even at blink 1; the shut eye faded
  // in over the open eyeball there, a pale translucent lid with the iris through it (lead, s25)
  const face = syntheticFace([200, 150, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  const baked = bakeEye(face.texture, g, closedEyeLibrary()[0]!);
  const lidNow = { u: g.lid.u, v: g.lid.u.map((u) => lineAt(g.lower, u) - 0.2) };
  const { show, lid } = shutEyeShown(0.95);
  const onto = (fill: number) => {
    const t = { width: 400, height: 300, color: new Uint32Array(400 * 300).fill(fill), depth: new Float32Array(400 * 300) };
    drawEye(t, baked, g.frame, show, 1, lidNow, lid);
    return (v: number) => { const [x, y] = toImage(g.frame, 0.5, v); return t.color[Math.floor(y) * 400 + Math.floor(x)]! & 0xffffff; };
  };
  const white = onto(0xffffffff), black = onto(0xff000000);
  const low = lineAt(g.lower, 0.5);
  // between the mesh lid's edge and most of the way down, the drawn lid is whole: the same over a white or a black eyeball
  for (const v of [low - 0.18, low - 0.12, low - 0.06]) assert.equal(white(v), black(v), `the lid at ${(low - v).toFixed(2)} above the lower lid hides the eyeball`);
  const lum = (c: number) => 0.3 * (c & 255) + 0.59 * ((c >>> 8) & 255) + 0.11 * ((c >>> 16) & 255);
  let darkest = 255;
  for (let v = low - 0.04; v < low; v += 0.25 / g.frame.width) darkest = Math.min(darkest, lum(white(v)));
  assert.ok(darkest < 110, `the slit left under the lid reads dark (${darkest.toFixed(0)})`);
});

test('shut eye fade (wink20): no cliff, the slit open below the lid until .85, shut at 1', () => {
  // the face mesh reads an eye shut once the shut lid passes about half strength, so a steep fade is a
  // cliff in the rendered opening by weight (bench/blinkCurve.ts): at most 2.5 per unit of completion
  let steepest = 0;
  for (let c = 0; c < 1; c += 0.01) steepest = Math.max(steepest, (shutEyeShown(c + 0.01).lid - shutEyeShown(c).lid) / 0.01);
  assert.ok(steepest <= 2.5 + 1e-6, `the shut lid fades in at most 2.5 per unit (${steepest.toFixed(2)})`);
  assert.ok(shutEyeShown(0.78).lid < 0.6, `a lid at .78 is not yet mostly the shut eye (${shutEyeShown(0.78).lid.toFixed(2)})`);
  assert.equal(shutEyeShown(0.85).show, 0, 'below the lid the eye stays open to .85');
  assert.deepEqual(shutEyeShown(1), { show: 1, lid: 1 });
  assert.deepEqual(shutEyeShown(0.5), { show: 0, lid: 0 });
});

test('shut lid grain on a small photo: as coarse as the photo\'s pixel (neighbouring cells alike), with the same spread', () => {
  const face = syntheticFace([200, 150, 120]);
  const g = eyeGeometry(face.xy)[0]!;
  const n = PATCH_W * PATCH_H;
  // a photo patch whose fine detail is a checkerboard below the eye (the grain band), a flat lid
  const photo = new Float32Array(n * 3), mask = new Float32Array(n).fill(1);
  for (let k = 0; k < n; k++) photo.fill(150 + ((k % PATCH_W) + Math.floor(k / PATCH_W)) % 2 * 12 - 6, k * 3, k * 3 + 3);
  const grainOf = (eyeWidth: number) => {
    const rgb = new Float32Array(n * 3).fill(150);
    addPhotoGrain(rgb, photo, mask, g, eyeWidth);
    // over the open eye: the spread of the grain and how alike neighbouring cells are
    let spread = 0, step = 0, m = 0;
    const r = Math.round((lineAt(g.lid, 0.5) - PATCH_V0) * PATCH_PPW);
    for (let c = Math.round((0.3 - PATCH_U0) * PATCH_PPW); c < Math.round((0.7 - PATCH_U0) * PATCH_PPW); c++) {
      const a = rgb[(r * PATCH_W + c) * 3]! - 150, b = rgb[(r * PATCH_W + c + 1) * 3]! - 150;
      spread += Math.abs(a); step += Math.abs(a - b); m++;
    }
    return { spread: spread / m, step: step / m };
  };
  const sharp = grainOf(60), small = grainOf(22);
  assert.ok(sharp.spread > 1, 'the sharp photo gets grain');
  assert.ok(small.step < 0.6 * sharp.step, `the small photo's grain changes less from cell to cell (${small.step.toFixed(2)} vs ${sharp.step.toFixed(2)})`);
  assert.ok(small.spread > 0.6 * sharp.spread, `and keeps most of its spread (${small.spread.toFixed(2)} vs ${sharp.spread.toFixed(2)})`);
});

test('shut lid grain: specks over 5 % of a smooth band are clipped at a few of its spreads, not dealt as pale flecks (s52)', () => {
  // a smooth band (values -1..1) with 8 % bright specks at +9 (lp_s7's image-right cheek band: spread .95, 95th percentile +8.4)
  const band = Array.from({ length: 400 }, (_, i) => (i % 25 < 2 ? 9 : ((i * 7) % 21) / 10 - 1));
  const [lo, hi] = grainBounds(band);
  assert.ok(hi < 4, `the specks' values are no grain: clipped at ${hi.toFixed(2)}`);
  assert.ok(lo < -0.5 && hi > 0.5, 'the band\'s own small grain passes');
  const was = grainTailSetting.spreads;
  try {
    grainTailSetting.spreads = 0;
    assert.ok(grainBounds(band)[1] > 8, 'percentiles alone (before s52) let the specks through');
  } finally { grainTailSetting.spreads = was; }
  // a grainy band without specks keeps its percentiles
  const grainy = Array.from({ length: 400 }, (_, i) => ((i * 13) % 41) / 5 - 4);
  const sorted = [...grainy].sort((a, b) => a - b);
  assert.equal(grainBounds(grainy)[1], sorted[Math.ceil(0.95 * (sorted.length - 1))]);
});
