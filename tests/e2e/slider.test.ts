import type { Browser, Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { buildHarness, frontmatterValue, launch } from './browser';

jest.setTimeout(60_000);

let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  url = buildHarness();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 900, height: 640 } });
  await page.goto(url);
  await page.waitForSelector('.daybook-slider');
});

afterEach(async () => {
  await page.close();
});

const slider = (n: number): Locator => page.locator('.daybook-slider').nth(n);
const settle = () => page.waitForTimeout(450);

async function dragTo(target: Locator, fraction: number): Promise<void> {
  const input = target.locator('input');
  const box = (await input.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.5 + ((fraction - 0.5) * i) / 10), box.y + box.height / 2);
  await page.mouse.up();
}

describe('the Live Preview slider in a real browser', () => {
  it('renders every token as a slider named by its question, unset shown as unset', async () => {
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(3);
    await expect(slider(0).locator('input').getAttribute('aria-label')).resolves.toBe('How do you feel when you wake up?');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('4');
    await expect(slider(1).locator('input').getAttribute('aria-label')).resolves.toBe('How do you feel when you wind down?');
    await expect(slider(1).locator('output').textContent()).resolves.toBe('Not set');
  });

  it('writes a mouse drag into the frontmatter, coalesced, and leaves the other slider alone', async () => {
    await dragTo(slider(0), 1);
    await settle();
    expect(await frontmatterValue(page, 'mood_wake')).toBe('10');
    expect(await frontmatterValue(page, 'mood_wind')).toBe('');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('10');
    const writes: number = await page.evaluate(() => (window as unknown as { harness: { writes(): number } }).harness.writes());
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(4);
  });

  it('moves with the arrow keys and keeps focus while the value lands', async () => {
    const input = slider(0).locator('input');
    await input.focus();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(60);
    }
    await settle();
    expect(await frontmatterValue(page, 'mood_wake')).toBe('7');
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowLeft');
    await settle();
    expect(await frontmatterValue(page, 'mood_wake')).toBe('6');
  });

  it('binds a bare {{slider}} through the question above it, and the callout slider to the same property', async () => {
    await slider(1).locator('input').focus();
    await page.keyboard.press('End');
    await settle();
    expect(await frontmatterValue(page, 'mood_wind')).toBe('10');
    await expect(slider(2).locator('output').textContent()).resolves.toBe('10');
    expect(await frontmatterValue(page, 'mood_wake')).toBe('4');
  });

  it('follows an edit of the property made elsewhere', async () => {
    await page.evaluate(() => (window as unknown as { harness: { replaceText(a: string, b: string): void } }).harness.replaceText('mood_wake: 4', 'mood_wake: 9'));
    await expect(slider(0).locator('output').textContent()).resolves.toBe('9');
    await expect(slider(0).locator('input').inputValue()).resolves.toBe('9');
  });

  it('shows the raw token while the cursor is on it', async () => {
    await page.evaluate(() => (window as unknown as { harness: { cursorAt(s: string): void } }).harness.cursorAt('{{slider mood_wake}}'));
    await expect(page.locator('.cm-content').textContent()).resolves.toContain('{{slider mood_wake}}');
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(2);
    await page.evaluate(() => (window as unknown as { harness: { cursorAt(s: string): void } }).harness.cursorAt('A line to put'));
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(3);
  });

  it('follows the theme (screenshots in tests/e2e/dist; docs/ keeps reviewed copies for the README)', async () => {
    await page.setViewportSize({ width: 760, height: 420 });
    await page.screenshot({ path: join(__dirname, 'dist', 'slider-light.png') });
    await page.evaluate(() => document.body.classList.add('theme-dark'));
    await page.screenshot({ path: join(__dirname, 'dist', 'slider-dark.png') });
    const colour = await slider(0).locator('output').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(218, 218, 218)');
  });
});
