// s40 teeth40 (issue #13, the lead's look at lp_s2 + imagine.wav): a textured picture's library row drew
// its speech openings as lit blocks between dark slots, a picket (bench/rowStructure.ts: gaps .14-.16 of the
// centre's luma deep at main's speech openings; real speech rows, mt_sun / lp_d10 / lp_d6, .07-.10). The
// avatar now keeps a second upper row with a flatter front for speech and takes the rounded one in a grin
// (speechRow.ts), which the face mesh reads back (test/grinRendered.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { CLEAN_RELIEF, TEXTURED_RELIEF } from '../src/render/mouth/rowLook.ts';
import { roundedShare, speechRelief, speechRowDiffers, SpeechRows } from '../src/render/mouth/speechRow.ts';
import type { MotionFrame } from '../src/types.ts';
import { rowStructure } from '../bench/rowStructureFigures.ts';
import { sharedData } from '../bench/sharedData.ts';

test('speech takes the flat row, a held grin the rounded one; a clean photo keeps one row', () => {
  assert.equal(roundedShare(0), 0);
  assert.equal(roundedShare(0.4), 0, 'a smile while talking (lp_d10 grin .1-.5) is speech');
  assert.equal(roundedShare(1), 1);
  assert.ok(speechRelief(1).round < TEXTURED_RELIEF.round && speechRelief(1).roundPower > TEXTURED_RELIEF.roundPower);
  assert.equal(speechRowDiffers(CLEAN_RELIEF, speechRelief(0)), false);
  const a = { width: 1, height: 1, anchorX: 0, anchorY: 0, data: Float32Array.of(10, 10, 10, 1) };
  const b = { ...a, data: Float32Array.of(30, 30, 30, 1) };
  const rows = new SpeechRows(a, b);
  assert.equal(rows.at(0), a);
  assert.equal(rows.at(1), b);
  assert.equal(rows.at(0.8), rows.at(0.8), 'each step mixed once');
});

test("lp_s2 (grainy, textured): the speech opening's gaps between teeth shallower than the grin row's, the row as lit", async () => {
  const portrait = await analyzePortrait(sharedData('portraits/lp_s2.jpg'));
  const avatar = buildAvatar(portrait), size = portrait.image.width;
  const outPerIod = avatar.head.iod * (512 / size), mouth = readyMouth(avatar, outPerIod);
  assert.ok(mouth.upperSpeech, 'a textured picture without teeth of its own gets a speech row');
  // the same light: the rows' brightest teeth within 3 %
  const top = (l: { data: Float32Array }) => {
    const ys: number[] = [];
    for (let o = 0; o < l.data.length; o += 4) if (l.data[o + 3]! > 0.5) ys.push(l.data[o + 1]! / l.data[o + 3]!);
    ys.sort((x, y) => x - y);
    return ys[Math.floor(0.98 * (ys.length - 1))]!;
  };
  assert.ok(Math.abs(top(mouth.upperSpeech) / top(mouth.upper) - 1) < 0.03, `bright teeth ${top(mouth.upperSpeech)} vs ${top(mouth.upper)}`);
  // the front teeth's shading across the row (each column's mean luma over its opaque pixels, within .25 IOD of
  // the midline): how far it dips under the running brightest (a tooth's width), the picket's dark slots (lp_s2:
  // speech .034, grin .045; st_art_1 .042 / .053, lp_s12 .040 / .053)
  const dips = (l: { width: number; height: number; anchorX: number; data: Float32Array }) => {
    const reach = Math.round(0.25 * outPerIod), win = Math.round(0.05 * outPerIod), prof: number[] = [];
    for (let x = Math.round(l.anchorX) - reach; x <= Math.round(l.anchorX) + reach; x++) {
      let s = 0, n = 0;
      for (let y = 0; y < l.height; y++) { const o = (y * l.width + x) * 4; if (l.data[o + 3]! > 0.9) { s += l.data[o + 1]! / l.data[o + 3]!; n++; } }
      prof.push(n ? s / n : NaN);
    }
    const d = prof.map((v, i) => 1 - v / Math.max(...prof.slice(Math.max(0, i - win), i + win + 1).filter((q) => q === q)));
    return d.filter((v) => v === v).reduce((a, b) => a + b, 0) / d.length;
  };
  const flat = dips(mouth.upperSpeech), round = dips(mouth.upper);
  assert.ok(flat < 0.85 * round, `speech row's dips ${flat.toFixed(4)} under .85 of the grin row's ${round.toFixed(4)}`);
  // and rendered, a speech opening (jaw .3, no smile) still reads separate teeth
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const base = r.neutralFrame();
  const frame: MotionFrame = { ...base, w: { ...base.w, jawOpen: 0.3 } };
  const img = r.render(frame), lm = (r.landmarks(frame) as number[][]).map((q) => [q[0]!, q[1]!] as [number, number]);
  const row = rowStructure({ ...img, data: new Uint8ClampedArray(img.data) }, lm);
  assert.ok(row && row.gaps >= 2, `separate teeth read: ${JSON.stringify(row)}`);
});
