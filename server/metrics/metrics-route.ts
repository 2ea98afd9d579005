import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * `GET /metrics` in Prometheus text format, for a scraper holding METRICS_TOKEN as a bearer token. Without a token
 * configured it answers 404 like any unknown path (registered anyway, so the SPA fallback never answers it).
 */
export function registerMetricsRoute(app: FastifyInstance, options: { token: string | undefined; registry: Registry }) {
  const { token, registry } = options;
  // Compared as digests: equal lengths for timingSafeEqual, and nothing learned from how long a wrong guess was.
  const expected = token === undefined ? null : digest(token);
  app.get('/metrics', async (request, reply) => {
    if (!expected) return reply.code(404).send({ detail: 'Not Found' });
    const header = request.headers.authorization ?? '';
    const presented = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    if (!timingSafeEqual(digest(presented), expected)) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .send({ detail: 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".' });
    }
    const body = await registry.metrics();
    return reply.header('Cache-Control', 'no-store').type(registry.contentType).send(body);
  });
}
