import type { Page } from '@playwright/test';
import { api, createPagerDutyIntegration, expect, simulator, test, validRoutingKey } from './fixtures';
import { ConnectPage, SettingsPage } from './pages';
import { FlowDetailPage } from './pages/flow-detail-page';
import { FlowsListPage } from './pages/flows-list-page';

/**
 * PagerDuty failing in every way it can, during connect, key rotation and a test notification: the UI says what
 * happened in plain words, what was typed stays, and nothing partial is stored. Then the reference server itself
 * goes away mid-edit and comes back.
 */

type Operation = 'connect' | 'rotate' | 'test';

interface Fault {
  name: string;
  /** Makes PagerDuty (or the path to it) fail for the next call that uses `key`. */
  arrange(page: Page, key: string, operation: Operation): Promise<unknown>;
  /** What the user must be told, in plain words. */
  says: RegExp;
}

/** The server's own answer when PagerDuty's host refuses connections (see server/integrations/pagerduty/events-client.ts). */
const unreachable = {
  status: 502,
  json: {
    detail:
      'Could not reach PagerDuty at https://events.pagerduty.com (connection refused). Check the network path from this server to PagerDuty and try again.',
    code: 'unreachable',
  },
};

const apiPathOf: Record<Operation, { method: string; path: RegExp }> = {
  connect: { method: 'POST', path: /\/api\/integrations$/ },
  rotate: { method: 'PUT', path: /\/api\/integrations\/\d+$/ },
  test: { method: 'POST', path: /\/api\/flows\/actions\/test-notification$/ },
};

const faults: Fault[] = [
  {
    name: 'a 400 (revoked key)',
    arrange: (_page, key) => simulator.revoke(key),
    says: /Invalid routing key|routing key/i,
  },
  { name: 'a 429', arrange: () => simulator.fault('rate_limit', 3), says: /try again in \d+ (seconds?|minutes?)/i },
  {
    name: 'a 500',
    arrange: () => simulator.fault('server_error', 3),
    says: /PagerDuty (had a problem|answered HTTP 5\d\d|is having trouble)|server error/i,
  },
  {
    name: 'no answer within the timeout',
    arrange: () => simulator.fault('timeout', 1),
    says: /did not answer|in time/i,
  },
  {
    name: 'a malformed 202',
    arrange: () => simulator.fault('malformed', 3),
    says: /could not be understood|not confirmed|had a problem/i,
  },
  {
    name: 'connection refused',
    arrange: async (page, _key, operation) => {
      const { method, path } = apiPathOf[operation];
      await page.route(path, (route) =>
        route.request().method() === method ? route.fulfill(unreachable) : route.fallback(),
      );
    },
    says: /Could not reach PagerDuty|unreachable/i,
  },
];

/** Which key the server holds now: a test without override goes out with it, and the simulator says which. */
async function storedKeyEndsWith(last4: string) {
  await simulator.reset();
  const result = await api('testNotification', {
    body: { type: 'PagerDuty', tokenized_message: 'which key', parameters: { routing_key: null } },
  });
  expect(result.routing_key_last4).toBe(last4);
}

for (const fault of faults) {
  test.describe(`PagerDuty answers with ${fault.name}`, () => {
    test('connect: explained, key kept, nothing stored', async ({ managerPage: page }) => {
      const key = validRoutingKey('cfault');
      const connect = new ConnectPage(page);
      await connect.goto();
      await expect(connect.routingKey).toBeVisible();
      await fault.arrange(page, key, 'connect');
      await connect.connect(key);
      await expect(page.getByText(fault.says).first()).toBeVisible({ timeout: 20_000 });
      await expect(connect.routingKey).toHaveValue(key);
      await expect(connect.createButton).toBeEnabled();
      expect(await api('listIntegrations')).toEqual([]);
    });

    test('rotate: explained, new key kept in the form, old key still stored', async ({ managerPage: page }) => {
      const oldKey = validRoutingKey('rold');
      const newKey = validRoutingKey('rnew').replace(/.{4}$/, 'N3WK');
      const integration = await createPagerDutyIntegration(oldKey);
      const settings = new SettingsPage(page);
      await settings.goto(integration.id as number);
      await expect(settings.configured).toBeVisible();
      await fault.arrange(page, newKey, 'rotate');
      await settings.rotateKey(newKey);
      await expect(page.getByText(fault.says).first()).toBeVisible({ timeout: 20_000 });
      await expect(settings.newRoutingKey).toHaveValue(newKey);
      const after = await api('getIntegration', { params: { id: integration.id } });
      expect(after.updated).toBe(integration.updated);
      await storedKeyEndsWith(oldKey.slice(-4));
    });

    test('test notification: explained, the edit kept, the flow unchanged', async ({ managerPage: page }) => {
      const key = validRoutingKey('tfault');
      await createPagerDutyIntegration(key);
      const flow = await api('createFlow', {
        body: {
          name: 'Faulty deliveries',
          trigger_type: 'anomaly',
          actions: [{ type: 'PagerDuty', tokenized_message: 'Anomaly found', parameters: { severity: 'error' } }],
        },
      });
      const detail = new FlowDetailPage(page);
      await detail.goto(flow.id);
      await detail.editAction(1);
      await expect(detail.panel).toBeVisible();
      await detail.editor.message.click();
      await detail.editor.message.press('End');
      await detail.editor.message.pressSequentially(' in orders');
      await fault.arrange(page, key, 'test');
      await detail.editor.sendTest();
      await expect(detail.editor.result).toBeVisible({ timeout: 20_000 });
      await expect(detail.panel.getByText(fault.says).first()).toBeVisible();
      await expect(detail.editor.message).toHaveValue('Anomaly found in orders');
      const stored = await api('getFlow', { params: { id: flow.id } });
      expect(stored.actions[0]?.tokenized_message).toBe('Anomaly found');
    });
  });
}

