import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { newRoutingKey, startTestServer, tempDataDir } from '../test-support/test-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A PagerDuty that takes every request and never answers. */
async function hangingPagerDuty() {
  const received: Record<string, unknown>[] = [];
  const server: Server = createServer((request) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => received.push(JSON.parse(body) as Record<string, unknown>));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

it('a restart resumes a delivery that was in flight, sending it again with the same dedup key', async () => {
  const dataDir = tempDataDir();
  const setup = await startTestServer({}, { dataDir });
  await setup.api('POST', '/api/integrations', { body: { type: 'pagerduty', api_access_token: newRoutingKey() } });
  const flow = await setup.api('POST', '/api/flows', {
    body: {
      name: 'Nightly',
      trigger_type: 'schedule',
      actions: [{ type: 'PagerDuty', tokenized_message: 'x', parameters: {} }],
    },
  });
  await setup.close();

  const hanging = await hangingPagerDuty();
  const first = await startTestServer(
    { PAGERDUTY_EVENTS_URL: hanging.url, DELIVERY_SHUTDOWN_WAIT_MS: '50' },
    { dataDir },
  );
  const run = await first.api('POST', `/api/flows/${flow.body.id}/executions`, { body: {} });
  expect(run.status).toBe(202);
  // In flight: PagerDuty has the request and has not answered when the server goes down.
  await expect.poll(() => hanging.received.length).toBe(1);
  expect((await first.api('GET', `/api/flows/executions/${run.body.id}`)).body.actions[0].status).toBe('running');
  await first.close();

  const second = await startTestServer({}, { dataDir });
  cleanups.push(() => second.close());
  const deliveryId = run.body.actions[0].delivery_id;
  await expect
    .poll(async () => (await second.api('GET', `/api/notifications/deliveries/${deliveryId}`)).body.status, {
      timeout: 5000,
    })
    .toBe('delivered');
  const resent = await second.sim.events();
  expect(resent.map((e) => e.body.dedup_key)).toEqual([hanging.received[0]!.dedup_key]);
  expect((await second.api('GET', `/api/flows/executions/${run.body.id}`)).body.status).toBe('success');
});
