// s47 (owl47, issue #14): a driver's pale lids read as white above the iris in every frame. pcavs681 (a fair host at
// 224 px, train clip 3-9 s) reads .2-.45 iris diameters of "white" over most frames while his lids sit on the irises,
// so whiteStare.ts carried eyeWide .53-.86 and mt_man's eyes went round (an owl). Only the white over the driver's own
// floor is a stare (whiteFloor.ts); lp_d6, whose lids sit on her irises between stares, keeps her stares as read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaceTracker } from '../src/motion/faceTracker.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { whiteStareLevel, WHITE_STARE_MAX } from '../src/motion/whiteStare.ts';
import { showsOverFloor, whiteFloor } from '../src/motion/whiteFloor.ts';
import { sharedData } from '../bench/sharedData.ts';

/** The white shows of every `step`-th frame from `from` to `to` (25 fps frame numbers) of a clip. */
async function whiteShowsOf(rel: string, from: number, to: number, step: number, also: number[] = []): Promise<Map<number, [number, number] | null>> {
  const out = new Map<number, [number, number] | null>();
  const tracker = new FaceTracker();
  let k = 0;
  for await (const img of decodeVideoFrames(sharedData(rel), { fps: 25, maxSide: 720, maxFrames: to + 1 })) {
    if ((k >= from && (k - from) % step === 0) || also.includes(k)) {
      const f = await tracker.track({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
      out.set(k, f?.whiteShow ?? null);
    }
    k++;
  }
  return out;
}

test('pcavs681: his lids read as white all along (floor > .15), his wide-eyed frames are no stare over it; lp_d6 floor 0, her stare kept', async () => {
  // pcavs681 3-9 s = frames 75-224; his wide-eyed, lids-on-iris frames f5 and f110 of the cut = 80 and 185
  const host = await whiteShowsOf('train/clips/pcavs_Audio_Source_681100216.mp4', 75, 224, 3, [80, 185]);
  const hostShows = [...host.values()];
  const floor = whiteFloor(hostShows, WHITE_STARE_MAX);
  assert.ok(floor > 0.15, `pcavs681 floor ${floor.toFixed(2)}`);
  const overAll = showsOverFloor(hostShows, WHITE_STARE_MAX), keys = [...host.keys()];
  const over = [80, 185].map((i) => overAll[keys.indexOf(i)]);
  const asRead = [80, 185].map((i) => whiteStareLevel(host.get(i)!, [1, 1]));
  assert.ok(Math.max(...asRead) > 0.4, `as read, his plain wide eyes are a stare: ${asRead.map((v) => v.toFixed(2))}`);
  const overFloor = over.map((s) => (s ? whiteStareLevel([s[0], s[1]], [1, 1]) : 0));
  assert.ok(Math.max(...overFloor) < 0.2, `over his floor: ${overFloor.map((v) => v.toFixed(2))}`);
  // lp_d6: her lids sit on the irises between stares (f116-147), so her floor is 0 and her stare f163 stays as read
  const her = await whiteShowsOf('video/lp_d6.mp4', 0, 199, 4, [163]);
  const herShows = [...her.values()];
  assert.ok(whiteFloor(herShows, WHITE_STARE_MAX) < 0.02, `lp_d6 floor ${whiteFloor(herShows, WHITE_STARE_MAX).toFixed(2)}`);
  const i163 = [...her.keys()].indexOf(163);
  assert.deepEqual(showsOverFloor(herShows, WHITE_STARE_MAX)[i163], her.get(163));
  assert.ok(whiteStareLevel(her.get(163)!, [1, 1]) > 0.3);
});

test('whiteFloor: a quarter-quantile of the lesser eye over plausible frames; showsOverFloor keeps unread and implausible reads', async (t) => {
  // (the quantile itself, on five plausible frames: under whiteFloorSetting.minPlausible, s49, they are no floor)
  const { whiteFloorSetting } = await import('../src/motion/whiteFloor.ts');
  const was = whiteFloorSetting.minPlausible;
  whiteFloorSetting.minPlausible = 0;
  t.after(() => { whiteFloorSetting.minPlausible = was; });
  assert.equal(whiteFloor([], 0.5), 0);
  assert.equal(whiteFloor([null, [0.9, 0.9], [NaN, 0.3]], 0.5), 0);
  const shows: ([number, number] | null)[] = [[0.3, 0.4], [0.35, 0.3], [0.3, 0.5], [0.4, 0.32], [0.8, 0.3], null];
  assert.equal(whiteFloor(shows, 0.5), 0.3);
  const over = showsOverFloor(shows, 0.5);
  assert.ok(Math.abs(over[0]![1] - 0.1) < 1e-9);
  assert.equal(over[4]![0], 0.8); // implausible: left for whiteStareLevel to reject
  assert.equal(over[5], null);
  assert.deepEqual(showsOverFloor([[0, 0], [0.3, 0.35]], 0.5)[1], [0.3, 0.35]); // floor 0: unchanged
});

test('whiteFloor (s49 sleepy49): too few plausible frames are no floor: a clip whose lids read over max almost everywhere reads no stare', async () => {
  const { whiteFloorSetting } = await import('../src/motion/whiteFloor.ts');
  // infinitetalk's 6 s cut: lid skin to the crease (.5-.6) in all but three frames, which dip to .47/.49 (f33, f56) and 0/.49 (f143)
  const shows: ([number, number] | null)[] = Array.from({ length: 150 }, (_, i) => [0.52 + 0.04 * Math.sin(i), 0.55]);
  shows[33] = [0.465, 0.491]; shows[56] = [0.47, 0.493]; shows[143] = [0, 0.494];
  const stareAt = (floorOn: number) => {
    const was = whiteFloorSetting.minPlausible;
    whiteFloorSetting.minPlausible = floorOn;
    try {
      const over = showsOverFloor(shows, WHITE_STARE_MAX);
      return [33, 56].map((i) => whiteStareLevel([over[i]![0], over[i]![1]], [1, 1]));
    } finally { whiteFloorSetting.minPlausible = was; }
  };
  assert.equal(whiteFloor(shows, WHITE_STARE_MAX), WHITE_STARE_MAX);
  assert.deepEqual(stareAt(whiteFloorSetting.minPlausible), [0, 0]);
  // any count: the floor of so few is a coin toss; one more dipping frame (f100 0/.49) makes it 0 and f33/f56 full stares
  shows[100] = [0, 0.49];
  assert.ok(Math.min(...stareAt(0)) > 0.9, `any count: ${stareAt(0).map((v) => v.toFixed(2))}`);
  assert.deepEqual(stareAt(whiteFloorSetting.minPlausible), [0, 0]);
  // a clip with enough plausible frames keeps its quantile floor
  const enough = shows.map((s, i) => (i % 10 === 0 ? ([0.2 + i / 1500, 0.3] as [number, number]) : s));
  const f = whiteFloor(enough, WHITE_STARE_MAX);
  assert.ok(f > 0.2 && f < 0.3, `floor ${f}`);
});
