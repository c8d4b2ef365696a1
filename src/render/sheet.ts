// Contact sheets of an avatar: pose turntables and expression grids, labelled, as PNG. Used by
// `real3d view` and for docs/avatar/. Labels are drawn by sharp from SVG text.
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../types.ts';
import type { Renderer } from './renderer.ts';
import { RIG_CONTROLS } from '../rig/controls.ts';

export interface SheetCell {
  label: string;
  frame: MotionFrame;
}

/** A frame at a pose relative to the photo (degrees), with the photo's own expression unless `w` is given. */
export function poseFrame(renderer: Renderer, yaw: number, pitch: number, w?: Record<string, number>): MotionFrame {
  const n = renderer.neutralFrame();
  return { ...n, w: w ? { ...n.w, ...w } : n.w, pose: { ...n.pose, yaw, pitch } };
}

/** Cells of a yaw x pitch grid. */
export function poseCells(renderer: Renderer, yaws: number[], pitches: number[], w?: Record<string, number>): SheetCell[] {
  const cells: SheetCell[] = [];
  for (const pitch of pitches) for (const yaw of yaws) cells.push({ label: `yaw ${fmt(yaw)} pitch ${fmt(pitch)}`, frame: poseFrame(renderer, yaw, pitch, w) });
  return cells;
}

/** The photo, then each rig control at 1 (all others at 0 = the neutral face), plus a blink and gaze. */
export function expressionCells(renderer: Renderer): SheetCell[] {
  const n = renderer.neutralFrame();
  const zero = Object.fromEntries(RIG_CONTROLS.map((c) => [c, 0]));
  const cells: SheetCell[] = [{ label: 'photo', frame: n }, { label: 'all controls 0', frame: { ...n, w: zero } }];
  for (const c of RIG_CONTROLS) cells.push({ label: `${c} 1`, frame: { ...n, w: { ...zero, [c]: 1 } } });
  cells.push({ label: 'gaze left', frame: { ...n, w: zero, gaze: [-1, 0] } }, { label: 'gaze right', frame: { ...n, w: zero, gaze: [1, 0] } });
  return cells;
}

function fmt(v: number): string {
  return (v > 0 ? '+' : '') + (Math.round(v * 10) / 10).toString();
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export interface SheetOptions {
  columns?: number;
  /** cell side in pixels (rendered frames are scaled to it) */
  cell?: number;
  /** crop each frame to this square [x, y, side] of the render before scaling (e.g. the face) */
  crop?: [number, number, number];
  title?: string;
  background?: RgbaImage | null;
}

/** Renders the cells and lays them out as one labelled PNG. */
export async function renderSheet(renderer: Renderer, cells: SheetCell[], opts: SheetOptions = {}): Promise<Buffer> {
  const columns = Math.max(1, Math.min(opts.columns ?? 6, cells.length));
  const cell = opts.cell ?? 192;
  const labelH = Math.max(14, Math.round(cell * 0.09));
  const titleH = opts.title ? labelH + 8 : 0;
  const rows = Math.ceil(cells.length / columns);
  const tiles: Array<{ input: Buffer; left: number; top: number }> = [];
  for (let k = 0; k < cells.length; k++) {
    const img = renderer.render(cells[k]!.frame, opts.background === undefined ? {} : { background: opts.background });
    let pipe = sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } });
    if (opts.crop) {
      const [x, y, s] = opts.crop;
      const left = Math.max(0, Math.round(x)), top = Math.max(0, Math.round(y));
      const side = Math.min(img.width - left, img.height - top, Math.round(s));
      pipe = pipe.extract({ left, top, width: side, height: side });
    }
    const tile = await pipe.resize(cell, cell).png().toBuffer();
    const left = (k % columns) * cell, top = titleH + Math.floor(k / columns) * (cell + labelH);
    tiles.push({ input: tile, left, top });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cell}" height="${labelH}"><rect width="100%" height="100%" fill="#111"/><text x="4" y="${labelH - 4}" font-family="sans-serif" font-size="${labelH - 4}" fill="#eee">${escapeXml(cells[k]!.label)}</text></svg>`;
    tiles.push({ input: Buffer.from(svg), left, top: top + cell });
  }
  if (opts.title) {
    const w = columns * cell;
    tiles.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${titleH}"><text x="6" y="${titleH - 6}" font-family="sans-serif" font-size="${labelH}" font-weight="bold" fill="#fff">${escapeXml(opts.title)}</text></svg>`), left: 0, top: 0 });
  }
  return sharp({ create: { width: columns * cell, height: titleH + rows * (cell + labelH), channels: 3, background: '#000' } })
    .composite(tiles)
    .png({ compressionLevel: 9, palette: true, quality: 90, effort: 8 })
    .toBuffer();
}

/** The square around the face (landmark extent x 1.25) in output pixels, for face close-ups. */
export function faceCrop(renderer: Renderer): [number, number, number] {
  const lm = renderer.landmarks(renderer.neutralFrame());
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < 468; i++) {
    const [x, y] = lm[i]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const side = Math.max(x1 - x0, y1 - y0) * 1.25;
  return [(x0 + x1) / 2 - side / 2, (y0 + y1) / 2 - side / 2, side];
}

/**
 * The avatar contact sheet: a yaw x pitch turntable grid (whole frame) above the expression grid
 * (face close-ups). One palette PNG, a few hundred KB.
 */
export async function contactSheet(renderer: Renderer, name: string): Promise<Buffer> {
  const poses = await renderSheet(renderer, poseCells(renderer, [-25, -12.5, 0, 12.5, 25], [-15, 0, 15]), { columns: 5, cell: 184, title: `${name}: yaw -25..25 x pitch -15..15 (relative to the photo)` });
  const expr = await renderSheet(renderer, expressionCells(renderer), { columns: 6, cell: 153, crop: faceCrop(renderer), title: `${name}: expressions (photo, all controls 0, each control at 1, gaze)` });
  const a = await sharp(poses).metadata(), b = await sharp(expr).metadata();
  return sharp({ create: { width: Math.max(a.width!, b.width!), height: a.height! + b.height!, channels: 3, background: '#000' } })
    .composite([{ input: poses, left: 0, top: 0 }, { input: expr, left: 0, top: a.height! }])
    .png({ palette: true, quality: 85, effort: 8, compressionLevel: 9 })
    .toBuffer();
}
