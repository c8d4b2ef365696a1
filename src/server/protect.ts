// The checks every request passes before any route: security headers, loopback-only Host names
// (DNS rebinding), cross-site refusal (CSRF), CORS for allowed origins, and the error mapping that
// turns any failure into one JSON line.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from './uploads.ts';
import { QueueFullError } from './queue.ts';
import { crossSiteRefusal, isAllowedOrigin } from './guards.ts';
import { DISK_FULL_MESSAGE, isDiskFull } from './storage.ts';
import { sendError } from './reply.ts';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function securityHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('content-security-policy', "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'");
}

export function registerProtection(app: FastifyInstance, p: { host: string; allowedOrigins: ReadonlySet<string> }): void {
  const { allowedOrigins } = p;
  const hostIsLoopback = LOOPBACK_NAMES.has(p.host);
  app.addHook('onRequest', async (req, reply) => {
    securityHeaders(reply);
    // bound to loopback: refuse other Host names (DNS rebinding from a web page)
    if (hostIsLoopback) {
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (!LOOPBACK_NAMES.has(hostname)) return sendError(reply, 403, 'This server only answers requests addressed to localhost.', 'forbidden');
    }
    // a web page on another site must not queue or delete jobs through the user's browser (CSRF)
    const refusal = crossSiteRefusal(req.method, req.headers, allowedOrigins);
    if (refusal) return sendError(reply, 403, refusal, 'cross_site');
    const origin = req.headers.origin;
    if (isAllowedOrigin(origin, allowedOrigins)) reply.header('access-control-allow-origin', origin!).header('vary', 'origin');
  });
  // the preflight a browser sends before a DELETE from an allowed origin
  app.options('/api/*', async (req, reply) => {
    if (!isAllowedOrigin(req.headers.origin, allowedOrigins)) return sendError(reply, 403, 'Cross-origin requests are not allowed; start the server with --allow-origin to allow a site.', 'cross_site');
    return reply.code(204).header('access-control-allow-methods', 'GET, POST, DELETE').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').send();
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) {
      // a stalled client gets its answer and the connection is closed (its body never came)
      if (err.statusCode === 408) reply.header('connection', 'close');
      return sendError(reply, err.statusCode, err.message, err.code);
    }
    if (isDiskFull(err)) {
      req.log.error(err);
      return sendError(reply, 507, DISK_FULL_MESSAGE, 'disk_full');
    }
    if (err instanceof QueueFullError) return sendError(reply.header('retry-after', '30'), 429, err.message, 'queue_full');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, err.statusCode, err.message, err.code ?? 'bad_request');
    req.log.error(err);
    return sendError(reply, 500, 'Internal server error. The server keeps running; try again.', 'internal');
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, `Nothing at ${req.method} ${req.url.slice(0, 100)}.`, 'not_found'));

}
