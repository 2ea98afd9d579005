import { e2eEnv, expect, sessionStorageKey, test } from './fixtures';
import { AppShell, IntegrationsPage, SignInPage } from './pages';

test.describe('app shell', () => {
  test('signs in with a token, returns to the page asked for, and signs out', async ({ page }) => {
    const signIn = new SignInPage(page);
    const shell = new AppShell(page);

    await page.goto('/flows');
    await expect(signIn.heading).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fflows$/);

    await signIn.tokenInput.fill('wrong-token');
    await expect(signIn.tokenInput).toHaveAttribute('type', 'password');
    await signIn.toggleReveal();
    await expect(signIn.tokenInput).toHaveAttribute('type', 'text');
    await signIn.submitButton.click();
    await expect(page.getByText(/not recognised/)).toBeVisible();
    await expect(signIn.tokenInput).toHaveValue('wrong-token');

    await signIn.signIn(e2eEnv.tokens.Manager);
    await expect(page).toHaveURL(/\/flows$/);
    await expect(shell.user).toContainText('Manager');
    await expect(shell.navLink('Flows')).toHaveAttribute('aria-current', 'page');
    expect(await page.evaluate((key) => sessionStorage.getItem(key), sessionStorageKey)).toBe(e2eEnv.tokens.Manager);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(e2eEnv.tokens.Manager);

    await shell.navLink('Integrations').click();
    await expect(page).toHaveURL(/\/integrations$/);
    await expect(shell.navLink('Integrations')).toHaveAttribute('aria-current', 'page');
    await page.goBack();
    await expect(page).toHaveURL(/\/flows$/);

    await shell.signOut();
    await expect(signIn.heading).toBeVisible();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), sessionStorageKey)).toBeNull();
    await page.goto('/integrations');
    await expect(signIn.heading).toBeVisible();
  });

  test('a deep link survives a reload, and an unknown address says so', async ({ managerPage: page }) => {
    await page.goto('/integrations');
    await expect(new IntegrationsPage(page).heading).toBeVisible();
    await page.reload();
    await expect(new IntegrationsPage(page).heading).toBeVisible();
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.goto('/integrations/999999');
    await expect(page.getByRole('heading', { level: 1, name: 'Integration not found' })).toBeVisible();
  });

  test('a skip link jumps to the content and the theme can be switched', async ({ managerPage: page }) => {
    await page.goto('/integrations');
    await expect(new IntegrationsPage(page).heading).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await skip.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    const shell = new AppShell(page);
    await shell.chooseTheme('Dark');
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await shell.chooseTheme('Light');
    await expect(page.locator('html')).toHaveClass(/light/);
  });
});
