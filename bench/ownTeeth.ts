// The photo's own teeth over the library's upper row (layers.ts withPhotoTeeth), stage by stage: the
// photo's cut at output scale, what withoutDark keeps of it (alpha), the library row alone (the photo's
// gap taken to 0), the row the renderer draws; over a dark cavity, zoomed; and per row the darkest run
// along the tips' band against the row's median (the notch). Never asserts.
//   node --import tsx bench/ownTeeth.ts [--portraits st_full_body_1.png,lp_s42.jpg] [--zoom 6] [--out x.png]
import path from 'node:path';
import sharp from 'sharp';
import { buildAvatar } from '../src/avatar/build.ts';
import { readyMouth } from '../src/render/mouth/layers.ts';
import { cutMouthLayers } from '../src/render/mouth/atlas.ts';
import { ready, brightLuminance, type ReadyLayer } from '../src/render/mouth/readyLayer.ts';
import { withoutDark } from '../src/render/mouth/photoTeeth.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { rowNotch } from './rowNotch.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const portraits = opt('--portraits', 'st_full_body_1.png,lp_s42.jpg').split(',');
const ZOOM = Number(opt('--zoom', '6')), out = opt('--out', '/tmp/ownTeeth.png'), SIZE = 512, CAV = [40, 18, 18];

async function tile(l: ReadyLayer, alphaOnly = false): Promise<Buffer> {
  const px = Buffer.alloc(l.width * l.height * 3);
  for (let k = 0; k < l.width * l.height; k++) {
    const a = l.data[k * 4 + 3]!;
    for (let ch = 0; ch < 3; ch++) px[k * 3 + ch] = Math.round(Math.min(255, alphaOnly ? 255 * a : l.data[k * 4 + ch]! + CAV[ch]! * (1 - a)));
  }
  return sharp(px, { raw: { width: l.width, height: l.height, channels: 3 } }).resize(l.width * ZOOM, l.height * ZOOM, { kernel: 'nearest' }).png().toBuffer();
}

const rows: { input: Buffer; width: number; height: number }[] = [];
for (const name of portraits) {
  const avatar = buildAvatar(await cachedPortrait(name.startsWith('/') ? name : path.join(SHARED_PORTRAITS, name)));
  const outPerIod = avatar.head.iod * (SIZE / avatar.size);
  const at = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  const gap = avatar.mouth.photoGap / avatar.head.iod;
  const own = cutMouthLayers(avatar.texture, at, Math.max(16, Math.round(avatar.head.iod)), { fillBehindLip: false, stopAtRowGap: true });
  const ident = { gain: [1, 1, 1] as [number, number, number], saturation: 1 };
  const ownUp = ready(own.upper, outPerIod, 0, ident);
  // (judged without the face's light: as withoutDark judged a cut too thin to hold 8 solid px before s51, whole)
  const kept = withoutDark(ownUp);
  const drawn = readyMouth(avatar, outPerIod);
  const lib = readyMouth({ ...avatar, mouth: { ...avatar.mouth, photoGap: 0 } }, outPerIod);
  console.log(`${name.padEnd(18)} photo gap ${gap.toFixed(3)} iod, own upper bright ${brightLuminance(ownUp)?.toFixed(0)} fromPhoto ${drawn.fromPhoto}`);
  for (const [label, l] of [['library', lib.upper], ['drawn', drawn.upper], ['libLower', lib.lower], ['drawnLower', drawn.lower]] as const) console.log(`  ${label.padEnd(10)} ${rowNotch(l, label.endsWith('ower') ? 1 : -1)}`);
  const tiles = await Promise.all([tile(ownUp), tile(kept, true), tile(lib.upper), tile(drawn.upper)]);
  const metas = await Promise.all(tiles.map((t) => sharp(t).metadata()));
  const H = Math.max(...metas.map((m) => m.height!)), W = metas.reduce((s, m) => s + m.width! + 6, 0);
  let x = 0;
  rows.push({ input: await sharp({ create: { width: W, height: H, channels: 3, background: '#333' } }).composite(tiles.map((t, k) => { const c = { input: t, left: x, top: 0 }; x += metas[k]!.width! + 6; return c; })).png().toBuffer(), width: W, height: H });
}
const W = Math.max(...rows.map((r) => r.width)), H = rows.reduce((s, r) => s + r.height + 6, 0);
let y = 0;
await sharp({ create: { width: W, height: H, channels: 3, background: '#000' } }).composite(rows.map((r) => { const c = { input: r.input, left: 0, top: y }; y += r.height + 6; return c; })).png().toFile(out);
console.log(`wrote ${out} (per portrait: the photo's cut | what withoutDark keeps without the face's light (alpha) | library row | drawn row)`);
process.exit(0);
