// A synthetic face for the live retarget's tests (winks.test.ts, liveLids.test.ts).
import { meanFace } from '../src/rig/canonical.ts';

/** The mean face at `px` pixels per unit (eyes ~0.31 units wide), each eye's upper lid point moved down to a share of its rest gap. */
export function liveFace(px: number, leftShare: number, rightShare: number): number[][] {
  const f = meanFace();
  const pts = Array.from({ length: 478 }, (_, i) => [f[i * 3]! * px, f[i * 3 + 1]! * px, f[i * 3 + 2]! * px]);
  // measures.ts: the subject's left eye is read between 386 and 374, the right between 159 and 145
  for (const [top, bottom, share] of [[386, 374, leftShare], [159, 145, rightShare]] as const) {
    const t = pts[top]!, b = pts[bottom]!;
    pts[top] = t.map((v, k) => b[k]! + share * (v - b[k]!));
  }
  return pts;
}
