// The real shut eye (src/render/closedEye): the eye frame's math, the committed library, and the
// fit to a photo (bake) on a synthetic face: grey photos stay grey, the lid takes the photo's skin,
// the lash line is dark, and the mask covers the open eye but not the brow or the cheek.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eyeFrame, toEye, toImage, EYE_SIDES, PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H } from '../src/render/closedEye/frame.ts';
import { closedEyeLibrary, eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { bakeEye } from '../src/render/closedEye/overlay.ts';

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

/** A synthetic face: two eyes of 60 px, flat grey skin, a dark open eye (lash line and iris). */
function syntheticFace(skin: [number, number, number]) {
  const W = 400, H = 300;
  const pts = new Map<number, [number, number]>();
  const eyes = [{ outer: [100, 120], inner: [160, 120] }, { outer: [300, 120], inner: [240, 120] }];
  EYE_SIDES.forEach((s, side) => {
    const [ox, oy] = eyes[side]!.outer as [number, number], [ix, iy] = eyes[side]!.inner as [number, number];
    s.upper.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) - 16 * Math.sin(Math.PI * t)]); });
    s.lower.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) + 10 * Math.sin(Math.PI * t)]); });
    s.crease.forEach((i, q) => { const t = q / 8; pts.set(i, [ox + t * (ix - ox), oy + t * (iy - oy) - 8 - 22 * Math.sin(Math.PI * t)]); });
  });
  pts.set(13, [200, 230]); pts.set(14, [200, 236]);
  const data = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const o = (y * W + x) * 4;
    // the open eyes: dark inside the lid lines
    const inEye = [[130, 114], [270, 114]].some(([cx, cy]) => ((x - cx!) / 30) ** 2 + ((y - cy!) / 13) ** 2 < 1);
    for (let ch = 0; ch < 3; ch++) data[o + ch] = inEye ? skin[ch]! * 0.25 : skin[ch]!;
    data[o + 3] = 255;
  }
  return { texture: { width: W, height: H, data }, xy: (i: number) => pts.get(i) ?? [200, 200] };
}

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
