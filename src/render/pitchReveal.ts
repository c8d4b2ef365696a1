// A nod's share of the reveal texture (pitch45, s45). The reveal (avatar/reveal.ts) pulls the texture of
// the steep band inside the outline inward as that side turns toward the camera, so a widened cheek shows
// nearby skin instead of stretched edge pixels. Along the forehead and temples that band is the hairline:
// a chin-down nod (+pitch) pulled the temple locks and the hairline's skin down toward the brows, and the
// forehead showed a flat light band with a hard lower edge and dark wedges of hair over the brows
// (latentsync_demo1's self-reenactment, lp_s7's fringe). There, hair is hair: the photo's own forehead and
// hairline stretch with the geometry. A nod never adds reveal to the upper band; it may still take a
// turn's away (a chin-up nod shows less of the temples), and the jaw's band below keeps the nod's reveal.

/**
 * The pitch term of a vertex's reveal share: `dirY` is its reveal direction's y (outward from the face
 * centre, image down positive; < 0 above the centre), `revealY` the frame's pitch drive (-pitch / 25).
 * With `upper` false (the option off) the plain product, as before.
 */
export function pitchRevealTerm(dirY: number, revealY: number, upper = true): number {
  const t = dirY * revealY;
  return upper && dirY < 0 && t > 0 ? 0 : t;
}
