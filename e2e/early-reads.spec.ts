import { createFlowWithPagerDutyAction, createPagerDutyIntegration, expect, test, validRoutingKey } from './fixtures';

/**
 * The route preload script in index.html starts each route's first reads while the JS downloads
 * (scripts/vite-route-preload.ts, the table in vite.config.ts). A read the app then makes differently (another query
 * string, a renamed endpoint) would be asked twice and never used: every early read must be taken by the page, and
 * nothing asked twice.
 */
test("every page's early reads are the ones it makes, each asked once", async ({ managerPage: page }) => {
  const integration = await createPagerDutyIntegration(validRoutingKey('early'));
  const flow = await createFlowWithPagerDutyAction('Early reads');
  const pages = [
    ['/integrations', 'Integrations'],
    ['/integrations/pagerduty/connect', 'Set up PagerDuty'],
    [`/integrations/${integration.id}`, /PagerDuty/],
    ['/flows', 'Flows'],
    [`/flows/${flow.id}`, 'Early reads'],
    ['/deliveries', /Deliver/],
  ] as const;
  // The wizard's first step shows PagerDuty's help at once: its chunk is preloaded with the route, not asked for after
  // the first render (one more round trip before the largest paint on a slow phone).
  await page.goto('/integrations/pagerduty/connect');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up PagerDuty' })).toBeVisible();
  await expect(page.locator('link[rel="modulepreload"][href*="/assets/pagerduty-help-"]')).toHaveCount(1);
  await page.goto('/integrations');
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();
  await expect(page.locator('link[rel="modulepreload"][href*="/assets/pagerduty-help-"]')).toHaveCount(0);

  for (const [path, heading] of pages) {
    const asked: string[] = [];
    const onRequest = (request: { url(): string; method(): string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(`${request.method()} ${url.pathname}${url.search}`);
    };
    page.on('request', onRequest);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const early = await page.evaluate(() => {
      const left = (globalThis as { __qualyticsEarly?: { responses: object } }).__qualyticsEarly;
      return left ? Object.keys(left.responses) : null;
    });
    page.off('request', onRequest);
    // Started for this route (the table has reads for each of these pages), and all of them used.
    expect(early, `${path}: early reads started`).not.toBeNull();
    expect(early, `${path}: early reads the page never made`).toEqual([]);
    expect(
      asked.filter((call, index) => asked.indexOf(call) !== index),
      `${path}: asked twice`,
    ).toEqual([]);
  }
});
