import { afterAll, expect, it } from 'vitest';
import { newRoutingKey, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer | undefined;
afterAll(() => server?.close());

it('tells the observer of every attempt and every settled delivery, skipped ones included', async () => {
  const seen: string[] = [];
  server = await startTestServer(
    {},
    {
      delivery: {
        observer: {
          attempt: (e) => seen.push(`attempt ${e.kind} ${e.outcome} ${e.durationMs >= 0}`),
          settled: (e) => seen.push(`settled ${e.kind} ${e.status}`),
        },
      },
    },
  );
  const integration = await server.api('POST', '/api/integrations', {
    body: { type: 'pagerduty', api_access_token: newRoutingKey() },
  });
  expect(seen.splice(0)).toEqual(['attempt validation delivered true', 'settled validation delivered']);
  const flow = await server.api('POST', '/api/flows', {
    body: {
      name: 'Two',
      trigger_type: 'anomaly',
      actions: [
        { type: 'PagerDuty', tokenized_message: 'a', parameters: {} },
        { type: 'PagerDuty', tokenized_message: 'b', parameters: { routing_key: newRoutingKey() } },
      ],
    },
  });
  await server.api('DELETE', `/api/integrations/${integration.body.id}`);
  await server.api('POST', `/api/flows/${flow.body.id}/executions`, { body: {} });
  await expect.poll(() => seen.length).toBe(3);
  expect(seen).toEqual(['settled trigger skipped', 'attempt trigger delivered true', 'settled trigger delivered']);
});
