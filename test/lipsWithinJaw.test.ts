// The mouth a driver shows (session 24, drivermouth24): the lips' own opening controls held within the
// jaw's gap after the video path's smoothing (motion/mouthAfterSmoothing.ts lipsWithinJaw: lp_s12 <-
// lp_d14 f17 showed teeth under the moustache where her lips are shut), and a driver's dark tall "O"
// opened past its lining (render/mouth/opening.ts oLiningAllowance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Channels } from '../src/motion/channels.ts';
import { lipsWithinJaw, LOWER_LIP_DROP, UPPER_LIP_RISE } from '../src/motion/mouthAfterSmoothing.ts';
import { JAW_GAP_SPAN, oLiningAllowance, RENDER_GAP_PER_JAW } from '../src/render/mouth/opening.ts';
import { analyzePortrait } from './analyzedPortrait.ts';
import { buildAvatar } from './builtAvatar.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { sharedData } from '../bench/sharedData.ts';

const PORTRAITS = sharedData('portraits/');

test('after smoothing, shut lips keep no lip drop or raise the smoothing carried from an opening; open frames keep theirs', () => {
  const ch = new Channels(3);
  // lp_d14 f17 (shut, a frame before a smile opens), f18, f24 (open) as the smoothing left them
  ch.get('w.jawOpen').set([0.025, 0.153, 0.21]);
  ch.get('w.mouthLowerDown').set([0.226, 0.3, 0.672]);
  ch.get('w.mouthUpperUp').set([0.263, 0.3, 0.5]);
  lipsWithinJaw(ch, JAW_GAP_SPAN);
  const lower = ch.get('w.mouthLowerDown'), upper = ch.get('w.mouthUpperUp');
  const lips = (i: number) => LOWER_LIP_DROP * lower[i]! + UPPER_LIP_RISE * upper[i]!;
  assert.ok(Math.abs(lips(0) - JAW_GAP_SPAN * 0.025) < 1e-9, `shut frame: the lips open ${lips(0).toFixed(4)} IOD past the jaw's ${(JAW_GAP_SPAN * 0.025).toFixed(4)}`);
  assert.ok(lower[0]! < 0.1 && upper[0]! < 0.12, `shut frame keeps lowerDown ${lower[0]!.toFixed(3)}, upperUp ${upper[0]!.toFixed(3)}`);
  // both scaled alike (the shape of the lips kept, only less of it)
  assert.ok(Math.abs(lower[0]! / upper[0]! - 0.226 / 0.263) < 1e-9);
  assert.deepEqual([lower[1], upper[1], lower[2], upper[2]], [0.3, 0.3, 0.672, 0.5], 'open frames within their gap are untouched');
  // a motion without the lip channels gains none
  const bare = new Channels(1);
  bare.get('w.jawOpen')[0] = 0.1;
  lipsWithinJaw(bare, JAW_GAP_SPAN);
  assert.deepEqual(bare.names, ['w.jawOpen']);
});

test('a driver\'s dark tall O opens the mesh past its lining; a purse, a lit O and an audio motion do not (mt_man)', async () => {
  assert.equal(oLiningAllowance(0, 0.34), 0, 'not a dark O: nothing');
  assert.equal(oLiningAllowance(1, 0.07), 0, 'a purse keeps the band allowance alone');
  assert.ok(oLiningAllowance(1, 0.34) > 0.04, 'the tall O opens by its lining');
  const avatar = buildAvatar(await analyzePortrait(path.join(PORTRAITS, 'mt_man.png')));
  const r = createRenderer(avatar, { width: 512, height: 512 });
  const n = r.neutralFrame();
  const gapAt = (mouthDark: number | undefined) => {
    // lp_d6 f190: jawOpen .53, pucker 1
    const lm = r.landmarks({ ...n, w: { ...n.w, jawOpen: 0.53, mouthPucker: 1 }, ...(mouthDark === undefined ? {} : { mouthDark }) });
    const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);
    return Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  };
  const dark = gapAt(1), lit = gapAt(0), audio = gapAt(undefined);
  const want = oLiningAllowance(1, RENDER_GAP_PER_JAW * 0.53);
  assert.ok(Math.abs(dark - lit - want) < 0.01, `dark O ${dark.toFixed(3)} vs lit ${lit.toFixed(3)}: +${(dark - lit).toFixed(3)}, want +${want.toFixed(3)}`);
  assert.ok(Math.abs(audio - lit) < 1e-6, `an audio O (no mouthDark) ${audio.toFixed(3)} opens as before (${lit.toFixed(3)})`);
});
