/**
 * A platform that implements only the brief's endpoints (integrations, their specifications, channels, action
 * notification specifications and the test notification), in memory, serving the built SPA. The console must keep
 * working against it and say calmly what it does not offer. Plus the two routes any console needs to start: the
 * token's user and the list of integrations (the brief documents one integration by id).
 */
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { resolve } from 'node:path';
import { slackSpec, teamsSpec } from '../../server/integrations/catalog-connectors';
import { actionNotificationSpecs } from '../../server/integrations/pagerduty/action-spec';
import { pagerDutyIntegrationSpec } from '../../server/integrations/pagerduty/integration-spec';
import type { Integration } from '../../src/api/contract';
import { briefOnlyEnv } from './env';

const integrationSpecs = [pagerDutyIntegrationSpec, slackSpec, teamsSpec];

const app = Fastify({ logger: false });
const integrations = new Map<number, Integration>();
let nextId = 1;
const isKey = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9]{32}$/.test(value);
const keyError = {
  detail: [
    { loc: ['body', 'api_access_token'], msg: 'PagerDuty refused the key: Invalid routing key', type: 'value_error' },
  ],
  code: 'invalid_key',
};

app.addHook('onRequest', async (request, reply) => {
  if (!request.url.startsWith('/api/') || request.url === '/api/health') return;
  if (request.headers.authorization !== `Bearer ${briefOnlyEnv.managerToken}`)
    return reply.code(401).send({ detail: 'Invalid or missing token' });
});

app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/api/users/me', async () => ({ id: 1, name: 'Brief Manager', role: 'Manager' }));
app.get('/api/integrations-specifications', async () => integrationSpecs);
app.get('/api/action-notification-specifications', async () => actionNotificationSpecs);
app.get('/api/alerting/:type/list-channels', async () => []);
app.get('/api/integrations', async () => [...integrations.values()]);

app.post('/api/integrations', async (request, reply) => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (typeof body.type !== 'string') return reply.code(422).send({ detail: 'type is required' });
  if ([...integrations.values()].some((i) => i.type === body.type))
    return reply.code(409).send({ detail: `${body.type} is already connected` });
  if (!isKey(body.api_access_token)) return reply.code(400).send(keyError);
  const now = new Date().toISOString();
  const integration = { id: nextId++, type: body.type, created: now, updated: now };
  integrations.set(integration.id, integration);
  return reply.code(201).send(integration);
});

const find = (id: string) => integrations.get(Number(id));

app.get('/api/integrations/:id', async (request, reply) => {
  const integration = find((request.params as { id: string }).id);
  return integration ?? reply.code(404).send({ detail: 'Integration not found' });
});

app.put('/api/integrations/:id', async (request, reply) => {
  const integration = find((request.params as { id: string }).id);
  if (!integration) return reply.code(404).send({ detail: 'Integration not found' });
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (body.api_access_token !== undefined && !isKey(body.api_access_token)) return reply.code(400).send(keyError);
  integration.updated = new Date().toISOString();
  return integration;
});

app.delete('/api/integrations/:id', async (request, reply) => {
  const { id } = request.params as { id: string };
  if (!integrations.delete(Number(id))) return reply.code(404).send({ detail: 'Integration not found' });
  return reply.code(204).send();
});

app.post('/api/flows/actions/test-notification', async (request, reply) => {
  if (integrations.size === 0)
    return reply.code(409).send({ detail: 'PagerDuty is not connected', code: 'not_connected' });
  const body = (request.body ?? {}) as { tokenized_message?: string; parameters?: { severity?: string } };
  const now = new Date().toISOString();
  const dedup = `brief-only-test-${Date.now()}`;
  return {
    status: 'success',
    message: 'Notification successfully sent.',
    sent_at: now,
    key_source: 'integration',
    routing_key_last4: 'xxxx',
    pagerduty: { status: 'success', message: 'Event processed', dedup_key: dedup },
    event: {
      routing_key: '…xxxx',
      event_action: 'trigger',
      dedup_key: dedup,
      client: 'Qualytics',
      client_url: briefOnlyEnv.baseURL,
      payload: {
        summary: body.tokenized_message ?? '',
        timestamp: now,
        severity: body.parameters?.severity ?? 'info',
        source: briefOnlyEnv.baseURL,
      },
    },
  };
});

await app.register(fastifyStatic, { root: resolve(process.env.STATIC_DIR ?? 'dist'), wildcard: false });
app.setNotFoundHandler((request, reply) => {
  if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
  return reply.code(404).send({ detail: 'Not Found' });
});

await app.listen({ host: '127.0.0.1', port: briefOnlyEnv.port });
