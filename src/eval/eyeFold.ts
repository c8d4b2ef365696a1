// The eye's own texels drawn beside the eye on a turn (issue #15, session 22): the avatar rendered
// with its texture coded by photo position (mirror and turn shading off: the texture mapping
// itself; the eyeballs coded 0, left out), counting the face's pixels that lie clear of the
// rendered eye openings but sample the photo's eye openings (lp_s10 at +25: the far eye's white
// and corner drawn a second time beside the eyeball, a doubled far eye). Used by bench/eyeFold.ts
// and test/hiddenEye.test.ts.
import type { Avatar } from '../avatar/types.ts';
import { createRenderer } from '../render/renderer.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../rig/topology.ts';
import { insidePolygon, distanceToOutline } from '../math/polygon.ts';

// a photo texel counts as the eye's within SAMPLE_MARGIN px of its opening; a rendered pixel as
// beside the eye past SCREEN_MARGIN px outside the rendered opening (the lids' own rim stays in)
const SAMPLE_MARGIN = 1, SCREEN_MARGIN = 2;

/** Whether (x, y) lies inside the polygon or within `margin` px of its outline. Pure. */
export function nearOpening(x: number, y: number, poly: [number, number][], margin: number): boolean {
  return insidePolygon(x, y, poly) || distanceToOutline(x, y, poly) <= margin;
}

/** Per eye (image-left first: EYE_R_LOOP, then EYE_L_LOOP), the face pixels at `yaw` clear of the rendered opening that sample the photo's opening. */
export function eyeTexelsBeside(avatar: Avatar, photoLandmarks: ArrayLike<readonly number[]>, yaw: number): number[] {
  const size = avatar.size, loops = [EYE_R_LOOP, EYE_L_LOOP];
  const photoOpenings = loops.map((loop) => loop.map((i) => [photoLandmarks[i]![0]!, photoLandmarks[i]![1]!] as [number, number]));
  // photo position, offset so the eyes' neighbourhood fits the 8-bit channels (code 0 = none)
  const xs = photoOpenings.flat().map((p) => p[0]), ys = photoOpenings.flat().map((p) => p[1]);
  const x0 = Math.min(...xs) - 100, y0 = Math.min(...ys) - 100;
  const coded = { width: size, height: size, data: new Uint8ClampedArray(size * size * 4) };
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) { const i = (y * size + x) * 4; coded.data[i] = x - x0; coded.data[i + 1] = y - y0; coded.data[i + 3] = 255; }
  const eyes = { width: avatar.eyeTexture.width, height: avatar.eyeTexture.height, data: new Uint8ClampedArray(avatar.eyeTexture.data.length).fill(0) };
  for (let i = 3; i < eyes.data.length; i += 4) eyes.data[i] = 255;
  const renderer = createRenderer({ ...avatar, texture: coded, eyeTexture: eyes, mirrorReach: new Float32Array(avatar.vertexCount) }, { width: size, height: size, turnShading: false });
  const frame = { ...renderer.neutralFrame(), pose: { yaw, pitch: 0, roll: 0, tx: 0, ty: 0, tz: 0 } };
  const lm = renderer.landmarks(frame) as [number, number, number][];
  const img = renderer.render(frame, { background: null });
  return loops.map((loop, k) => {
    const screen = loop.map((i) => [lm[i]![0], lm[i]![1]] as [number, number]);
    const bx = screen.map((p) => p[0]), by = screen.map((p) => p[1]), reach = 0.15 * avatar.head.faceWidth;
    let count = 0;
    for (let y = Math.max(0, Math.floor(Math.min(...by) - reach)); y <= Math.min(size - 1, Math.ceil(Math.max(...by) + reach)); y++) {
      for (let x = Math.max(0, Math.floor(Math.min(...bx) - reach)); x <= Math.min(size - 1, Math.ceil(Math.max(...bx) + reach)); x++) {
        const i = (y * size + x) * 4;
        if (img.data[i + 3]! < 250 || img.data[i]! === 0 || img.data[i + 1]! === 0 || img.data[i]! === 255 || img.data[i + 1]! === 255) continue;
        if (nearOpening(x + 0.5, y + 0.5, screen, SCREEN_MARGIN)) continue;
        if (nearOpening(img.data[i]! + x0 + 0.5, img.data[i + 1]! + y0 + 0.5, photoOpenings[k]!, SAMPLE_MARGIN)) count++;
      }
    }
    return count;
  });
}
