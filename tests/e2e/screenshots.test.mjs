// Screenshots of the page in light and dark, for docs and for a person to look at.
// Written to target/e2e-screenshots unless RAMPLAN_SCREENSHOTS_DIR says otherwise
// (scripts/e2e.sh --update-screenshots writes docs/screenshots).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { SEVERAL } from './policies.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.resolve(ROOT, process.env.RAMPLAN_SCREENSHOTS_DIR ?? 'target/e2e-screenshots');

let browser;
before(async () => {
  browser = await launch();
  await mkdir(DIR, { recursive: true });
});
after(async () => {
  await browser?.close();
});

const background = (page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

const WIDE = { width: 1280, height: 860 };
const NARROW = { width: 390, height: 844 };

for (const [name, colorScheme, viewport, lang] of [
  ['ramplan-light.png', 'light', WIDE, 'en'],
  ['ramplan-dark.png', 'dark', WIDE, 'en'],
  ['ramplan-zh-dark.png', 'dark', WIDE, 'zh'],
  ['ramplan-narrow.png', 'light', NARROW, 'en'],
]) {
  test(`screenshot: ${name}`, async () => {
    const { context, page, seen } = await openApp(browser, { colorScheme, viewport });
    await page.emulateMedia({ colorScheme });
    await setPolicy(page, SEVERAL);
    await finding(page, 'RP801');
    if (lang !== 'en') {
      await page.locator(`button[data-lang="${lang}"]`).click();
      await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
    }
    // A person reading findings has the list, not the text area, in focus.
    await page.locator('li.finding[data-code="RP102"] button').focus();
    const expected = colorScheme === 'dark' ? 'rgb(18, 21, 27)' : 'rgb(246, 247, 249)';
    assert.equal(await background(page), expected);
    // Nothing may stick out sideways on a narrow screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no horizontal scrolling');
    await page.screenshot({ path: path.join(DIR, name), fullPage: true });
    await assertCleanRun(page, seen);
    await context.close();
  });
}
