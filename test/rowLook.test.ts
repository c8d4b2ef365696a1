// Session 28 (issue #13, slab28): where the photo shows no teeth the library's upper row read as a white
// slab (st_art_1 <- Katie's smiles, lp_s12's blob, st_art_1's and lp_s7's speech rows one soft band): its
// separations a quarter as deep as a real row's and its corners a grey fade where real smiles end in a dark
// corridor (bench/rowStructure.ts). rowLook.ts draws rounder teeth with deeper lines on that row, and the
// corridor at a lit row's corners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { FrameLight, type MouthPlacement } from '../src/render/mouth/frameLight.ts';
import { corridorLight, libraryRelief, softFade, TEXTURED_RELIEF, CLEAN_RELIEF } from '../src/render/mouth/rowLook.ts';
import { PLAIN_RELIEF } from '../src/render/mouth/toothRelief.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits');
const PLACE: MouthPlacement = { upperX: 32, upperY: 10, lowerX: 32, lowerY: 40, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 100, gap: 0.1, photoGap: 0, rebuilt: 1 };
const lightAt = (p: Partial<MouthPlacement>, fromPhoto = false) => {
  const layers = { upper: null, lower: null, tongue: null, cavity: [20, 10, 12], fromPhoto } as never;
  const l = new FrameLight();
  l.set({ ...PLACE, ...p }, layers, null, null, [140, 60, 55], [180, 100, 90]);
  return l;
};

test("a smiling library row's corners fall into the dark corridor; the middle, a small parting, a wide opening and a photo's own teeth keep their light", () => {
  assert.equal(corridorLight(0.7, 1), 1);
  assert.ok(corridorLight(1, 1) < 0.25, `corner ${corridorLight(1, 1).toFixed(2)}`);
  const smile = lightAt({ smile: 0.8, gap: 0.15 }), speech = lightAt({ gap: 0.05 }), own = lightAt({ smile: 0.8, gap: 0.15 }, true);
  assert.equal(smile.corridor, 1);
  assert.equal(speech.corridor, 0);
  assert.equal(own.corridor, 0);
  // (a wide opening without a smile keeps its lit corners: lp_d6's self-reenactment, test/mouthWide)
  assert.equal(lightAt({ gap: 0.3 }).corridor, 0);
  assert.equal(libraryRelief(true), PLAIN_RELIEF);
});

/** Per pixel column across the rendered opening (78 to 308), the mean luma of its upper half, and each column's s (-1..1). */
function upperProfile(d: Uint8ClampedArray | Uint8Array, lm: ArrayLike<ArrayLike<number>>): { s: number[]; p: number[] } {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((k) => [lm[k]![0]!, lm[k]![1]!] as [number, number]);
  const mask = polygonMask(poly, 512, 512);
  const x0 = Math.min(lm[78]![0]!, lm[308]![0]!), x1 = Math.max(lm[78]![0]!, lm[308]![0]!), cx = (x0 + x1) / 2, half = (x1 - x0) / 2;
  const s: number[] = [], p: number[] = [];
  for (let x = Math.floor(x0); x <= Math.ceil(x1); x++) {
    const ys: number[] = [];
    for (let y = 0; y < 512; y++) if (mask[y * 512 + x]) ys.push(y);
    if (ys.length < 2) continue;
    const top = ys.slice(0, Math.ceil(ys.length / 2));
    p.push(top.reduce((a, y) => a + 0.299 * d[(y * 512 + x) * 4]! + 0.587 * d[(y * 512 + x) * 4 + 1]! + 0.114 * d[(y * 512 + x) * 4 + 2]!, 0) / top.length);
    s.push((x + 0.5 - cx) / half);
  }
  return { s, p };
}

