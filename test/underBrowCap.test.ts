// s50 (browband50): the band a raised brow uncovers is no lighter than the photo's own lit socket skin
// (render/underBrowShade.ts socketCap/capTarget): a forehead-lit target over a moderately shaded socket (mt_man) is
// brought down to the socket's light in the socket's warm colour; a band whose photo is as light as its target is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capTarget, socketCap, underBrowCapSetting } from '../src/render/underBrowShade.ts';

const luma = (d: ArrayLike<number>, o: number) => 0.3 * d[o]! + 0.59 * d[o + 1]! + 0.11 * d[o + 2]!;

test('capTarget: a lit target over a shaded socket comes down to the socket skin, warm; a lit socket is left', () => {
  const n = 40, t = Float32Array.from({ length: n }, (_, q) => 0.2 + (0.6 * q) / (n - 1));
  // the photo's band: socket skin of luma ~100-130 (warm), the target the forehead's grey-ish light ~190
  const photo = new Uint8ClampedArray(n * 3);
  for (let q = 0; q < n; q++) { const v = 100 + (30 * q) / n; photo[q * 3] = v * 1.25; photo[q * 3 + 1] = v * 0.92; photo[q * 3 + 2] = v * 0.8; }
  const target = new Float32Array(n * 3); for (let q = 0; q < n; q++) { target[q * 3] = 200; target[q * 3 + 1] = 188; target[q * 3 + 2] = 180; }
  const sock = socketCap(photo, t);
  assert.ok(sock, 'enough band texels');
  const socketLight = [...Array(n).keys()].map((q) => luma(photo, q * 3)).sort((a, b) => a - b)[Math.ceil(0.75 * n) - 1]!;
  assert.ok(Math.abs(sock.cap - underBrowCapSetting.lift * socketLight) < 2, `cap ${sock.cap} vs socket ${socketLight}`);
  const tg = Float32Array.from(target), g = new Float32Array(n).fill(4);
  capTarget(tg, g, sock);
  for (let q = 0; q < n; q++) assert.ok(luma(tg, q * 3) <= sock.cap + 0.5, `texel ${q} luma ${luma(tg, q * 3)} over cap ${sock.cap}`);
  assert.ok(luma(tg, 0) < luma(target, 0) - 30, 'much darker than the forehead light');
  // warmer than the grey-ish target scaled down would be (r/b of the socket, not of the forehead)
  assert.ok(tg[0]! / tg[2]! > target[0]! / target[2]! + 0.1, `warm: ${tg.slice(0, 3).join(',')}`);
  assert.ok(g[0]! < 4, 'grain scaled with the light');
  // a band whose photo is as light as the target (a lit lid): untouched
  const lit = new Uint8ClampedArray(n * 3).fill(200), t2 = Float32Array.from(target);
  capTarget(t2, new Float32Array(n), socketCap(lit, t));
  assert.deepEqual(t2, target, 'lit socket: untouched');
  const was = underBrowCapSetting.on; underBrowCapSetting.on = false;
  try { assert.equal(socketCap(photo, t), null, 'off: no cap'); } finally { underBrowCapSetting.on = was; }
});
