// The neck as its own surface behind the jaw (issue 15): it turns less than the head, the jaw
// passes in front of it, and the photo's pose renders exactly as if it were not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { analyzePortrait } from '../src/analyze/index.ts';
import { buildAvatar, type Avatar } from '../src/avatar/build.ts';
import { MATERIAL } from '../src/avatar/types.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { MotionFrame } from '../src/types.ts';

const PORTRAITS = fileURLToPath(new URL('../../shared/data/portraits/', import.meta.url));

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
