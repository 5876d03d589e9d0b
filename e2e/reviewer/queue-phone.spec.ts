// Issue 13 point 10: on a phone (below 640 px) the queue is a list of cards: the caption and each case's time left are
// in view without scrolling sideways, every value after its column's name.
import { expect, test } from '@playwright/test';
import { STORAGE_STATE } from '../helpers/sign-in';
import { sidewaysOverflow } from '../helpers/accessibility';

test.use({ storageState: STORAGE_STATE.reviewer, viewport: { width: 375, height: 812 } });

test('the queue on a 375 px phone shows the caption and each case’s time left inside the screen', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByTestId('queue-caption')).toBeVisible();
  const rows = page.getByTestId('queue-row');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of (await rows.all()).slice(0, 5)) {
    const timeLeft = row.locator('[data-column="timeLeft"]');
    await expect(timeLeft).toBeVisible();
    const box = (await timeLeft.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    // The card names the value it shows.
    expect(await timeLeft.evaluate((cell) => getComputedStyle(cell, '::before').content)).toContain('剩余');
  }
  const overflow = await sidewaysOverflow(page);
  expect(overflow).toBeLessThanOrEqual(0);
});
