// What the photo saw of the rest mesh (mirror.ts, turnTexturing.ts): each vertex's surface normal as the
// photo saw it, the photo's depth buffer, and whether a vertex lies on its nearest surface or behind it.

/**
 * Unit vertex normals (area-weighted triangle normals). Each group of triangles has a consistent
 * winding of its own (the face mesh): a group is turned as a whole so that it
 * faces the camera overall, never triangle by triangle, so surface the photo saw from behind (the
 * far temple folded behind the eye of a turned head) keeps a normal facing away (z > 0).
 * Vertices of no listed triangle face the camera.
 */
export function vertexNormals(pos: ArrayLike<number>, vertexCount: number, groups: ArrayLike<number>[]): Float32Array {
  const acc = new Float64Array(vertexCount * 3);
  const tri = new Float64Array(3);
  const normalOf = (triangles: ArrayLike<number>, t: number) => {
    const a = triangles[t]! * 3, b = triangles[t + 1]! * 3, c = triangles[t + 2]! * 3;
    const ux = pos[b]! - pos[a]!, uy = pos[b + 1]! - pos[a + 1]!, uz = pos[b + 2]! - pos[a + 2]!;
    const vx = pos[c]! - pos[a]!, vy = pos[c + 1]! - pos[a + 1]!, vz = pos[c + 2]! - pos[a + 2]!;
    tri[0] = uy * vz - uz * vy; tri[1] = uz * vx - ux * vz; tri[2] = ux * vy - uy * vx;
  };
  for (const triangles of groups) {
    let total = 0;
    for (let t = 0; t < triangles.length; t += 3) { normalOf(triangles, t); total += tri[2]!; }
    const sign = total > 0 ? -1 : 1;
    for (let t = 0; t < triangles.length; t += 3) {
      normalOf(triangles, t);
      for (let k = 0; k < 3; k++) {
        const v = triangles[t + k]! * 3;
        acc[v] += sign * tri[0]!; acc[v + 1] += sign * tri[1]!; acc[v + 2] += sign * tri[2]!;
      }
    }
  }
  const out = new Float32Array(vertexCount * 3);
  for (let v = 0; v < vertexCount; v++) {
    const x = acc[v * 3]!, y = acc[v * 3 + 1]!, z = acc[v * 3 + 2]!;
    const len = Math.hypot(x, y, z);
    if (len < 1e-9) { out[v * 3 + 2] = -1; continue; }
    out[v * 3] = x / len; out[v * 3 + 1] = y / len; out[v * 3 + 2] = z / len;
  }
  return out;
}

/**
 * Which vertices the photo actually saw: a z-buffer of the rest mesh (crop x, y are the photo's own
 * pixels, z its depth) and, per vertex, whether it is within `tolerance` px of the nearest surface
 * there. The far temple of a turned head, folded behind the eye, is hidden: its texture position
 * holds the eye, not the temple.
 */
export function photoVisibility(pos: ArrayLike<number>, vertexCount: number, groups: ArrayLike<number>[], size: number, tolerance: number): Uint8Array {
  return seenInDepth(pos, vertexCount, photoDepth(pos, groups, size), size, tolerance);
}

/** Per vertex, 1 where it lies within `tolerance` of the photo depth buffer `zbuf` (photoDepth) around it. */
export function seenInDepth(pos: ArrayLike<number>, vertexCount: number, zbuf: Float32Array, size: number, tolerance: number): Uint8Array {
  const seen = new Uint8Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    // the farthest of the front surfaces around the vertex (3x3 px): a vertex on a fold or an
    // outline sits on the edge between two depths and counts as seen
    const xi = Math.round(pos[v * 3]! - 0.5), yi = Math.round(pos[v * 3 + 1]! - 0.5);
    let front = -Infinity;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const x = xi + dx, y = yi + dy;
      if (x < 0 || y < 0 || x >= size || y >= size) continue;
      const z = zbuf[y * size + x]!;
      if (z !== Infinity && z > front) front = z;
    }
    seen[v] = front === -Infinity || pos[v * 3 + 2]! <= front + tolerance ? 1 : 0;
  }
  return seen;
}

/** The photo's depth buffer of the given triangle groups (x, y in crop pixels, smaller z nearer): per pixel the nearest surface's z, Infinity where none. */
export function photoDepth(pos: ArrayLike<number>, groups: ArrayLike<number>[], size: number): Float32Array {
  const zbuf = new Float32Array(size * size).fill(Infinity);
  for (const triangles of groups) {
    for (let t = 0; t < triangles.length; t += 3) {
      const a = triangles[t]! * 3, b = triangles[t + 1]! * 3, c = triangles[t + 2]! * 3;
      const x0 = pos[a]!, y0 = pos[a + 1]!, z0 = pos[a + 2]!, x1 = pos[b]!, y1 = pos[b + 1]!, z1 = pos[b + 2]!, x2 = pos[c]!, y2 = pos[c + 1]!, z2 = pos[c + 2]!;
      const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
      if (Math.abs(area) < 1e-9) continue;
      const minX = Math.max(0, Math.floor(Math.min(x0, x1, x2))), maxX = Math.min(size - 1, Math.ceil(Math.max(x0, x1, x2)));
      const minY = Math.max(0, Math.floor(Math.min(y0, y1, y2))), maxY = Math.min(size - 1, Math.ceil(Math.max(y0, y1, y2)));
      for (let y = minY; y <= maxY; y++) for (let x = minX; x <= maxX; x++) {
        const px = x + 0.5, py = y + 0.5;
        const w0 = ((x1 - px) * (y2 - py) - (x2 - px) * (y1 - py)) / area;
        const w1 = ((x2 - px) * (y0 - py) - (x0 - px) * (y2 - py)) / area;
        const w2 = 1 - w0 - w1;
        if (w0 < -0.01 || w1 < -0.01 || w2 < -0.01) continue;
        const z = w0 * z0 + w1 * z1 + w2 * z2;
        if (z < zbuf[y * size + x]!) zbuf[y * size + x] = z;
      }
    }
  }
  return zbuf;
}
