// The driver's sealed-lips reading (src/motion/sealedLips.ts, s40 sealed40) per frame of a cached track, with a sheet of
// the driver's mouths labelled with it, to check it against what one sees (hand labels: --labels k:1 sealed | 0 open).
// Per frame: the mesh's lip gap (IOD), the tracker's teeth share, the share of columns read shut, the frame's sealed
// weight (sealedClose.ts sealedWeight) and each column's kind ('.' shut, T teeth, 2 two dips, D a dark run).
// Agreement counts a weight >= .5 as "sealed". The frames' landmarks come from the track (--from DIR: another cache's
// track, e.g. before a tracker change; the reading itself is computed here on the decoded frame).
//   node --import tsx bench/sealedLipsRead.ts lp_d6.mp4 --frames 160-195,678 [--labels 175:1,184:0] [--sheet x.png] [--fps 25] [--gap .0,.12] [--from DIR]
import path from 'node:path';
import sharp from 'sharp';
import { decodeVideoFrames } from '../src/io/media.ts';
import { columnKind, lipColumns, sealedShare } from '../src/motion/sealedLips.ts';
import { sealedWeight } from '../src/motion/sealedClose.ts';
import { cachedTrack } from './driverTracks.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const video = args[0]!;
const fps = Number(opt('--fps', '25'));
const from = opt('--from', '');
const raw = await cachedTrack(video, fps, from ? { cache: from } : undefined);
const frames = new Set<number>();
for (const p of opt('--frames', '').split(',').filter(Boolean)) {
  const [a, b] = p.split('-').map(Number);
  for (let k = a!; k <= (b ?? a!); k++) frames.add(k);
}
const [gapLo, gapHi] = opt('--gap', '-1,9').split(',').map(Number) as [number, number];
const labels = new Map(opt('--labels', '').split(',').filter(Boolean).map((s) => s.split(':').map(Number) as [number, number]));
for (const k of labels.keys()) frames.add(k);
const sheet = opt('--sheet', '');
const TILE = 220, H = 150, COLS = 6;
const tiles: { input: Buffer; left: number; top: number }[] = [];
let k = 0, n = 0, agree = 0, labelled = 0, falseSealed = 0, open = 0;
const last = Math.max(...frames);
for await (const img of decodeVideoFrames(path.join(SHARED_DATA, 'video', video), { fps, maxSide: 720, maxFrames: last + 1 })) {
  const r = raw[k], lm = r?.lm;
  if (frames.has(k) && lm && r.m.lipGap >= gapLo && r.m.lipGap <= gapHi) {
    const share = sealedShare(img, lm), weight = sealedWeight(share, r.teethShare);
    const { columns, iod, lipLight, lipSat } = lipColumns(img, lm);
    const kinds = columns.map((c) => columnKind(c, lipLight, lipSat, iod)).join('');
    const label = labels.get(k), says = weight !== null && weight >= 0.5 ? 1 : 0;
    if (label !== undefined) {
      labelled++;
      if (label === says) agree++;
      if (label === 0) { open++; if (says) falseSealed++; }
    }
    console.log(`${video} f${k}: gap ${r.m.lipGap.toFixed(3)} teeth ${(r.teethShare ?? 0).toFixed(2)} shut ${share?.toFixed(2) ?? '-'} weight ${weight?.toFixed(2) ?? '-'}${label !== undefined ? ` label ${label}${label === says ? '' : ' MISS'}` : ''} ${kinds}`);
    if (sheet) {
      const xs = [61, 291].map((i) => lm[i * 3]!), ys = [0, 17].map((i) => lm[i * 3 + 1]!);
      const cx = (xs[0]! + xs[1]!) / 2, cy = (ys[0]! + ys[1]!) / 2, w = Math.round(Math.abs(xs[1]! - xs[0]!) * 1.2), h = Math.round((w * H) / TILE);
      const left = Math.max(0, Math.min(img.width - w, Math.round(cx - w / 2))), top = Math.max(0, Math.min(img.height - h, Math.round(cy - h / 2)));
      const crop = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } })
        .extract({ left, top, width: w, height: h }).resize(TILE, H).png().toBuffer();
      const colour = label === undefined ? 'white' : label === says ? 'lightgreen' : 'red';
      const txt = Buffer.from(`<svg width="${TILE}" height="24"><rect width="100%" height="100%" fill="black"/><text x="3" y="17" font-size="15" fill="${colour}">f${k} g${r.m.lipGap.toFixed(2)} w${weight?.toFixed(2) ?? '-'}${label !== undefined ? ` L${label}` : ''}</text></svg>`);
      const col = n % COLS, row = Math.floor(n / COLS);
      tiles.push({ input: crop, left: col * TILE, top: row * (H + 24) }, { input: await sharp(txt).png().toBuffer(), left: col * TILE, top: row * (H + 24) + H });
      n++;
    }
  }
  k++;
}
if (labelled) console.log(`agreement ${agree}/${labelled} (weight >= .5 as "sealed"); false sealed on open frames ${falseSealed}/${open}; missed sealed ${labelled - agree - falseSealed}/${labelled - open}`);
if (sheet && n) {
  await sharp({ create: { width: TILE * Math.min(COLS, n), height: (H + 24) * Math.ceil(n / COLS), channels: 3, background: 'black' } }).composite(tiles).png().toFile(sheet);
  console.log(`sheet ${sheet}`);
}
