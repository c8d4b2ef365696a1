// The back of the head (avatar/backShell.ts), hair beside the cheeks (hairShell.ts hairRunLength)
// and the renderer's under-fill (raster.ts rasterTriangleUnder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outlinePoints, addBackShell } from '../src/avatar/backShell.ts';
import { hairRunLength } from '../src/avatar/hairShell.ts';
import { MeshBuilder } from '../src/avatar/mesh.ts';
import { circleHead } from './headShapes.ts';
import type { GrayImage, MotionFrame } from '../src/types.ts';
import type { RasterTarget } from '../src/render/raster.ts';
import { rasterTriangleUnder } from '../src/render/rasterFarSide.ts';
import { MATERIAL, type Avatar } from '../src/avatar/types.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');


test('the back band: no area at the photo\'s pose, deeper the further from the head\'s axis, none below the ears, its texture ends past the outline', () => {
  const size = 200, c = 100, r = 40;
  const data = Float32Array.from({ length: size * size }, (_, i) => (Math.hypot((i % size) - c, Math.floor(i / size) - c) <= 60 ? 1 : 0));
  const matte: GrayImage = { width: size, height: size, data };
  // the ear line at the outline's bottom (30 px below the centre)
  const head = circleHead(c, r, c + 30);
  const ovalPos = Array.from({ length: 36 }, (_, j) => {
    const a = (j / 36) * 2 * Math.PI;
    return [c + 30 * Math.cos(a), c + 30 * Math.sin(a), -10] as [number, number, number];
  });
  const points = outlinePoints(ovalPos, [c, c], head, matte, () => 5);
  // straight right (j = 0): the outline 60 px from the centre, the band starts 8 px inside it
  assert.ok(Math.abs(points[0]!.x - (c + 52)) < 1.5, `x ${points[0]!.x}`);
  // at the ear line (straight down, j = 9) no band; above (straight up, j = 27; right, j = 0) a full one
  assert.equal(points[9]!.weight, 0);
  assert.equal(points[27]!.weight, 1);
  assert.equal(points[0]!.weight, 1);
  const mesh = new MeshBuilder();
  addBackShell(mesh, points, head);
  const pos = mesh.positions, uv = mesh.uvs;
  const rings = 4, at = (j: number, k: number) => j * rings + k;
  for (const j of [0, 18, 27]) {
    const v0 = at(j, 0), v3 = at(j, rings - 1);
    // same image position on every ring (zero area at rest), deeper outward
    assert.equal(pos[v0 * 3], pos[v3 * 3]);
    assert.equal(pos[v0 * 3 + 1], pos[v3 * 3 + 1]);
    assert.ok(pos[v3 * 3 + 2]! >= pos[v0 * 3 + 2]!);
  }
  // depth grows with the distance from the vertical axis: the sides (j = 0, 52 px out) 0.35 x 52
  // deeper than the crown (j = 27, on the axis; both also have what the inset takes back)
  const depth = (j: number) => pos[at(j, rings - 1) * 3 + 2]! - pos[at(j, 0) * 3 + 2]!;
  assert.ok(Math.abs(depth(0) - depth(27) - 0.35 * 52) < 1, `side ${depth(0)}, crown ${depth(27)}`);
  // texture: the innermost ring samples inside the outline, the outermost just past it (the soft edge)
  assert.ok(uv[at(0, 0) * 2]! < c + 52 && uv[at(0, rings - 1) * 2]! > c + 60, `u ${uv[at(0, 0) * 2]} .. ${uv[at(0, rings - 1) * 2]}`);
  // every band triangle is of the back-of-head material (drawn under everything)
  assert.ok(mesh.materials.length > 0 && mesh.materials.every((m) => m === MATERIAL.backOfHead));
});

test('hairRunLength: hair beside the cheek counts, an ear (skin) ends the run, the cheek\'s own rim is skipped', () => {
  const size = 100;
  const matte: GrayImage = { width: size, height: size, data: new Float32Array(size * size).fill(1) };
  // along row 50 from x = 10: 3 px of skin (the cheek's rim), hair to x = 40, skin (an ear) from 40, nothing past 60
  const skin = (x: number) => x <= 13 || (x >= 40 && x < 60);
  for (let x = 60; x < size; x++) matte.data[50 * size + x] = 0;
  assert.equal(hairRunLength(matte, (x) => skin(x), 10, 50, 1, 0, 80, 2), 29);
  // without the ear the run goes on to the matte's end
  assert.equal(hairRunLength(matte, (x) => x <= 13, 10, 50, 1, 0, 80, 2), 49);
});

test('rasterTriangleUnder fills only the transparency left: opaque pixels keep their colour, half-covered ones blend', () => {
  const W = 8, H = 8;
  const t: RasterTarget = { width: W, height: H, color: new Uint32Array(W * H), depth: new Float32Array(W * H) };
  const pack = (r: number, g: number, b: number, a: number) => (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
  t.color[2 * W + 2] = pack(200, 0, 0, 255);
  t.color[2 * W + 3] = pack(50, 0, 0, 128);
  const tex = { width: 1, height: 1, data32: Uint32Array.of(pack(0, 100, 0, 255)) };
  const x = Float32Array.of(0, 8, 0, 8), y = Float32Array.of(0, 0, 8, 8), uv = new Float32Array(8).fill(0.5);
  rasterTriangleUnder(t, tex, x, y, uv, 0, 1, 2);
  rasterTriangleUnder(t, tex, x, y, uv, 1, 3, 2);
  assert.equal(t.color[2 * W + 2], pack(200, 0, 0, 255));
  const half = t.color[2 * W + 3]!;
  assert.equal(half & 255, 50);
  assert.ok(Math.abs(((half >>> 8) & 255) - 50) <= 1 && half >>> 24 === 255, `blend ${half.toString(16)}`);
  assert.equal(t.color[5 * W + 5], pack(0, 100, 0, 255));
  assert.equal(t.depth[5 * W + 5], 0, 'keeps no depth');
});

test('mt_man: the rest frame is the same without the back band; at -25 it widens the head on the side the turn shows', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'mt_man.png'));
  const keep = Array.from(avatar.material.keys()).filter((t) => avatar.material[t] !== MATERIAL.backOfHead);
  assert.ok(keep.length < avatar.material.length, 'the avatar has a back band');
  const without: Avatar = {
    ...avatar,
    triangles: Uint32Array.from(keep.flatMap((t) => [avatar.triangles[t * 3]!, avatar.triangles[t * 3 + 1]!, avatar.triangles[t * 3 + 2]!])),
    material: Uint8Array.from(keep.map((t) => avatar.material[t]!)),
  };
  const opts = { width: 512, height: 512 };
  const a = createRenderer(avatar, opts), b = createRenderer(without, opts);
  const nf = a.neutralFrame();
  assert.deepEqual(Buffer.from(a.render(nf).data), Buffer.from(b.render(nf).data));
  const frame: MotionFrame = { ...nf, pose: { ...nf.pose, yaw: -25 } };
  // -25 shows the image-right side: count opaque person pixels right of the face centre
  const opaqueRight = (img: { data: Uint8ClampedArray }) => {
    let count = 0;
    for (let y = 0; y < 300; y++) for (let x = 256; x < 512; x++) if (img.data[(y * 512 + x) * 4 + 3]! > 200) count++;
    return count;
  };
  const withBand = opaqueRight(a.render(frame, { background: null })), noBand = opaqueRight(b.render(frame, { background: null }));
  assert.ok(withBand > noBand + 200, `opaque pixels on the revealed side: ${noBand} -> ${withBand}`);
});
