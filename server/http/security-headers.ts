import type { FastifyInstance } from 'fastify';

const contentSecurityPolicy = (scriptHashes: readonly string[]) =>
  [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    // MUI (emotion) injects style tags at runtime.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
const apiPolicy = contentSecurityPolicy([]);

/**
 * Headers on every answer, errors and static files included; API answers are never cached. An HTML page may run the
 * inline scripts `pageScriptHashes` names (those of the built index.html), and no other.
 */
export function addSecurityHeaders(app: FastifyInstance, pageScriptHashes: () => readonly string[] = () => []) {
  app.addHook('onSend', async (request, reply, payload) => {
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    reply.header('Content-Security-Policy', html ? contentSecurityPolicy(pageScriptHashes()) : apiPolicy);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    if (request.url.startsWith('/api/') || request.url === '/api') reply.header('Cache-Control', 'no-store');
    return payload;
  });
}

/** CORS only when CORS_ORIGIN is set: the SPA is served from the same origin and needs none. */
export function addCors(app: FastifyInstance, allowed: string | undefined) {
  if (!allowed) return;
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || (allowed !== '*' && origin !== allowed)) return;
    reply.header('Access-Control-Allow-Origin', allowed === '*' ? '*' : origin);
    reply.header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', 'Retry-After, ETag');
    if (request.method === 'OPTIONS') {
      reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
      reply.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match');
      reply.header('Access-Control-Max-Age', '600');
      return reply.code(204).send();
    }
  });
  // Preflights need a route to reach the hook above.
  app.options('/api/*', async (_request, reply) => reply.code(204).send());
}
