// One driver frame on a photo, the image-left eye at 4x, four ways: as the motion gives it | gaze 0 |
// eyeWide 0 | pose 0, to tell which pass draws an artefact (wide27: lp_s12 <- lp_d14 f65's grey iris cap is the
// gaze's). Prints the frame's gaze, eyeWide, pose. Never asserts.
//   node --import tsx bench/wideGazeVariants.ts lp_s12.jpg lp_d14.mp4 65 out.png
import sharp from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { cropImage } from '../src/eval/eyes.ts';
import { sharedData } from './sharedData.ts';
const [photo, driver, at, out] = process.argv.slice(2) as [string, string, string, string];
const raw = (await cachedTrack(driver, 25)).slice(0, 8 * 25);
const fr = motionFramesFromRaw(raw, 25, true, { fit: { wideFromShow: false } }).frames;
const p = await cachedPortrait(sharedData(`portraits/${photo}`));
const r = createRenderer(buildAvatar(p), { width: 512, height: 512 });
const f = fr[Number(at)]!;
console.log('gaze', f.gaze, 'wide', f.w.eyeWideLeft, f.w.eyeWideRight, 'verg', f.vergence, 'blink', f.blink, 'squint', f.w.eyeSquintLeft, f.w.eyeSquintRight, 'pose', JSON.stringify(f.pose));
const lm = p.cropLandmarks;
const box: [number, number, number, number] = [Math.round(lm[33]![0]! - 30), Math.round(lm[159]![1]! - 30), 90, 60];
const variants: [string, any][] = [['frame', f], ['gaze 0', { ...f, gaze: [0, 0], vergence: 0 }], ['eyeWide 0', { ...f, w: { ...f.w, eyeWideLeft: 0, eyeWideRight: 0 } }], ['pose 0', { ...f, pose: { yaw: 0, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } }]];
const bufs: Buffer[] = [];
for (const [name, fm] of variants) {
  const img = r.render(fm);
  const c = cropImage({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) }, box);
  bufs.push(await sharp(Buffer.from(c.data.buffer), { raw: { width: 90, height: 60, channels: 4 } }).resize(360, 240, { kernel: 'nearest' }).png().toBuffer());
  console.log(name);
}
await sharp({ create: { width: 4 * 364, height: 240, channels: 3, background: '#222' } }).composite(bufs.map((b, i) => ({ input: b, left: i * 364, top: 0 }))).png().toFile(out);
