// A hard glance moves the photo's iris whole and round (s46 iris46, critic45 worst #3: lp_s10 <- lp_d14b f22-30 "a black
// ink blob with a ragged edge", lp_s12 <- lp_d0 f18-60 "a ragged flat-topped black wedge"). The darkness matte moved
// lp_s10's pupil without the painted grey-blue lower ring and lp_s12's iris texel by texel with the lid shade beside it.
// On the real photos at gaze x -1 / +1 the moved iris's dark edge is rounder (bench/irisShape.ts readIris: the std of
// its edge texels' distance to the blob's centroid over their mean) than with the darkness matte alone, summed over the
// eyes, and lp_s10's image-right eye toward the nose (the named ink blob) by a third; a small look draws as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundAlpha, roundDisc, ROUND_MAX, ROUND_MIN } from '../src/render/roundIris.ts';
import { irisOverWhite } from '../src/render/gazeIris.ts';
import type { IrisDisc } from '../src/render/irisDisc.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../src/rig/topology.ts';
import { irisCut, readIris } from '../bench/irisShape.ts';

test('round iris: the disc from the limbus, kept near the mesh ring', () => {
  // both sides read: centred between them, radius their mean plus half a texel
  const d = roundDisc(10, 20, 8, [7, 9], 20);
  assert.equal(d.cx, 11); assert.equal(d.cy, 20); assert.equal(d.r, 8.5);
  // a misread limbus stays within ROUND_MIN / ROUND_MAX of the ring, and within the white's disc
  assert.equal(roundDisc(10, 20, 8, [3, 3], 20).r, ROUND_MIN * 8);
  assert.equal(roundDisc(10, 20, 8, [14, 14], 20).r, ROUND_MAX * 8);
  assert.equal(roundDisc(10, 20, 8, [14, 14], 9).r, 9);
  // one side read: centred on the mesh's centre; none: the ring
  assert.equal(roundDisc(10, 20, 8, [0, 8], 20).cx, 10);
  assert.equal(roundDisc(10, 20, 8, [0, 0], 20).r, 8.5);
  // the centre moves at most a quarter ring toward the far-reading side
  assert.equal(roundDisc(10, 20, 8, [2, 12], 20).cx, 12);
  // soft over one texel at the rim
  assert.equal(roundAlpha(0, 5), 1); assert.equal(roundAlpha(5, 5), 0.5); assert.equal(roundAlpha(6, 5), 0);
});

test('round iris: lp_s10 and lp_s12\'s glancing iris rounder; small looks unchanged', async () => {
  const { gazeIrisOf } = await import('./gazeIrisOf.ts');
  const lines: string[] = [];
  const rag = [0, 0];
  for (const photo of ['lp_s10.jpg', 'lp_s12.jpg']) {
    const { avatar, tex, gaze, step } = await gazeIrisOf(photo);
    gaze.discs.forEach((d, e) => {
      assert.ok(d.round, `${photo} eye ${e}: a round iris`);
      const off: IrisDisc = { ...d, round: null };
      const ring = (d.radius - 1.5) / 1.3;
      const poly = (e === 0 ? EYE_L_LOOP : EYE_R_LOOP).map((i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!] as [number, number]);
      const cut = irisCut((x, y) => tex.data32[y * tex.width + x]!, poly, d.cx, d.cy, ring);
      const read = (g: number) => {
        gaze.set(g * step, 0);
        const [sx, sy] = gaze.shiftOf(e);
        let changed = 0;
        const at = (disc: IrisDisc) => (x: number, y: number) => irisOverWhite(tex, disc, x + 0.5, y + 0.5, sx, sy);
        for (let y = Math.floor(d.cy - 2 * ring); y <= d.cy + 2 * ring; y++) for (let x = Math.floor(d.cx - 3 * ring); x <= d.cx + 3 * ring; x++) if (at(d)(x, y) !== at(off)(x, y)) changed++;
        return { on: readIris(at(d), poly, d.cx + sx, d.cy + sy, ring, cut), was: readIris(at(off), poly, d.cx + sx, d.cy + sy, ring, cut), changed };
      };
      // a small look: under GLANCE_FROM (.3) of the eye's open reach on either side
      const small = (0.25 * Math.min(...(d.open ?? d.reach.slice(0, 2)))) / step;
      assert.equal(read(small).changed, 0, `${photo} eye ${e}: a small look draws as before`);
      assert.equal(read(-small).changed, 0, `${photo} eye ${e}: a small look draws as before`);
      for (const g of [-1, 1]) {
        const r = read(g);
        lines.push(`${photo} eye ${e} gaze ${g}: rag ${r.was.rag.toFixed(2)} -> ${r.on.rag.toFixed(2)}, dark blob ${r.was.n} -> ${r.on.n}`);
        if (!Number.isFinite(r.was.rag) || !Number.isFinite(r.on.rag)) continue;
        rag[0] += r.was.rag; rag[1] += r.on.rag;
      }
    });
  }
  console.log(lines.join('\n'));
  assert.ok(rag[1] < 0.85 * rag[0], `moved iris's edge raggedness summed: ${rag[0].toFixed(2)} without, ${rag[1].toFixed(2)} with`);
  // the named case: lp_s10's image-right eye looking toward the nose (the ink blob)
  const named = lines.find((l) => l.startsWith('lp_s10.jpg eye 0 gaze -1'))!;
  const [was, on] = named.match(/rag ([\d.]+) -> ([\d.]+)/)!.slice(1).map(Number);
  assert.ok(on! < 0.67 * was!, named);
});