test.describe('the reference server goes away mid-edit', () => {
  test('a key rotation says the server is unreachable, keeps the key, and succeeds once it is back', async ({
    managerPage: page,
  }) => {
    const oldKey = validRoutingKey('offold');
    const newKey = validRoutingKey('offnew').replace(/.{4}$/, 'BACK');
    const integration = await createPagerDutyIntegration(oldKey);
    const settings = new SettingsPage(page);
    await settings.goto(integration.id as number);
    await expect(settings.configured).toBeVisible();

    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await settings.rotateKey(newKey);
    await expect(page.getByText(/Cannot reach the server/).first()).toBeVisible();
    await expect(settings.newRoutingKey).toHaveValue(newKey);

    await page.unroute('**/api/**');
    await settings.updateButton.click();
    await expect(page.getByText('The Integration has been successfully updated')).toBeVisible();
    await storedKeyEndsWith('BACK');
  });

  test('a new flow keeps its name while offline and is created once the server is back', async ({
    managerPage: page,
  }) => {
    const list = new FlowsListPage(page);
    await list.goto();
    await expect(list.table.or(page.getByText(/no flows/i)).first()).toBeVisible();

    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await list.createFlow('Offline orders', 'Anomaly');
    await expect(page.getByText(/Cannot reach the server/).first()).toBeVisible();
    await expect(list.dialog.getByLabel('Name')).toHaveValue('Offline orders');

    await page.unroute('**/api/**');
    await list.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(new FlowDetailPage(page).heading('Offline orders')).toBeVisible();
    const flows = await api('listFlows');
    expect(flows.map((f) => f.name)).toEqual(['Offline orders']);
  });
});

test('the per-user limit on test notifications is explained with when to try again', async ({ managerPage: page }) => {
  await createPagerDutyIntegration(validRoutingKey('limit'));
  const flow = await api('createFlow', {
    body: {
      name: 'Busy tester',
      trigger_type: 'anomaly',
      actions: [{ type: 'PagerDuty', tokenized_message: 'Anomaly found', parameters: { severity: 'error' } }],
    },
  });
  // The server's own answer past TEST_NOTIFICATION_LIMIT (server/handlers/test-notification-handler.ts); served
  // here so that other tests of the same user are not slowed by a real limit.
  await page.route(apiPathOf.test.path, (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': '42' },
      json: { detail: 'Too many test notifications. Try again in 42 seconds.', retry_after: 42 },
    }),
  );
  const detail = new FlowDetailPage(page);
  await detail.goto(flow.id);
  await detail.editAction(1);
  await detail.editor.sendTest();
  await expect(detail.editor.result).toBeVisible();
  // Our own limit, not PagerDuty's: which limit, and a countdown to when it resets.
  await expect(detail.editor.result.getByRole('heading', { name: 'Not sent: test limit reached' })).toBeVisible();
  await expect(detail.editor.result).toContainText('per user per minute');
  await expect(detail.editor.result.getByRole('timer')).toHaveText(/^Wait \d+ seconds?, then press Send test again\.$/);
  await expect(detail.editor.sendTestButton).toBeEnabled();
});
