import type { Locator } from '@playwright/test';
import { createPagerDutyIntegration, expect, test, validRoutingKey } from './fixtures';
import { AppShell } from './pages';
import { WizardPage } from './pages/wizard-page';

/** The theme's primary colours (src/app/theme/theme.ts), as computed styles spell them. */
const primary = { Light: 'rgb(30, 79, 163)', Dark: 'rgb(143, 180, 255)' } as const;

interface Ring {
  style: string;
  width: string;
  color: string;
  offset: string;
  /** Contrast of the ring against what is behind it (WCAG 1.4.11 asks >= 3). */
  contrast: number;
}

/** Focused from the keyboard (Shift+Tab away and Tab back), so :focus-visible applies as it does for a user. */
async function ringOf(target: Locator): Promise<Ring> {
  await target.focus();
  await target.page().keyboard.press('Shift+Tab');
  await target.page().keyboard.press('Tab');
  await expect(target).toBeFocused();
  return target.evaluate((element) => {
    const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    // The ring sits outside the element (offset): what is behind it is the nearest painted ancestor.
    let behind = element.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (behind) {
      const colour = getComputedStyle(behind).backgroundColor;
      const [, , , alpha = 1] = parse(colour);
      if (alpha > 0.5) {
        background = colour;
        break;
      }
      behind = behind.parentElement;
    }
    const style = getComputedStyle(element);
    const [a, b] = [luminance(parse(style.outlineColor)), luminance(parse(background))];
    return {
      style: style.outlineStyle,
      width: style.outlineWidth,
      color: style.outlineColor,
      offset: style.outlineOffset,
      contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
    };
  });
}

for (const mode of ['Light', 'Dark'] as const) {
  test(`one clear focus ring on buttons, icon buttons and fields (${mode.toLowerCase()})`, async ({
    managerPage: page,
  }) => {
    await createPagerDutyIntegration(validRoutingKey('focus'));
    const wizard = new WizardPage(page);
    await wizard.goto('notification');
    await expect(wizard.currentStep('Notification')).toBeVisible();
    await new AppShell(page).chooseTheme(mode);
    const { editor } = wizard;
    await editor.addDetail('team', 'data');

    const targets: [string, Locator][] = [
      ['Back', wizard.button('Back')],
      ['Next', wizard.button('Next: Send test')],
      ['Add row', editor.details.getByRole('button', { name: 'Add row' })],
      ['Edit as JSON', editor.details.getByRole('button', { name: 'Edit as JSON' })],
      ['delete-row icon', editor.details.getByRole('button', { name: /^Remove row \d+ \(team\)$/ })],
    ];
    for (const [name, target] of targets) {
      const ring = await ringOf(target);
      expect.soft(ring, `${name}: a 2px solid ring in the primary colour`).toMatchObject({
        style: 'solid',
        width: '2px',
        color: primary[mode],
        offset: '2px',
      });
      expect.soft(ring.contrast, `${name}: ring contrast`).toBeGreaterThanOrEqual(3);
    }

    // A text field: the ring goes round the whole box.
    await ringOf(wizard.flowName);
    const field = wizard.flowName.locator('xpath=ancestor::div[contains(@class, "MuiInputBase-root")][1]');
    await expect(field).toHaveCSS('outline-style', 'solid');
    await expect(field).toHaveCSS('outline-color', primary[mode]);
  });
}