test("st_art_1 (a painting without teeth): its speech row shows separate teeth, its smile's corners are dark", async () => {
  const r = createRenderer(buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'st_art_1.png'))), { width: 512, height: 512 });
  const n = r.neutralFrame();
  const at = (w: Record<string, number>) => { const f = { ...n, w: { ...n.w, ...w } }; return upperProfile(r.render(f).data, r.landmarks(f)); };
  // the lines between teeth: the profile's dips under its running mean over ~0.08 IOD (7 px here), within |s| < .6
  const { s, p } = at({ jawOpen: 0.3 });
  const inner = p.filter((_, i) => Math.abs(s[i]!) < 0.25).sort((a, b) => a - b), centre = inner[inner.length >> 1]!;
  const resid = p.map((v, i) => v - p.slice(Math.max(0, i - 4), i + 5).reduce((a, b) => a + b, 0) / p.slice(Math.max(0, i - 4), i + 5).length).filter((_, i) => Math.abs(s[i]!) < 0.6);
  const rms = Math.sqrt(resid.reduce((a, v) => a + v * v, 0) / resid.length) / centre;
  // (main 64cd961: .056; slab28's full look .094, its half at rounding 3x .069 (4x kept, after critic28's pickets); a real
  // row's dips .18 of its centre, bench/rowStructure.ts; session 30, rowpic30: keyed on the picture's texture, st_art_1 reads .84 textured: .075 -> .095)
  // (s40 teeth40: speech's flatter front, speechRow.ts, .078 -> .062; real speech rows' rms .053-.081, lp_d6 / lp_d10 / mt_sun,
  // bench/rowStructure.ts: still separate teeth, no longer the picket's rounded blocks)
  // (s42 teeth42: the speech row's lines near the tips .6 of their rise, its rounding 5 -> 3.5, speechRow.ts: .062 -> .050; at the
  // critic's speech frames, st_art_1 + japanese f42/f72, bench/rowStructure.ts rms .061 -> .057, gaps .123 -> .099 deep [real rows
  // .05-.08, .07-.10]: this jaw .3 frame reads lower than the speech frames do; lp_s12 / lp_s2 here read .094 / .099, over every real row)
  assert.ok(rms > 0.045, `separations rms ${rms.toFixed(3)}`);
  const smile = at({ jawOpen: 0.25, mouthSmileLeft: 0.8, mouthSmileRight: 0.8 });
  const mid = smile.p.filter((_, i) => Math.abs(smile.s[i]!) < 0.25), ends = smile.p.filter((_, i) => Math.abs(smile.s[i]!) > 0.85);
  const corner = ends.reduce((a, b) => a + b, 0) / ends.length / (mid.reduce((a, b) => a + b, 0) / mid.length);
  // (main 64cd961: .254, a grey fade; Katie's smiles .07-.12)
  assert.ok(corner < 0.2, `smile corner ${corner.toFixed(3)} of the centre's luma`);
});

test("a soft picture's row loses the textured look (lp_s9 <- lp_d11 f150's picket fence); a crisp one keeps it (s53 greyteeth53)", () => {
  assert.equal(softFade(0), 0);
  assert.equal(softFade(0.33), 0, 'lp_s5 at 512 px, st_art_1, lp_s12: none');
  assert.equal(softFade(1), 1);
  const crisp = libraryRelief(false, 1, 0.3), soft = libraryRelief(false, 1, 0.97), half = libraryRelief(false, 1, 0.75);
  assert.equal(crisp.round, TEXTURED_RELIEF.round, 'a crisp painting: distinct teeth');
  assert.ok(Math.abs(soft.round - CLEAN_RELIEF.round) < 0.1 * (TEXTURED_RELIEF.round - CLEAN_RELIEF.round), `soft: round ${soft.round.toFixed(2)}`);
  assert.ok(soft.lines < crisp.lines && half.round < crisp.round && half.round > soft.round, 'fades with the softness');
  assert.deepEqual(libraryRelief(true, 1, 1), PLAIN_RELIEF, "a photo's own teeth keep theirs");
});
