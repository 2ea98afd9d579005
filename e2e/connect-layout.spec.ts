import { expect, test } from './fixtures';
import { ConnectPage } from './pages';

test.describe('connecting on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the Routing Key box is not squeezed by nested boxes, and Create stays put as its error comes and goes', async ({
    managerPage: page,
  }) => {
    const connect = new ConnectPage(page);
    await connect.goto();
    await expect(connect.routingKey).toBeVisible();
    // Page, card and group padding once took the box down to ~180 px of the 390.
    expect((await connect.routingKey.boundingBox())!.width).toBeGreaterThan(250);

    const at = async () => (await connect.createButton.boundingBox())!.y;
    const before = await at();
    await connect.createButton.click();
    await expect(page.getByText('Routing Key is required')).toBeVisible();
    await expect(connect.routingKey).toBeFocused();
    expect(await at()).toBeCloseTo(before, 0);

    // The message goes on the keystroke, and the button does not move under the pointer.
    await connect.routingKey.pressSequentially('a');
    await expect(page.getByText('Routing Key is required')).toBeHidden();
    expect(await at()).toBeCloseTo(before, 0);
  });
});
