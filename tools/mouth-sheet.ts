// Mouth sheets: for each portrait, a row of jawOpen 0 -> 1 and the visemes (funnel, pucker, smile,
// close), cropped around the mouth and enlarged 3x. Renders with the code of any checkout, so the
// same script makes the "before" (an older worktree) and "after" sheets:
//   node --import tsx tools/mouth-sheet.ts --root /work/wt/mouth-before,. --labels before,after --out sheet.png [--cell 384] [--portraits a.jpg,b.png] [--cache /tmp/avatars] [--set o]
// Avatars are built by each checkout's own code (the rig basis is stored in them) and cached per checkout.
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
// one or more checkouts (comma separated): each portrait gets one row per checkout, interleaved
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const labels = opt('--labels', roots.map((r) => path.basename(r)).join(',')).split(',');
const out = path.resolve(opt('--out', 'mouth-sheet.png'));
const cache = path.resolve(opt('--cache', '/tmp/real3d-mouth-avatars'));
const DATA = '/work/shared/data/portraits';
const portraits = opt('--portraits', 'lp_s42.jpg,st_happy.png,mt_man.png,lp_s1.jpg,lp_s2.jpg,lp_s12.jpg,lp_s9.jpg,st_art_1.png,lp_s10.jpg,lp_s5.jpg').split(',');

const builders = await Promise.all(roots.map((r) => import(path.join(r, 'src/avatar/build.ts'))));
const { analyzePortrait } = await import(path.join(roots[0]!, 'src/analyze/index.ts'));
const renderers = await Promise.all(roots.map(async (r) => (await import(path.join(r, 'src/render/renderer.ts'))).createRenderer));

const RENDER = 512, CELL = Number(opt('--cell', '384'));
// --set o: the rounded mouth (pucker and funnel 0 -> 1, and lp_s42 <- lp_d6's O at 3.3 s as rig weights)
const O_COLUMNS: [string, Record<string, number>][] = [
  ['photo', {}],
  ...[0.25, 0.5, 0.75, 1].map((k): [string, Record<string, number>] => [`pucker ${k}`, { mouthPucker: k, jawOpen: 0.2 }]),
  ...[0.25, 0.5, 0.75, 1].map((k): [string, Record<string, number>] => [`funnel ${k}`, { mouthFunnel: k, jawOpen: 0.3 }]),
  ['both .5', { mouthPucker: 0.5, mouthFunnel: 0.5, jawOpen: 0.25 }],
  ['lp_d6 #83', { jawOpen: 0.23, mouthPucker: 0.72, mouthFunnel: 0.04, mouthLowerDown: 0.74, mouthRollUpper: 0.55, mouthDimpleLeft: 0.73, mouthFrownLeft: 0.26, mouthFrownRight: 0.5, mouthSmileLeft: 0.2, mouthSmileRight: 0.11 }],
];
// --set tent: the upper lip's raise and the sounds' shapes (issue #13's "tented lens": the nose base and the arch)
const TENT_COLUMNS: [string, Record<string, number>][] = [
  ['photo', {}],
  ['jaw .3', { jawOpen: 0.3 }], ['jaw .6', { jawOpen: 0.6 }], ['jaw 1', { jawOpen: 1 }],
  ['upperUp .5', { mouthUpperUp: 0.5, jawOpen: 0.1 }], ['upperUp 1', { mouthUpperUp: 1, jawOpen: 0.1 }],
  ['lowerDown .5', { mouthLowerDown: 0.5, jawOpen: 0.1 }],
  ['ah', { jawOpen: 0.6, mouthUpperUp: 0.3, mouthLowerDown: 0.3 }],
  ['ee', { mouthSmileLeft: 0.5, mouthSmileRight: 0.5, mouthStretchLeft: 0.3, mouthStretchRight: 0.3, jawOpen: 0.15, mouthUpperUp: 0.3 }],
  ['oh', { mouthFunnel: 0.5, jawOpen: 0.3 }],
  ['smile 1', { mouthSmileLeft: 1, mouthSmileRight: 1, jawOpen: 0.2 }],
];
const set = opt('--set', 'visemes');
const columns: [string, Record<string, number>][] = set === 'o' ? O_COLUMNS : set === 'tent' ? TENT_COLUMNS : [
  ['photo', {}],
  // jawOpen is a lip gap of 0.6 IOD per unit (render/mouth/opening.ts): speech spans 0-0.5, song and shouts go on to 1
  ['jaw 0', { jawOpen: 0 }],
  ['jaw .1', { jawOpen: 0.1 }],
  ['jaw .2', { jawOpen: 0.2 }],
  ['jaw .3', { jawOpen: 0.3 }],
  ['jaw .5', { jawOpen: 0.5 }],
  ['jaw .75', { jawOpen: 0.75 }],
  ['jaw 1', { jawOpen: 1 }],
  ['funnel', { mouthFunnel: 1, jawOpen: 0.3 }],
  ['pucker', { mouthPucker: 1, jawOpen: 0 }],
  ['smile', { mouthSmileLeft: 1, mouthSmileRight: 1, jawOpen: 0.2 }],
  ['close (jaw .4)', { mouthClose: 0.4, jawOpen: 0.4 }],
];

