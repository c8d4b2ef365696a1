// The side of a turned jaw (issue #15, session 33): per portrait, rows of yaws (labelled), each
// before | after head and before | after jaw side 3x (the side the turn shows, ear lobe to chin), over
// the plate. Per checkout (--root, repeatable; default this one); `--jaw-side` builds every checkout's
// avatar with `jawSide: true` (src/avatar/jawSideOnTurn.ts) where its build takes the option. Never asserts.
//   node --import tsx bench/jawSideSheet.ts --root BEFORE --root . --jaw-side [--yaws -25,-12.5,12.5,25] [--out docs/edges/x.jpg] [--cell 240] [names...]
import path from 'node:path';
import sharp from 'sharp';
import { cachedPortrait } from './portraitCache.ts';
import { ovalBox, squareCell, turnSheetArgs } from './headCells.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const DATA = SHARED_PORTRAITS;
const argv = process.argv.slice(2);
const jawSide = argv.includes('--jaw-side');
const cellAt = argv.indexOf('--cell');
const CELL = cellAt >= 0 ? Number(argv.splice(cellAt, 2)[1]) : 240;
const { roots, names, yaws, out } = turnSheetArgs(argv.filter((a) => a !== '--jaw-side'), '/tmp/jawSideSheet.jpg');
const yawList = argv.includes('--yaws') ? yaws : [-25, -12.5, 12.5, 25];
const LABEL = 100, GAP = 6;

/** A label cell: the text on white, LABEL x CELL. */
function labelCell(text: string): Promise<Buffer> {
  const lines = text.split('\n').map((t, k) => `<text x="6" y="${24 + k * 22}" font-family="sans-serif" font-size="16" fill="#000">${t}</text>`).join('');
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL}" height="${CELL}"><rect width="100%" height="100%" fill="#fff"/>${lines}</svg>`)).png().toBuffer();
}

const rows: { label: Buffer; cells: Buffer[] }[] = [];
for (const name of names.length ? names : ['mt_man.png', 'lp_s10.jpg', 'lp_s9.jpg', 'lp_s42.jpg', 'lp_s12.jpg', 'st_art_1.png']) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  const renderers = await Promise.all(roots.map(async (root) => {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const avatar = buildAvatar(portrait, jawSide ? { jawSide: true } : {});
    return createRenderer(avatar, { width: avatar.size, height: avatar.size });
  }));
  for (const yaw of yawList) {
    const heads: Buffer[] = [], zooms: Buffer[] = [];
    for (const renderer of renderers) {
      const frame = { ...renderer.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
      const lm = renderer.landmarks(frame) as [number, number, number][];
      const img = renderer.render(frame) as RgbaImage;
      const box = ovalBox(lm);
      heads.push(await squareCell(img, box.cx, box.cy + 0.1 * box.extent, 1.6 * box.extent, CELL));
      // the jaw side the turn shows (-yaw shows image-right): from the oval's side point toward the ear, ear lobe to jaw angle
      const side = lm[yaw < 0 ? 361 : 132]!;
      zooms.push(await squareCell(img, side[0] + (yaw < 0 ? 0.1 : -0.1) * box.extent, side[1], 0.45 * box.extent, CELL));
    }
    rows.push({ label: await labelCell(`${name.replace(/\.\w+$/, '')}\n${yaw > 0 ? '+' : ''}${yaw}`), cells: [...heads, ...zooms] });
  }
}
const cols = Math.max(...rows.map((r) => r.cells.length));
await sharp({ create: { width: LABEL + cols * (CELL + GAP), height: rows.length * (CELL + GAP), channels: 3, background: '#fff' } })
  .composite(rows.flatMap((r, y) => [{ input: r.label, left: 0, top: y * (CELL + GAP) }, ...r.cells.map((input, x) => ({ input, left: LABEL + x * (CELL + GAP), top: y * (CELL + GAP) }))]))
  .jpeg({ quality: 80 }).toFile(out);
console.log(out);
process.exit(0);
