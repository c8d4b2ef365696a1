// Shared by the turn zoom benches (turnzoom.ts, edgeZoom.ts): the head's box in a rendered frame
// and one enlarged cell of it, and the rows of cells stacked into a sheet.
import sharp from 'sharp';
import path from 'node:path';
import type { RgbaImage, Portrait, MotionFrame } from '../src/types.ts';
import type { createRenderer } from '../src/render/renderer.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';

/** The face oval's box in frame landmarks: centre and its larger side. */
export function ovalBox(lm: [number, number, number][]): { cx: number; cy: number; extent: number } {
  const xs = FACE_OVAL.map((i) => lm[i]![0]), ys = FACE_OVAL.map((i) => lm[i]![1]);
  const w = Math.max(...xs) - Math.min(...xs), h = Math.max(...ys) - Math.min(...ys);
  return { cx: (Math.min(...xs) + Math.max(...xs)) / 2, cy: (Math.min(...ys) + Math.max(...ys)) / 2, extent: Math.max(w, h) };
}

/** A square of `side` px around (cx, cy) (kept inside the frame), enlarged to a cell x cell PNG. */
export async function squareCell(img: RgbaImage, cx: number, cy: number, side: number, cell: number): Promise<Buffer> {
  const size = img.width;
  side = Math.max(1, Math.min(size, Math.round(side)));
  const x0 = Math.max(0, Math.min(size - side, Math.round(cx - side / 2))), y0 = Math.max(0, Math.min(img.height - side, Math.round(cy - side / 2)));
  const raw = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return sharp(raw, { raw: { width: size, height: img.height, channels: 4 } }).extract({ left: x0, top: y0, width: side, height: side }).resize(cell, cell, { kernel: 'lanczos3' }).removeAlpha().png().toBuffer();
}

/** Rows of equally sized cells (cell x cell) written as one PNG sheet. */
export async function writeSheet(rows: Buffer[][], cell: number, out: string): Promise<void> {
  const cols = Math.max(...rows.map((r) => r.length));
  const composite = rows.flatMap((r, y) => r.map((input, x) => ({ input, left: x * cell, top: y * cell })));
  await sharp({ create: { width: cell * cols, height: cell * rows.length, channels: 3, background: '#000' } }).composite(composite).png().toFile(out);
}

/** Rows of equally sized cells as one JPEG sheet on white, 6 px apart (the turn sheets docs/edges cites). */
export async function writeGappedSheet(rows: Buffer[][], cell: number, out: string): Promise<void> {
  const cols = Math.max(...rows.map((r) => r.length)), gap = 6;
  await sharp({ create: { width: cols * (cell + gap), height: rows.length * (cell + gap), channels: 3, background: '#fff' } })
    .composite(rows.flatMap((r, y) => r.map((input, x) => ({ input, left: x * (cell + gap), top: y * (cell + gap) }))))
    .jpeg({ quality: 85 }).toFile(out);
}

/** The photo's face as the rest frame frames it: the oval's box, a little below its centre, 1.6x its size. */
export async function photoFaceCell(image: RgbaImage, rest: [number, number, number][], cell: number): Promise<Buffer> {
  const box = ovalBox(rest);
  return squareCell(image, box.cx, box.cy + 0.1 * box.extent, 1.6 * box.extent, cell);
}

/** The neutral frame turned to `yaw`, rendered: its picture, landmarks, oval box and the head's cell (framed as photoFaceCell). */
export async function turnedHead(renderer: ReturnType<typeof createRenderer>, neutral: MotionFrame, yaw: number, cell: number): Promise<{ img: RgbaImage; lm: [number, number, number][]; box: { cx: number; cy: number; extent: number }; head: Buffer }> {
  const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
  const lm = renderer.landmarks(frame) as [number, number, number][];
  const img = renderer.render(frame);
  const box = ovalBox(lm);
  return { img, lm, box, head: await photoFaceCell(img, lm, cell) };
}

/** The avatar of `portrait` as built and rendered by the checkout at `root` (frame-sized), and its neutral frame. */
export async function checkoutRenderer(root: string, portrait: Portrait): Promise<{ renderer: ReturnType<typeof createRenderer>; size: number; neutral: MotionFrame }> {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer: create } = await import(path.join(root, 'src/render/renderer.ts'));
  const avatar = buildAvatar(portrait);
  const size: number = avatar.size;
  const renderer = create(avatar, { width: size, height: size }) as ReturnType<typeof createRenderer>;
  return { renderer, size, neutral: renderer.neutralFrame() };
}

/** A turn sheet's command line: `--root DIR` (repeatable; default this checkout), `--out FILE`, `--yaws a,b,...`, portrait names. */
export function turnSheetArgs(args: string[], defaultOut: string): { roots: string[]; names: string[]; out: string; yaws: number[] } {
  const roots: string[] = [], names: string[] = [];
  let out = defaultOut, yaws = [25];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
    else if (args[i] === '--out') out = args[++i]!;
    else if (args[i] === '--yaws') yaws = args[++i]!.split(',').map(Number);
    else names.push(args[i]!);
  }
  if (roots.length === 0) roots.push(path.resolve(import.meta.dirname, '..'));
  return { roots, names, out, yaws };
}
