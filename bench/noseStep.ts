// The turned nose's step and the far half's tone (issue #15, s44 turn44). Per portrait and yaw (and the rest
// frame for reference), prints: step, the median over points along the nose's ridge (6 -> 4) of the
// sharpest luma rise across it (the largest difference between pixels 3 px apart, on a 5-row mean, within
// 0.06 face widths of the ridge): a hard light/dark seam down the nose scores high; width, the median
// distance (px) over which that rise goes from 20% to 80% of the profile's range there; farNear, the far
// half's median luma over the near half's inside the face oval (the half the turn shows, past the nose
// bridge 168); across, the share of gradient energy across x on the revealed half (edges.ts revealedAcross:
// ~0.5 no direction, toward 1 streaks along x); cheekAcross, the same past 0.12 face widths from the ridge (the
// revealed cheek without the nose's own shading). Never asserts.
//   node --import tsx bench/noseStep.ts [--root DIR] [--yaws -25,0,25] [names...]
import { turnArgs, turnedFrame, turnRenderers } from './turnBench.ts';
import { acrossStretchShare } from '../src/eval/stretch.ts';
import { ridgeStep } from '../src/eval/ridgeStep.ts';
import { ridgeXAt } from '../src/avatar/ridgeSideReveal.ts';
import { insidePolygon } from '../src/math/polygon.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';

const { root, yaws, names } = turnArgs('-25,0,25', ['lp_s10.jpg', 'lp_s12.jpg', 'mt_man.png', 'lp_s42.jpg', 'st_happy.png', 'st_art_1.png']);
const lumAt = (img: RgbaImage, i: number) => 0.299 * img.data[i * 4]! + 0.587 * img.data[i * 4 + 1]! + 0.114 * img.data[i * 4 + 2]!;
const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[s.length >> 1]! : NaN; };
for await (const r of turnRenderers(root, names)) {
  const cells = yaws.map((yaw) => {
    const frame = turnedFrame(r, yaw);
    const img = r.render(frame), lm = r.landmarks(frame);
    const { step, width } = ridgeStep(img, lm);
    const oval = FACE_OVAL.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
    const noseX = lm[168]![0], w = img.width;
    const far: number[] = [], near: number[] = [];
    const half = new Uint8Array(w * img.height);
    for (let y = 0; y < img.height; y++) for (let x = 0; x < w; x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, oval)) continue;
      const i = y * w + x, left = x + 0.5 < noseX;
      ((yaw >= 0 ? left : !left) ? far : near).push(lumAt(img, i));
      if (yaw > 0 ? left : yaw < 0 ? !left : true) half[i] = 1;
    }
    const farNear = median(far) / median(near), across = acrossStretchShare(img, half);
    // the same on the revealed cheek alone: past 0.12 face widths from the ridge (the nose's own shading left out)
    const fw = Math.hypot(lm[234]![0] - lm[454]![0], lm[234]![1] - lm[454]![1]), flat = lm.flatMap((p) => [p[0], p[1], 0]);
    const cheek = half.map((m, i) => (m && Math.abs((i % w) + 0.5 - ridgeXAt(flat, Math.floor(i / w) + 0.5)) > 0.12 * fw ? 1 : 0));
    return `${yaw > 0 ? '+' : ''}${yaw}: step ${step.toFixed(1)} width ${width.toFixed(1)} farNear ${farNear.toFixed(2)} across ${across.toFixed(3)} cheekAcross ${acrossStretchShare(img, cheek).toFixed(3)}`;
  });
  console.log(r.name.padEnd(13), cells.join(' | '));
}
process.exit(0);
