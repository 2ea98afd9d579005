import {
  createFlowWithPagerDutyAction,
  expectNoAxeViolations,
  createPagerDutyIntegration,
  expect,
  signInAs,
  test,
  validRoutingKey,
} from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('sign-in page', async ({ page }) => {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expectNoAxeViolations(page, `sign-in (${colorScheme})`);
    });

    test('every signed-in page', async ({ page }) => {
      await signInAs(page, 'Manager');
      const integration = await createPagerDutyIntegration(validRoutingKey(`axe${colorScheme}`));
      const flow = await createFlowWithPagerDutyAction('Accessibility check flow');
      const pages: [string, string][] = [
        ['/integrations', 'Integrations'],
        [`/integrations/${integration.id}`, 'Edit PagerDuty integration'],
        ['/flows', 'Flows'],
        [`/flows/${flow.id}`, ''],
        ['/no/such/page', 'Page not found'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page, `${path} (${colorScheme})`);
      }
    });

    test('connect page', async ({ page }) => {
      await signInAs(page, 'Manager');
      await page.goto('/integrations/pagerduty/connect');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, `connect (${colorScheme})`);
    });
  });
}
