import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRoutingKey, startTestServer, tempDataDir, TEST_TOKENS } from '../test-support/test-server';

/** Every byte SQLite keeps on disk for the database (main file, WAL, shared memory). */
const databaseBytes = (dataDir: string) =>
  Buffer.concat(
    readdirSync(dataDir)
      .filter((f) => f.startsWith('qualytics.db'))
      .map((f) => readFileSync(join(dataDir, f))),
  );

describe('persistence', () => {
  it('keeps integrations, flows, overrides and last tests across a restart', async () => {
    const dataDir = tempDataDir();
    const integrationKey = newRoutingKey();
    const overrideKey = newRoutingKey();
    const first = await startTestServer({}, { dataDir });
    const integration = await first.api('POST', '/api/integrations', {
      body: { type: 'pagerduty', api_access_token: integrationKey },
    });
    const flow = await first.api('POST', '/api/flows', {
      body: {
        name: 'Survives',
        trigger_type: 'operation',
        actions: [
          { type: 'PagerDuty', tokenized_message: 'm', parameters: { severity: 'critical', routing_key: overrideKey } },
        ],
      },
    });
    await first.api('POST', '/api/flows/actions/test-notification', {
      body: { type: 'PagerDuty', tokenized_message: 'm', flow_id: flow.body.id, action_id: flow.body.actions[0].id },
    });
    const before = (await first.api('GET', `/api/flows/${flow.body.id}`)).body;
    expect(before.actions[0].last_test.outcome).toBe('delivered');
    await first.close();

    const second = await startTestServer({}, { dataDir });
    try {
      expect((await second.api('GET', `/api/integrations/${integration.body.id}`)).body).toEqual(integration.body);
      expect((await second.api('GET', `/api/flows/${flow.body.id}`)).body).toEqual(before);
      // The sealed keys still open with the key file kept in DATA_DIR.
      await second.api('POST', '/api/flows/actions/test-notification', {
        body: { type: 'PagerDuty', tokenized_message: 'a' },
      });
      await second.api('POST', '/api/flows/actions/test-notification', {
        body: { type: 'PagerDuty', tokenized_message: 'b', action_id: flow.body.actions[0].id },
      });
      expect((await second.sim.events()).map((e) => e.body.routing_key)).toEqual([integrationKey, overrideKey]);
    } finally {
      await second.close();
    }
  });

  it('seals secrets and hashes tokens: the database files contain none of them', async () => {
    const dataDir = tempDataDir();
    const integrationKey = newRoutingKey();
    const overrideKey = newRoutingKey();
    const server = await startTestServer({}, { dataDir });
    await server.api('POST', '/api/integrations', { body: { type: 'pagerduty', api_access_token: integrationKey } });
    await server.api('POST', '/api/flows', {
      body: {
        name: 'x',
        trigger_type: 'anomaly',
        actions: [{ type: 'PagerDuty', tokenized_message: 'm', parameters: { routing_key: overrideKey } }],
      },
    });
    const bytes = databaseBytes(dataDir);
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of [integrationKey, overrideKey, ...Object.values(TEST_TOKENS)]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
    }
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    await server.close();
  });

  it('refuses to start with a SECRET_KEY other than the one the data was sealed with', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ SECRET_KEY: 'a'.repeat(64) }, { dataDir });
    await first.api('POST', '/api/integrations', { body: { type: 'pagerduty', api_access_token: newRoutingKey() } });
    await first.close();
    await expect(startTestServer({ SECRET_KEY: 'b'.repeat(64) }, { dataDir })).rejects.toThrow(
      /secret key does not match/,
    );
    const again = await startTestServer({ SECRET_KEY: 'a'.repeat(64) }, { dataDir });
    expect((await again.api('GET', '/api/integrations')).body).toHaveLength(1);
    await again.close();
  });
});

describe('API tokens', () => {
  it('generates tokens once into an owner-only file, and an env token wins later', async () => {
    const dataDir = tempDataDir();
    const noTokens = { ADMIN_TOKEN: '', MANAGER_TOKEN: '', MEMBER_TOKEN: '' };
    const first = await startTestServer(noTokens, { dataDir });
    const file = first.app.startup.tokensFile!;
    expect(file).toBe(join(dataDir, 'tokens.txt'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const tokens = Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z]+_TOKEN=/.test(l))
        .map((l) => l.split('=') as [string, string]),
    );
    expect(Object.keys(tokens).sort()).toEqual(['ADMIN_TOKEN', 'MANAGER_TOKEN', 'MEMBER_TOKEN']);
    expect((await first.api('GET', '/api/users/me', { token: tokens.MANAGER_TOKEN })).body.role).toBe('Manager');
    expect(first.logs.join('\n')).not.toContain(tokens.MANAGER_TOKEN);
    await first.close();

    const second = await startTestServer(
      { ...noTokens, MANAGER_TOKEN: 'a-manager-token-from-the-env-123' },
      { dataDir },
    );
    try {
      expect(second.app.startup.tokensFile).toBeNull();
      expect((await second.api('GET', '/api/users/me', { token: tokens.MANAGER_TOKEN })).status).toBe(401);
      expect((await second.api('GET', '/api/users/me', { token: 'a-manager-token-from-the-env-123' })).body.role).toBe(
        'Manager',
      );
      expect((await second.api('GET', '/api/users/me', { token: tokens.MEMBER_TOKEN })).body.role).toBe('Member');
    } finally {
      await second.close();
    }
    expect(existsSync(file)).toBe(true);
  });
});
