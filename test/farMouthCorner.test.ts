// A turned head's far mouth corner drawn once (issue #15, session 32): the nose's keep-out ramp no
// longer reaches the lips (avatar/turnTexturing.ts LIP_POINTS), so lp_s10's far corner takes its
// mirror partner's corner nearly whole instead of mixing it half and half with its own stretched lip
// end (a pale pink second lip beside the red one at +12.5 / +25). src/eval/cornerPaleLip.ts reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { paleLipAtCorner } from '../src/eval/cornerPaleLip.ts';
import { farLipOnTurns } from '../src/avatar/farLipOnTurn.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { RgbaImage } from '../src/types.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');

/** 60 x 40 px: skin, a lip from x 30 rightward (rows 15-25), and optionally a half-tone lip (the two mixed) from x 18 to 30. */
function corner(halfTone: boolean): RgbaImage {
  const w = 60, h = 40, data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const lip = y >= 15 && y < 25 && x >= 30, pale = halfTone && y >= 13 && y < 23 && x >= 18 && x < 30;
    const c = lip ? [190, 70, 70] : pale ? [202, 128, 120] : [215, 185, 170]; // pale: lip and skin half and half
    data.set([...c, 255], (y * w + x) * 4);
  }
  return { width: w, height: h, data };
}

test('paleLipAtCorner: a corner drawn once has no half-tone lip, a pale second lip beside it does', () => {
  const once = paleLipAtCorner(corner(false), [30, 20], -1, 50), twice = paleLipAtCorner(corner(true), [30, 20], -1, 50);
  assert.equal(once.count, 0);
  assert.ok(twice.count >= 100, `${twice.count}`);
  assert.ok(twice.lip > twice.skin + 0.1);
});

test('farLipOnTurns: a frontal face (no far side) gets no turn texture', () => {
  const out = new Map<number, [number, number]>();
  farLipOnTurns(corner(true), new Float64Array(478 * 3), new Float32Array(478 * 2), new Set(), 0, out);
  assert.equal(out.size, 0);
});

test('lp_s10: the far mouth corner keeps its mirror reach; at +25 fewer half-tone lip pixels, no red line along the outline, the rest frame untouched', async () => {
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'lp_s10.jpg')));
  // the far corner and the upper lip beside it: .51 / .40 / .23 when the nose's ramp reached them
  for (const v of [61, 185, 40]) assert.ok(avatar.mirrorReach[v]! > 0.6, `reach ${v}: ${avatar.mirrorReach[v]!.toFixed(2)}`);
  // the far oval beside the corner samples the painted lip: on turns toward it, the skin past the lip (farLipOnTurn.ts)
  for (const v of [172, 136]) {
    assert.equal(avatar.clearSide?.[v], -1, `clear side of ${v}`);
    assert.ok(avatar.uvCleared![v * 2]! < avatar.uv[v * 2]! - 2, `${v} moves image-left`);
  }
  const draw = (a: typeof avatar, yaw: number) => {
    const r = createRenderer(a, { width: a.size, height: a.size });
    const f = { ...r.neutralFrame(), pose: { ...r.neutralFrame().pose, yaw } };
    const lm = r.landmarks(f) as number[][];
    const bare = r.render(f, { background: null });
    const bareCopy = { ...bare, data: Uint8ClampedArray.from(bare.data) };
    const img = r.render(f);
    return { img: { ...img, data: Uint8ClampedArray.from(img.data) }, bare: bareCopy, lm };
  };
  const { img, bare, lm } = draw(avatar, 25);
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
  const read = paleLipAtCorner(img, [lm[61]![0]!, lm[61]![1]!], -1, iod, bare);
  assert.ok(read.count < 110, `half-tone lip px at +25: ${read.count} (144 before, 82 after)`);
  assert.ok(read.outlineRed <= 3, `lip-tinted px along the outline at +25: ${read.outlineRed} (8 before, 1 after)`);
  // the mirror shows only on turns: the rest frame is the same with it off
  const rest = draw(avatar, 0).img.data, off = draw({ ...avatar, mirrorReach: new Float32Array(avatar.vertexCount) }, 0).img.data;
  assert.ok(rest.every((b, i) => b === off[i]));
});
