// Shared reply helpers: JSON errors in one shape, and an upload refused midway read to its end.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Every API error: {"error": one line a person can act on, "code": a stable machine name}. */
export function sendError(reply: FastifyReply, status: number, message: string, code: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error: message, code });
}

/**
 * After refusing an upload midway, reads (and drops) the rest of the body so the client gets the
 * error response instead of a reset connection, and the keep-alive connection stays usable.
 */
export function drainRequest(req: FastifyRequest): void {
  if (req.raw.complete) return;
  req.raw.unpipe();
  req.raw.resume();
}

