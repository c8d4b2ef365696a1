// Each eye at 5x (bench/eyeBox.ts eyeBox of the render's landmarks) at chosen frames of a driver, another
// checkout (BASE) against this one: per frame a row as the motion gives it and a row with eyeWide 0 (the
// gaze shader alone); columns base image-right eye | base image-left | this image-right | this image-left.
// `show` as the last argument: the motion with wideFromShow. Never asserts (gaze28, #14).
//   node --import tsx bench/irisTopEyes.ts PHOTO DRIVER.mp4 F1,F2 OUT.jpg BASE_CHECKOUT [show]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { cachedTrack } from './driverTracks.ts';
import { cachedPortrait } from './portraitCache.ts';
import { motionFramesFromRaw } from '../src/motion/framesFromRaw.ts';
import { eyeBox } from './eyeBox.ts';
import { SHARED_DATA } from './sharedData.ts';
const [photo, driver, fl, out, base, show] = process.argv.slice(2) as string[];
const DATA = SHARED_DATA;
const frames = motionFramesFromRaw((await cachedTrack(driver!, 25)).slice(0, 200), 25, true, { fit: { wideFromShow: show === 'show' } }).frames;
const portrait = await cachedPortrait(path.join(DATA, 'portraits', photo!));
const Z = 5;
const rs = [];
for (const root of [base!, path.resolve(import.meta.dirname, '..')]) {
  const avatar = (await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href)).buildAvatar(portrait);
  rs.push((await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href)).createRenderer(avatar, { width: 512, height: 512 }));
}
const tiles: Buffer[] = []; let tw = 0, th = 0;
for (const f of fl!.split(',').map(Number)) for (const zero of [false, true]) for (const r of rs) {
  const fr = frames[f]!; const m = zero ? { ...fr, w: { ...fr.w, eyeWideLeft: 0, eyeWideRight: 0 } } : fr;
  const lm = r.landmarks(m); const img = r.render(m);
  for (const [a, b] of [[263, 362], [33, 133]]) {
    const [x, y, w, h] = eyeBox(lm, a!, b!, 512, 512);
    const buf = await sharp(Buffer.from(img.data), { raw: { width: 512, height: 512, channels: 4 } }).extract({ left: x, top: y, width: w, height: h }).resize(w * Z, h * Z, { kernel: 'lanczos3' }).png().toBuffer();
    tiles.push(buf); tw = Math.max(tw, w * Z); th = Math.max(th, h * Z);
  }
}
console.log('columns: base image-right eye | base image-left | this image-right | this image-left; rows per frame: as given, eyeWide 0');
await sharp({ create: { width: 4 * (tw + 6), height: Math.ceil(tiles.length / 4) * (th + 6), channels: 3, background: '#222' } }).composite(tiles.map((b, k) => ({ input: b, left: (k % 4) * (tw + 6), top: Math.floor(k / 4) * (th + 6) }))).jpeg({ quality: 90 }).toFile(out!);
