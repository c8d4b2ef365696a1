// Regenerates src/render/closedEye/closedEyeData.ts (the closed-eye library, base64) from frames of
// the training videos where a blink is fully shut:
//   node --import tsx tools/closed-eye-atlas.ts [--data /work/shared/data/train/clips] [--picks clip:frame,...] [--preview out.png] [--dry]
// Each pick is one frame (25 fps index); of its two eyes, the one the face mesh reads as more shut
// is kept, cut into the eye frame (frame.ts), which serves either side.
// The frames were found with the eye openings of the lip-sync tracks (the frames whose eyes read
// lowest against the clip's median), then checked by eye in the preview.
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { decodeVideoFrames } from '../src/io/media.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeOpenings } from '../src/eval/eyes.ts';
import { PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H, toImage } from '../src/render/closedEye/frame.ts';
import { encodeClosedEyes, eyeGeometry, type ClosedEyePatch } from '../src/render/closedEye/library.ts';
import type { RgbaImage } from '../src/types.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const DATA = opt('--data', '/work/shared/data/train/clips');
const PICKS = opt('--picks', 'styletalk_andrew_clip_1.mp4:105').split(',').map((s) => { const [clip, frame] = s.split(':'); return { clip: clip!, frame: Number(frame) }; });
const preview = opt('--preview', '');
const dry = args.includes('--dry');

async function frameAt(clip: string, index: number): Promise<RgbaImage> {
  let i = 0;
  for await (const f of decodeVideoFrames(path.join(DATA, clip), { maxFrames: index + 1 })) if (i++ === index) return f;
  throw new Error(`${clip} has fewer than ${index + 1} frames`);
}

function bilinear(img: RgbaImage, x: number, y: number, ch: number): number {
  const fx = Math.min(img.width - 1, Math.max(0, x - 0.5)), fy = Math.min(img.height - 1, Math.max(0, y - 0.5));
  const ix = Math.min(img.width - 2, Math.floor(fx)), iy = Math.min(img.height - 2, Math.floor(fy));
  const ax = fx - ix, ay = fy - iy, d = img.data, W = img.width;
  const p = (xx: number, yy: number) => d[(yy * W + xx) * 4 + ch]!;
  return (1 - ay) * ((1 - ax) * p(ix, iy) + ax * p(ix + 1, iy)) + ay * ((1 - ax) * p(ix, iy + 1) + ax * p(ix + 1, iy + 1));
}

const patches: ClosedEyePatch[] = [];
const cells: { label: string; image: RgbaImage }[][] = [];
for (const pick of PICKS) {
  const img = await frameAt(pick.clip, pick.frame);
  const face = (await detectFaces(img, { embedding: false }))[0];
  if (!face) throw new Error(`no face in ${pick.clip} frame ${pick.frame}`);
  const lm = face.landmarks;
  const xy = (i: number) => [lm[i]![0]!, lm[i]![1]!] as const;
  const open = eyeOpenings(lm);
  const row: { label: string; image: RgbaImage }[] = [];
  const candidates: { patch: ClosedEyePatch; opening: number }[] = [];
  eyeGeometry(xy).forEach((g, side) => {
    const rgb = new Float32Array(PATCH_W * PATCH_H * 3);
    const view = new Uint8ClampedArray(PATCH_W * PATCH_H * 4);
    for (let r = 0; r < PATCH_H; r++) {
      for (let c = 0; c < PATCH_W; c++) {
        const [x, y] = toImage(g.frame, PATCH_U0 + (c + 0.5) / PATCH_PPW, PATCH_V0 + (r + 0.5) / PATCH_PPW);
        for (let ch = 0; ch < 3; ch++) {
          const v = bilinear(img, x, y, ch);
          rgb[(r * PATCH_W + c) * 3 + ch] = v;
          view[(r * PATCH_W + c) * 4 + ch] = v;
        }
        view[(r * PATCH_W + c) * 4 + 3] = 255;
      }
    }
    // the lines the face mesh found, marked on the preview only
    for (const [line, rgbMark] of [[g.lid, [0, 255, 0]], [g.lower, [255, 0, 0]], [g.crease, [0, 160, 255]]] as const) {
      line.u.forEach((u, k) => {
        const c = Math.round((u - PATCH_U0) * PATCH_PPW), r = Math.round((line.v[k]! - PATCH_V0) * PATCH_PPW);
        if (c >= 0 && r >= 0 && c < PATCH_W && r < PATCH_H) view.set([...rgbMark, 255], (r * PATCH_W + c) * 4);
      });
    }
    const source = `${pick.clip} frame ${pick.frame} (train/clips, 25 fps), ${side === 0 ? 'image-left' : 'image-right (mirrored by its frame)'} eye`;
    candidates.push({ patch: { rgb, lid: g.lid, crease: g.crease, source }, opening: side ? open.left : open.right });
    row.push({ label: `${pick.clip}:${pick.frame} ${side ? 'R' : 'L'} open ${(side ? open.left : open.right).toFixed(3)} w ${g.frame.width.toFixed(0)}px`, image: { width: PATCH_W, height: PATCH_H, data: view } });
  });
  candidates.sort((a, b) => a.opening - b.opening);
  patches.push(candidates[0]!.patch);
  cells.push(row);
  console.log(`${pick.clip}:${pick.frame}: openings L ${open.right.toFixed(3)} R ${open.left.toFixed(3)}; kept: ${candidates[0]!.patch.source}`);
}

if (preview) {
  const { labelledGrid } = await import('../src/eval/eyes.ts');
  writeFileSync(preview, await labelledGrid(cells, { title: 'closed-eye library (eye frame; green lid, red lower lid, blue crease)', cellW: PATCH_W * 4, cellH: PATCH_H * 4 }));
  console.log(`preview: ${preview}`);
}
if (!dry) {
  const FILE = path.resolve(import.meta.dirname, '..', 'src', 'render', 'closedEye', 'closedEyeData.ts');
  const b64 = Buffer.from(encodeClosedEyes(patches)).toString('base64');
  writeFileSync(FILE, `// Generated by tools/closed-eye-atlas.ts from frames of ../shared/data/train/clips (see README.md here): do not edit.\n// The closed-eye library (library.ts format), base64.\nexport const CLOSED_EYE_LIBRARY_BASE64 =\n  '${b64}';\n`);
  console.log(`wrote ${FILE} (${patches.length} patches, ${b64.length} base64 chars)`);
}
