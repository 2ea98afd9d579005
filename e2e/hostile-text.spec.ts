import type { Route } from '@playwright/test';
import type { Flow } from '../src/api/contract';
import { api, createPagerDutyIntegration, expect, test, validRoutingKey } from './fixtures';
import { allHostile, armTraps, expectNoSidewaysScroll, hostile, longWord } from './fixtures/hostile';
import { FlowDetailPage } from './pages/flow-detail-page';
import { FlowsListPage } from './pages/flows-list-page';
import { IntegrationsPage } from './pages';

/**
 * Specs, flow names, messages and PagerDuty replies full of script, event-handler attributes, `javascript:` URLs and
 * very long strings: nothing runs, no dialog opens, the CSP reports nothing, and the page stays usable.
 */

/** A catalog entry whose every text is hostile; `properties` cover every widget kind plus an unknown type. */
const hostileSpec = {
  label: `${hostile.img} ${longWord(400)}`,
  type: 'hostile',
  implemented: true,
  category: hostile.svg,
  properties: [
    {
      field: 'name',
      type: 'string',
      title: hostile.script,
      required: true,
      placeholder: hostile.attr,
      info: hostile.img,
      info_md: `${hostile.mdLink}\n\n${hostile.script}\n\n<a href="${hostile.jsUrl}">raw link</a> ${hostile.iframe}`,
      group: { name: hostile.svg, outline: true },
    },
    {
      field: 'level',
      type: 'enum',
      title: hostile.attr,
      values: [
        { label: hostile.img, value: hostile.script },
        { label: longWord(500), value: 'long' },
      ],
    },
    { field: 'enabled', type: 'boolean', title: hostile.svg, info_md: hostile.iframe },
    { field: 'details', type: 'object', title: hostile.template, info: longWord(1000) },
    { field: 'other', type: hostile.img, title: longWord(600) },
    { field: 'token', type: 'string', secret: true, title: hostile.jsUrl, placeholder: hostile.script },
  ],
};

async function serveHostileCatalog(route: Route) {
  const response = await route.fetch();
  const catalog = (await response.json()) as unknown[];
  await route.fulfill({ response, json: [...catalog, hostileSpec] });
}

test('a hostile integration catalog renders as plain text on the list and in the form', async ({
  managerPage: page,
}) => {
  const traps = await armTraps(page);
  await page.route('**/api/integrations-specifications', serveHostileCatalog);

  const integrations = new IntegrationsPage(page);
  await integrations.goto();
  await expect(integrations.heading).toBeVisible();
  await expect(integrations.card('PagerDuty')).toBeVisible();
  await expect(page.getByText(hostile.img, { exact: false }).first()).toBeVisible();
  await traps.expectNothingRan();
  await expectNoSidewaysScroll(page);

  await page.goto('/integrations/hostile/connect');
  // Titles appear as the literal text the spec sent.
  await expect(page.getByRole('textbox', { name: hostile.script })).toBeVisible();
  await expect(page.getByRole('combobox', { name: hostile.attr })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: hostile.svg })).toBeVisible();
  const create = page.getByRole('button', { name: 'Create' });
  await expect(create).toBeVisible();
  await create.scrollIntoViewIfNeeded();
  await traps.expectNothingRan();
  await expectNoSidewaysScroll(page);

  // The markdown link lost its javascript: target; clicking what is left of it runs nothing.
  await page.getByText('Open me').first().click();
  const name = page.getByRole('textbox', { name: hostile.script });
  await name.fill(allHostile);
  await create.click();
  // The server does not know this type: its refusal is shown, and what was typed stays.
  await expect(page.getByText(/Unknown integration type|not available/i).first()).toBeVisible();
  await expect(name).toHaveValue(allHostile);
  await traps.expectNothingRan();
});

test('hostile flow names, messages and details render as text in the list, the page and the editor', async ({
  managerPage: page,
}) => {
  const traps = await armTraps(page);
  const names = [...Object.values(hostile).map((text) => text.slice(0, 200)), longWord(200)];
  const flows: Flow[] = [];
  for (const name of names) {
    flows.push(
      await api('createFlow', {
        body: {
          name,
          trigger_type: 'anomaly',
          actions: [
            {
              type: 'PagerDuty',
              tokenized_message: `${allHostile} {{ container_name }} ${longWord(3000)}`.slice(0, 4096),
              parameters: {
                severity: 'critical',
                custom_details: Object.fromEntries(Object.entries(hostile).map(([k, v]) => [v.slice(0, 100), k])),
              },
            },
          ],
        },
      }),
    );
  }

  const list = new FlowsListPage(page);
  await list.goto();
  await expect(list.table).toBeVisible();
  for (const name of names) await expect(list.table.getByText(name, { exact: true })).toBeVisible();
  await traps.expectNothingRan();
  await expectNoSidewaysScroll(page);

  const detail = new FlowDetailPage(page);
  for (const flow of [flows[1]!, flows.at(-1)!]) {
    await detail.goto(flow.id);
    await expect(detail.actions).toBeVisible();
    await traps.expectNothingRan();
    await expectNoSidewaysScroll(page);
    await detail.editAction(1);
    await expect(detail.panel).toBeVisible();
    await expect(detail.editor.preview).toBeVisible();
    await expect(detail.editor.preview).toContainText(hostile.script.slice(0, 40));
    await traps.expectNothingRan();
    await expect(detail.saveButton).toBeVisible();
    await page.keyboard.press('Escape');
  }
});

test('hostile PagerDuty replies to a test notification are shown as text', async ({ managerPage: page }) => {
  const traps = await armTraps(page);
  await createPagerDutyIntegration(validRoutingKey('hostile'));
  const flow = await api('createFlow', {
    body: {
      name: 'Replies',
      trigger_type: 'anomaly',
      actions: [{ type: 'PagerDuty', tokenized_message: 'Anomaly', parameters: { severity: 'error' } }],
    },
  });

  let reply: 'refused' | 'accepted' = 'refused';
  await page.route('**/api/flows/actions/test-notification', async (route) => {
    if (reply === 'refused') {
      await route.fulfill({
        status: 400,
        json: {
          detail: [{ loc: ['body', 'parameters', 'routing_key'], msg: allHostile, type: 'pagerduty.invalid_key' }],
          code: 'invalid_event',
          pagerduty: { http_status: 400, status: hostile.img, message: hostile.script, errors: [hostile.jsUrl] },
        },
      });
      return;
    }
    // A real answer, with PagerDuty's parts replaced by hostile text.
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown> & { event: { payload: Record<string, unknown> } };
    await route.fulfill({
      response,
      json: {
        ...body,
        message: hostile.img,
        pagerduty: { status: hostile.svg, message: hostile.script, dedup_key: `${hostile.jsUrl}${longWord(300)}` },
        event: { ...body.event, payload: { ...body.event.payload, summary: allHostile } },
      },
    });
  });

  const detail = new FlowDetailPage(page);
  await detail.goto(flow.id);
  await detail.editAction(1);
  await expect(detail.panel).toBeVisible();
  await detail.editor.sendTest();
  await expect(detail.editor.result).toBeVisible();
  await expect(detail.panel.getByText(hostile.script, { exact: false }).first()).toBeVisible();
  await traps.expectNothingRan();

  reply = 'accepted';
  await detail.editor.sendTest();
  await expect(detail.editor.result.getByText(hostile.script, { exact: false }).first()).toBeVisible();
  await traps.expectNothingRan();
  await expectNoSidewaysScroll(page);
});
