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
  page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  await page.goto(url);
  await page.waitForSelector('.daybook-slider');
});

afterEach(async () => {
  await page.close();
});

interface Write {
  userEvent: string;
  changes: { from: number; to: number; inserted: string; removed: string }[];
}

/** Calls a function of the harness page (tests/e2e/harness.ts). */
function harness<T>(name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([n, a]) => (window as any).harness[n](...a), [name, args] as const);
}

const slider = (n: number): Locator => page.locator('.daybook-slider').nth(n);
const settle = () => page.waitForTimeout(100);

async function dragTo(target: Locator, fraction: number): Promise<void> {
  const input = target.locator('input');
  const box = (await input.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.5 + ((fraction - 0.5) * i) / 10), box.y + box.height / 2);
  await page.mouse.up();
}

describe('the Live Preview slider in a real browser', () => {
  it('renders every token outside code as a slider named by its question, unset shown as unset', async () => {
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(3);
    await expect(slider(0).locator('input').getAttribute('aria-label')).resolves.toBe('How do you feel when you wake up?');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('4');
    await expect(slider(1).locator('input').getAttribute('aria-label')).resolves.toBe('How do you feel when you wind down?');
    await expect(slider(1).locator('output').textContent()).resolves.toBe('Not set');
    // Inline code and a fenced block (an inner ``` does not close a ~~~~ fence) keep the token as text.
    const content = await page.locator('.cm-content').textContent();
    expect(content).toContain('Written as code: `{{slider mood_wake}}` stays text.');
    expect(content).toContain('How do you feel when you wake up? {{slider}}');
  });

  it('writes a drag through the editor as one transaction changing only the value, undone in one step', async () => {
    const before: string = await harness('text');
    await dragTo(slider(0), 1);
    await settle();
    expect(await frontmatterValue(page, 'mood_wake')).toBe('10 # groggy');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('10');
    const writes: Write[] = await harness('writes');
    expect(writes).toHaveLength(1);
    expect(writes[0].userEvent).toBe('input.daybook-slider');
    expect(writes[0].changes).toEqual([{ from: before.indexOf('4 # groggy'), to: before.indexOf('4 # groggy') + 1, inserted: '10', removed: '4' }]);
    expect(await frontmatterValue(page, 'mood_wind')).toBe('');
    await harness('undoLast');
    await expect(harness('text')).resolves.toBe(before);
    await expect(slider(0).locator('output').textContent()).resolves.toBe('4');
  });

  it('moves with the arrow keys, one write per key, and keeps focus while the value lands', async () => {
    const input = slider(0).locator('input');
    await input.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await settle();
    expect(await frontmatterValue(page, 'mood_wake')).toBe('7 # groggy');
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowLeft');
    await settle();
    expect(await frontmatterValue(page, 'mood_wake')).toBe('6 # groggy');
    await expect(harness<Write[]>('writes').then((w) => w.length)).resolves.toBe(4);
  });

  it('binds a bare {{slider}} through the question above it, and the callout slider to the same property', async () => {
    await slider(1).locator('input').focus();
    await page.keyboard.press('End');
    await settle();
    expect(await frontmatterValue(page, 'mood_wind')).toBe('10');
    await expect(slider(2).locator('output').textContent()).resolves.toBe('10');
    expect(await frontmatterValue(page, 'mood_wake')).toBe('4 # groggy');
  });

  it('follows an edit of the property made elsewhere', async () => {
    await harness('replaceText', 'mood_wake: 4', 'mood_wake: 9');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('9');
    await expect(slider(0).locator('input').inputValue()).resolves.toBe('9');
  });

  it('shows the raw token while the caret is on it', async () => {
    await harness('cursorAt', '{{slider mood_wake}}\n');
    await expect(page.locator('.cm-content').textContent()).resolves.toContain('wake up? {{slider mood_wake}}');
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(2);
    await harness('cursorAt', 'A line to put');
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(3);
  });

  it('shows and hides the sliders at once when Live Preview is switched off and on, with no edit or caret move', async () => {
    const caret = await harness<number>('caret');
    await harness('setLivePreview', false);
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(0);
    await harness('setLivePreview', true);
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(3);
    await expect(harness('caret')).resolves.toBe(caret);
  });

  it('"Insert mood slider" leaves the caret after the token, so the slider shows at once', async () => {
    await harness('cursorAt', 'A line to put');
    await harness('insertSlider', 'energy');
    const text: string = await harness('text');
    await expect(harness('caret')).resolves.toBe(text.indexOf('{{slider energy}}') + '{{slider energy}}'.length);
    await expect(page.locator('.daybook-slider[data-property="energy"]').count()).resolves.toBe(1);
  });

  it('keeps a drag inside a rendered callout from flipping the callout to source', async () => {
    await harness('renderedCallout');
    const callout = page.locator('.callout');
    await dragTo(callout.locator('.daybook-slider'), 1);
    await expect(callout.getAttribute('data-flipped')).resolves.toBe('no');
    await expect(callout.getAttribute('data-written')).resolves.toBe('10');
  });

  it('shows an odd value as written, refuses to move and says why, and never writes over it', async () => {
    await harness('load', '---\nmood_wake: great\n---\nHow do you feel when you wake up? {{slider}}\n');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('great');
    await expect(slider(0).locator('.daybook-slider-problem').textContent()).resolves.toBe('Not a number: great — clear it to use the slider');
    await expect(slider(0).locator('input').getAttribute('aria-disabled')).resolves.toBe('true');
    await dragTo(slider(0), 1);
    await slider(0).locator('input').focus();
    await page.keyboard.press('ArrowRight');
    await settle();
    await expect(harness('writes')).resolves.toEqual([]);
    await expect(slider(0).locator('output').textContent()).resolves.toBe('great');
    const notices: string[] = await harness('notices');
    expect(notices[0]).toBe('mood_wake is left as it is. Not a number: great — clear it to use the slider');
    // Cleared by the user: the slider is usable again, unset.
    await harness('replaceText', 'mood_wake: great', 'mood_wake:');
    await expect(slider(0).locator('input').getAttribute('aria-disabled')).resolves.toBe('false');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('Not set');
  });

  it('in a pop-out window, a refusing slider lets Tab move on and refuses only the keys that would move it', async () => {
    await harness('popout', '---\nmood_wake: great\n---\nHow do you feel when you wake up? {{slider}}\n');
    const popout = page.frameLocator('#popout');
    await popout.locator('.daybook-slider input').focus();
    await page.keyboard.press('ArrowRight');
    await expect(harness('notices')).resolves.toEqual(['mood_wake is left as it is. Not a number: great — clear it to use the slider']);
    await page.keyboard.press('Tab');
    await expect(popout.locator('#after').evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(true);
    await expect(harness('writes')).resolves.toEqual([]);
  });

  it('sets an unset slider with one click on its resting thumb', async () => {
    const unset = slider(1).locator('input');
    await expect(slider(1).evaluate((el) => el.classList.contains('is-unset'))).resolves.toBe(true);
    const box = (await unset.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await settle();
    const value = await frontmatterValue(page, 'mood_wind');
    expect(value).toMatch(/^\d+$/);
    await expect(slider(1).locator('output').textContent()).resolves.toBe(value);
  });

  it('writes into a quoted key and never adds a second one', async () => {
    await harness('load', "---\n'mood_wake': 3 # 'quoted'\n---\nHow do you feel when you wake up? {{slider}}\n");
    await dragTo(slider(0), 0);
    await settle();
    await expect(harness('text')).resolves.toBe("---\n'mood_wake': 1 # 'quoted'\n---\nHow do you feel when you wake up? {{slider}}\n");
  });

  it('writes a note with CRLF line endings into its one key, with no second key', async () => {
    await harness('load', '---\r\n"mood_wake": 2\r\nmood_wind: 5\r\n---\r\nHow do you feel when you wake up? {{slider}}\r\n');
    await slider(0).locator('input').focus();
    await page.keyboard.press('ArrowRight');
    await settle();
    const text: string = await harness('text');
    expect(text.match(/mood_wake/g)).toHaveLength(1);
    expect(text).toContain('"mood_wake": 3\nmood_wind: 5\n');
  });

  it('reads the frontmatter again when an edit closes it, and no YAML line is taken for a code fence', async () => {
    await harness('load', '---\nmood_wake: 7\nnote: |\n  ```\n\nHow do you feel when you wake up? {{slider}}\n');
    // Not closed, it is no frontmatter: the ``` line opens a code block running to the end.
    await expect(page.locator('.daybook-slider').count()).resolves.toBe(0);
    await harness('replaceText', '```\n\n', '```\n---\n');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('7');
  });

  it('writes nothing into invalid YAML and says so', async () => {
    const broken = '---\nmood_wake:\ntags: [unclosed\n---\nHow do you feel when you wake up? {{slider}}\n';
    await harness('load', broken);
    await expect(slider(0).locator('input').getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(slider(0).locator('output').textContent()).resolves.toBe('Invalid frontmatter');
    await dragTo(slider(0), 1);
    await settle();
    await expect(harness('text')).resolves.toBe(broken);
    await expect(harness<string[]>('notices').then((n) => n[0])).resolves.toMatch(/^mood_wake is left as it is\. Invalid YAML frontmatter/);
  });

  it('reads no more of a large note per keystroke than the lines around the screen and the frontmatter', async () => {
    await page.evaluate(() => {
      const body = Array.from({ length: 20_000 }, (_, i) => (i % 50 === 0 ? '```' : `- ${i} journal line with [[a link]] and \`code\``)).join('\n');
      (window as any).harness.load(`---\nmood_wake: 4\n---\nHow do you feel when you wake up? {{slider}}\n${body}\nHow do you feel when you wind down? {{slider}}\n`);
    });
    const size = (await harness<string>('text')).length;
    expect(size).toBeGreaterThan(600_000);
    const longest = await harness<number>('longestReadWhileTyping', 20);
    expect(longest).toBeLessThan(20_000);
  });

  it('has a touch target of at least 24 px, on mobile too', async () => {
    for (const mobile of [false, true]) {
      await page.evaluate((m) => document.body.classList.toggle('is-mobile', m), mobile);
      const box = (await slider(0).locator('input').boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
  });

  it('follows the theme, "Not set" at 4.5:1 or more (screenshots in tests/e2e/dist; docs/ keeps reviewed copies)', async () => {
    await page.setViewportSize({ width: 760, height: 460 });
    const contrast = () =>
      slider(1)
        .locator('output')
        .evaluate((el) => {
          const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
          const luminance = (c: number[]) => {
            const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(getComputedStyle(document.body).backgroundColor))];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        });
    expect(await contrast()).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(__dirname, 'dist', 'slider-light.png') });
    await page.evaluate(() => document.body.classList.add('theme-dark'));
    expect(await contrast()).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: join(__dirname, 'dist', 'slider-dark.png') });
    const colour = await slider(0).locator('output').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(218, 218, 218)');
  });
});
