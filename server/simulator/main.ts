import Fastify from 'fastify';
import { pagerDutySimulator } from './simulator-plugin';

/**
 * The PagerDuty simulator on its own port, for tests that point PAGERDUTY_EVENTS_URL at it:
 * `PORT=9999 node --import tsx server/simulator/main.ts` then
 * `PAGERDUTY_EVENTS_URL=http://127.0.0.1:9999/pagerduty-sim`.
 */
const port = Number(process.env.PORT ?? 9999);
const host = process.env.HOST ?? '127.0.0.1';
const holdMs = Number(process.env.SIM_TIMEOUT_HOLD_MS ?? 15_000);

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
await app.register(pagerDutySimulator, { prefix: '/pagerduty-sim', holdMs });
const address = await app.listen({ port, host });
console.log(`PagerDuty simulator listening at ${address}/pagerduty-sim`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