mkdirSync(cache, { recursive: true });
const rows: Buffer[] = [];
let cellSide = 0;
for (const file of portraits) {
  let portrait;
  for (let ri = 0; ri < roots.length; ri++) {
    const { buildAvatar, saveAvatar, loadAvatar } = builders[ri]!;
    const cached = path.join(cache, `${path.basename(file).replace(/\.\w+$/, '')}.${ri}.avatar`);
    let avatar;
    if (existsSync(cached)) avatar = await loadAvatar(cached);
    else { portrait ??= await analyzePortrait(path.resolve(DATA, file)); avatar = buildAvatar(portrait); await saveAvatar(avatar, cached); }
    const renderer = renderers[ri]!(avatar, { width: RENDER, height: RENDER });
    const n = renderer.neutralFrame();
    const lm = renderer.landmarks(n);
    const mw = Math.hypot(lm[291]![0] - lm[61]![0], lm[291]![1] - lm[61]![1]);
    // a square 1.6 mouth widths wide, a little below the lips (the jaw opens downward)
    const side = Math.round(Math.max(30, 1.6 * mw));
    const cx = (lm[61]![0] + lm[291]![0]) / 2, cy = (lm[13]![1] + lm[14]![1]) / 2 + 0.12 * side;
    const left = Math.max(0, Math.min(RENDER - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(RENDER - side, Math.round(cy - side / 2)));
    const tiles: Array<{ input: Buffer; left: number; top: number }> = [];
    for (let k = 0; k < columns.length; k++) {
      const [, w] = columns[k]!;
      const img = renderer.render({ ...n, w: { ...n.w, ...w } });
      const tile = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: RENDER, height: RENDER, channels: 4 } })
        .extract({ left, top, width: side, height: side }).resize(CELL, CELL, { kernel: "lanczos3" }).png().toBuffer();
      tiles.push({ input: tile, left: k * CELL, top: 0 });
    }
    cellSide = CELL;
    rows.push(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${columns.length * CELL}" height="18"><rect width="100%" height="100%" fill="#111"/><text x="4" y="14" font-family="sans-serif" font-size="13" fill="#eee">${labels[ri] ?? ''} ${file}: ${side}px around the mouth of a ${RENDER}px frame, shown at ${(CELL / side).toFixed(1)}x</text></svg>`));
    rows.push(await sharp({ create: { width: columns.length * CELL, height: CELL, channels: 3, background: '#000' } }).composite(tiles).png().toBuffer());
  }
  process.stdout.write(`${file} `);
}
const header = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${columns.length * cellSide}" height="20"><rect width="100%" height="100%" fill="#000"/>${columns.map(([l], k) => `<text x="${k * cellSide + 6}" y="15" font-family="sans-serif" font-size="14" fill="#fff">${l}</text>`).join('')}</svg>`);
const parts = [header, ...rows];
const heights = await Promise.all(parts.map(async (b) => (await sharp(b).metadata()).height!));
const composite: Array<{ input: Buffer; left: number; top: number }> = [];
let y = 0;
for (let i = 0; i < parts.length; i++) { composite.push({ input: await sharp(parts[i]!).png().toBuffer(), left: 0, top: y }); y += heights[i]!; }
const png = await sharp({ create: { width: columns.length * cellSide, height: y, channels: 3, background: '#000' } }).composite(composite).png({ compressionLevel: 9 }).toBuffer();
await sharp(png).png({ palette: true, quality: 90, effort: 8, compressionLevel: 9 }).toFile(out);
process.stdout.write(`\nwrote ${out}\n`);
process.exit(0);
