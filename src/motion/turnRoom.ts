// The generated head turn on an already-turned photo (s34, nod34; issue #15): the audio pose is made
// without the photo, so a photo turned 34 deg (lp_s10) was turned as far again, where the far cheek
// folds and the mirror's marks show. The yaw toward the side the photo already hides is soft-limited
// to the room left under TURN_ROOM.capDeg; the turn back toward the camera is left as generated.

/**
 * `capDeg`: the total |photo yaw + motion yaw| the outward turn approaches; `minDeg`: the outward room
 * a photo turned beyond the cap still gets (it keeps some life). The outward yaw is unchanged up to
 * half the room, then bends smoothly (tanh) toward the room; `liveShare`: the share of its motion the
 * turn keeps past that, so a head at the limit never locks (critic34: lp_s10's yaw sat at exactly
 * -3.0 deg for a second at a time while pitch and roll moved).
 */
export const TURN_ROOM = { capDeg: 25, minDeg: 3, liveShare: 0.15 } as const;

/** The outward room (deg) a photo turned `photoYaw` leaves. */
export function outwardRoom(photoYaw: number, room = TURN_ROOM): number {
  return Math.max(room.minDeg, room.capDeg - Math.abs(photoYaw));
}

/** One motion yaw, limited on the photo's hidden side (same sign as photoYaw); C1 at the knee, slope liveShare far past it. */
export function limitOutwardYaw(yaw: number, photoYaw: number, room = TURN_ROOM): number {
  const side = Math.sign(photoYaw);
  if (side === 0 || yaw * side <= 0) return yaw;
  const r = outwardRoom(photoYaw, room), knee = r / 2, out = yaw * side;
  if (out <= knee) return yaw;
  const past = out - knee, span = r - knee, live = room.liveShare;
  return side * (knee + (1 - live) * span * Math.tanh(past / span) + live * past);
}

/** Every frame's pose yaw limited as limitOutwardYaw says (a new array of frames; the rest untouched). */
export function limitOutwardTurn<F extends { pose: { yaw: number } }>(frames: readonly F[], photoYaw: number, room = TURN_ROOM): F[] {
  return frames.map((f) => ({ ...f, pose: { ...f.pose, yaw: limitOutwardYaw(f.pose.yaw, photoYaw, room) } }));
}
