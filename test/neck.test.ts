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

test('the neck lags a turn behind the jaw; the photo pose is unchanged by it', async () => {
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
  const still = r.meshVertices(at(0));
  const x0 = Float32Array.from(still.x);
  const turned = r.meshVertices(at(25));
  for (const [i, v] of pairs) {
    assert.ok(Math.abs(x0[i]! - x0[v]!) < 1e-3, 'together at rest');
    const jaw = turned.x[i]! - x0[i]!, neck = turned.x[v]! - x0[v]!;
    assert.ok(Math.abs(jaw) > 5 && Math.abs(neck) < Math.abs(jaw) * (1 - 0.5 * avatar.neckLag[v]!), `landmark ${i}: jaw moves ${jaw.toFixed(1)} px, the neck under it ${neck.toFixed(1)} px`);
  }
});
