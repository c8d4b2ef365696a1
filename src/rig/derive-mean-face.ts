// Development tool (not used at run time): derives the rig's generic neutral face
// (src/rig/mean-face.json) from the project's own test media: frontal-ish, roughly neutral photos
// and the first frame of the driving videos (never the KatieHill video, which the fit benchmark uses).
// Generalised Procrustes alignment, mirror-symmetrised, expressed in the canonical frame
// (x right, y down, z away from camera, outer-eye-corner distance = 1, origin at the rigid-point centroid).
//   node --import tsx src/rig/derive-mean-face.ts
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { loadImage } from '../io/image.ts';
import { detectFaces } from '../face/detect.ts';
import { decodeVideoFrames } from '../io/media.ts';
import { solveSimilarity } from './pose.ts';
import { flatten } from './fit.ts';
import { faceTopology, LANDMARK_COUNT, RIGID_POINTS, OUTER_EYE_CORNERS } from './topology.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const PHOTOS = ['lp_s42.jpg', 'mt_man.png', 'lp_s1.jpg', 'lp_s2.jpg', 'lp_s12.jpg', 'lp_s5.jpg', 'st_art_1.png', 'lp_s9.jpg'];
const VIDEOS = ['mt_sun.mp4', 'lp_d0.mp4', 'lp_d6.mp4', 'lp_d10.mp4', 'lp_d11.mp4', 'lp_d14.mp4'];

const shapes: Float64Array[] = [];
const add = (lm: [number, number, number][]) => shapes.push(flatten(lm));
for (const name of PHOTOS) {
  const faces = await detectFaces(await loadImage(path.join(DATA, 'portraits', name)), { embedding: false });
  if (faces[0]) add(faces[0].landmarks);
}
for (const name of VIDEOS) {
  for await (const frame of decodeVideoFrames(path.join(DATA, 'video', name), { maxFrames: 1 })) {
    const faces = await detectFaces(frame, { embedding: false });
    if (faces[0]) add(faces[0].landmarks);
  }
}
console.log(`aligning ${shapes.length} faces`);

const all = Array.from({ length: LANDMARK_COUNT }, (_, i) => i);
const transform = (p: Float64Array, sim: ReturnType<typeof solveSimilarity>) => {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i += 3) {
    for (let a = 0; a < 3; a++) out[i + a] = sim.s * (sim.r[a * 3]! * p[i]! + sim.r[a * 3 + 1]! * p[i + 1]! + sim.r[a * 3 + 2]! * p[i + 2]!) + sim.t[a]!;
  }
  return out;
};
let mean = Float64Array.from(shapes[0]!);
for (let iter = 0; iter < 5; iter++) {
  const acc = new Float64Array(mean.length);
  for (const s of shapes) {
    const aligned = transform(s, solveSimilarity(s, mean, RIGID_POINTS));
    for (let i = 0; i < acc.length; i++) acc[i]! += aligned[i]! / shapes.length;
  }
  mean = acc;
}

// Canonical frame: x from the image-left outer eye corner to the image-right one, y toward the chin.
const [ea, eb] = OUTER_EYE_CORNERS;
const P = (i: number) => [mean[i * 3]!, mean[i * 3 + 1]!, mean[i * 3 + 2]!];
const sub = (a: number[], b: number[]) => a.map((v, k) => v - b[k]!);
const norm = (a: number[]) => { const l = Math.hypot(...a); return a.map((v) => v / l); };
const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
const ex = norm(sub(P(eb), P(ea)));
let ey = sub(P(152), P(10));
ey = norm(sub(ey, ex.map((v) => v * dot(ey, ex))));
const ez = [ex[1]! * ey[2]! - ex[2]! * ey[1]!, ex[2]! * ey[0]! - ex[0]! * ey[2]!, ex[0]! * ey[1]! - ex[1]! * ey[0]!];
const iod = Math.hypot(...sub(P(eb), P(ea)));
const centre = [0, 0, 0];
for (const i of RIGID_POINTS) for (let a = 0; a < 3; a++) centre[a]! += P(i)[a]! / RIGID_POINTS.length;
const canon = new Float64Array(mean.length);
for (const i of all) {
  const d = sub(P(i), centre);
  canon[i * 3] = dot(d, ex) / iod;
  canon[i * 3 + 1] = dot(d, ey) / iod;
  canon[i * 3 + 2] = dot(d, ez) / iod;
}
// Mirror symmetry: average each point with its mirror partner (x negated).
const { mirror } = faceTopology();
const sym = new Float64Array(canon.length);
for (const i of all) {
  const j = mirror[i]!;
  sym[i * 3] = (canon[i * 3]! - canon[j * 3]!) / 2;
  sym[i * 3 + 1] = (canon[i * 3 + 1]! + canon[j * 3 + 1]!) / 2;
  sym[i * 3 + 2] = (canon[i * 3 + 2]! + canon[j * 3 + 2]!) / 2;
}
const out = path.join(import.meta.dirname, 'mean-face.json');
await writeFile(out, JSON.stringify({ note: 'generic neutral face, canonical frame, derived by derive-mean-face.ts', count: shapes.length, points: Array.from(sym, (v) => Math.round(v * 1e5) / 1e5) }) + '\n');
console.log(`wrote ${out}`);
process.exit(0);
