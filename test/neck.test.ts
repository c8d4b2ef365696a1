// The neck as its own surface behind the jaw (issue 15): it turns less than the head, the jaw
// passes in front of it, and the photo's pose renders exactly as if it were not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { type Avatar } from '../src/avatar/build.ts';
import { buildAvatar } from './builtAvatar.ts';
import { MATERIAL } from '../src/avatar/types.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { MotionFrame } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

/** The same avatar without the neck's lag and the strip under the jaw. */
function withoutNeck(a: Avatar): Avatar {
  const keep: number[] = [];
  for (let t = 0; t < a.material.length; t++) if (a.material[t] !== MATERIAL.underJaw) keep.push(t);
  return {
    ...a,
    neckLag: new Float32Array(a.vertexCount),
    triangles: Uint32Array.from(keep.flatMap((t) => [a.triangles[t * 3]!, a.triangles[t * 3 + 1]!, a.triangles[t * 3 + 2]!])),
    material: Uint8Array.from(keep.map((t) => a.material[t]!)),
  };
}

test('the neck lags behind the jaw on the side turning away; the photo pose is unchanged by it', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'mt_man.png'));
  assert.ok(avatar.material.some((m) => m === MATERIAL.underJaw), 'a strip under the jaw');
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const plain = createRenderer(withoutNeck(avatar), { width: 512, height: 512 });
  const nf = r.neutralFrame();
  const at = (yaw: number): MotionFrame => ({ ...nf, pose: { ...nf.pose, yaw } });
  assert.deepEqual(r.render(at(0)).data, Uint8ClampedArray.from(plain.render(at(0)).data));
  // the neck's top edge: copies of jaw-line landmarks (same rest position) with a lag
  const rest = avatar.rest;
  const pairs: [number, number][] = [];
  for (const i of FACE_OVAL) {
    for (let v = 478; v < avatar.vertexCount; v++) {
      if (avatar.neckLag[v]! > 0.1 && rest[v * 3] === rest[i * 3] && rest[v * 3 + 1] === rest[i * 3 + 1] && rest[v * 3 + 2] === rest[i * 3 + 2]) pairs.push([i, v]);
    }
  }
  assert.ok(pairs.length >= 2, `neck seam copies of jaw landmarks: ${pairs.length}`);
  const x0 = Float32Array.from(r.meshVertices(at(0)).x);
  const left = Float32Array.from(r.meshVertices(at(-25)).x), right = Float32Array.from(r.meshVertices(at(25)).x);
  const chinX = x0[152]!;
  let lagged = 0;
  for (const [i, v] of pairs) {
    assert.ok(Math.abs(x0[i]! - x0[v]!) < 1e-3, 'together at rest');
    // +yaw turns the image-right side away: the jaw slides over the neck there; the other side
    // (the one the turn shows) keeps the neck with the jaw, no uncovered underside
    const away = x0[i]! > chinX ? right : left, toward = x0[i]! > chinX ? left : right;
    const jaw = away[i]! - x0[i]!, neck = away[v]! - x0[v]!;
    if (Math.abs(x0[i]! - chinX) > 0.2 * avatar.head.faceWidth) {
      // relative to the neck under it, the jaw moves outward (over the neck)
      const outward = Math.sign(x0[i]! - chinX);
      assert.ok((jaw - neck) * outward > 2, `landmark ${i}: jaw moves ${jaw.toFixed(1)} px, the neck under it ${neck.toFixed(1)} px`);
      assert.ok(Math.abs(toward[i]! - toward[v]!) < 0.5, `landmark ${i} on the side the turn shows: the neck stays with the jaw`);
      lagged++;
    }
  }
  assert.ok(lagged >= 2, `jaw-side landmarks checked: ${lagged}`);
});

/** Largest texture-to-screen stretch (singular value) over the skin triangles of the sheet below the chin at this frame. */
function stretchBelowChin(avatar: Avatar, frame: MotionFrame): number {
  const r = createRenderer(avatar, { width: avatar.size, height: avatar.size });
  const { x, y, triangles } = r.meshVertices(frame);
  const uv = avatar.uv, chinY = avatar.rest[152 * 3 + 1]!;
  let worst = 0;
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!, b = triangles[t + 1]!, c = triangles[t + 2]!;
    if (avatar.material[t / 3] !== MATERIAL.skin || (a < 478 && b < 478 && c < 478)) continue;
    if ((uv[a * 2 + 1]! + uv[b * 2 + 1]! + uv[c * 2 + 1]!) / 3 < chinY) continue;
    const du1 = uv[b * 2]! - uv[a * 2]!, dv1 = uv[b * 2 + 1]! - uv[a * 2 + 1]!, du2 = uv[c * 2]! - uv[a * 2]!, dv2 = uv[c * 2 + 1]! - uv[a * 2 + 1]!;
    const det = du1 * dv2 - du2 * dv1;
    const dx1 = x[b]! - x[a]!, dy1 = y[b]! - y[a]!, dx2 = x[c]! - x[a]!, dy2 = y[c]! - y[a]!;
    // skip slivers (a few square pixels on screen) whose stretch no one sees
    if (Math.abs(det) < 1e-6 || Math.abs(dx1 * dy2 - dx2 * dy1) < 40) continue;
    // screen = J * texture; the largest singular value of J
    const j00 = (dx1 * dv2 - dx2 * dv1) / det, j01 = (dx2 * du1 - dx1 * du2) / det, j10 = (dy1 * dv2 - dy2 * dv1) / det, j11 = (dy2 * du1 - dy1 * du2) / det;
    const A = j00 * j00 + j10 * j10, B = j00 * j01 + j10 * j11, C = j01 * j01 + j11 * j11;
    worst = Math.max(worst, Math.sqrt((A + C) / 2 + Math.sqrt((A - C) ** 2 / 4 + B * B)));
  }
  return worst;
}

test('below the chin the sheet recedes over a span, not a wall: a raised, turned chin shows no stretched row', async () => {
  const avatar = buildAvatar(await analyzePortrait(PORTRAITS + 'lp_s42.jpg'));
  const nf = createRenderer(avatar, { width: 64, height: 64 }).neutralFrame();
  // Katie at 1.4 s (bench/edges.ts driver pose): turned, chin up, tilted
  const stretch = stretchBelowChin(avatar, { ...nf, pose: { yaw: -24, pitch: -17, roll: 9, tx: 0.09, ty: -0.06, tz: -0.13 } });
  // a one-pixel wall under the jaw stretched one texture row 30-40x here
  assert.ok(stretch < 8, `largest stretch below the chin ${stretch.toFixed(1)}x`);
});
