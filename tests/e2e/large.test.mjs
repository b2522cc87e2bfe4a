// A policy far larger than RAM accepts: the page says it is checking, keeps answering while it
// does, and then shows the findings, listing the first ones and counting the rest.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** `count` statements, each with a finding (a lower-case `allow`): about 140 bytes each. */
const bigPolicy = (count) => {
  const statements = Array.from(
    { length: count },
    (_, i) => `    {"Effect": "allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:bucket-${i}/*"}`,
  ).join(',\n');
  return `{\n  "Version": "1",\n  "Statement": [\n${statements}\n  ]\n}\n`;
};

test('a large policy is checked after a pause, the page answering clicks meanwhile', async () => {
  const { page, seen, context } = await openApp(browser);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const text = bigPolicy(3500);
  assert.ok(text.length > 300_000);
  // As a paste does: the whole text in one input event (Playwright's `fill` types it in
  // editing steps, which for 500 kB is the test's own slowness, not the page's).
  await page.evaluate((text) => {
    const area = document.querySelector('#policy');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // It says it is checking, and a click is answered while it does.
  await page.locator('#checking').waitFor();
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  // Then the findings: the first 500 listed, the rest counted.
  await page.locator('#checking').waitFor({ state: 'detached', timeout: 20_000 });
  await finding(page, 'RP102');
  assert.equal(await page.locator('#findings > li.finding').count(), 500);
  assert.match(await page.locator('#findings-more').textContent(), /\d+/);
  const longest = await page.evaluate(() => window.__longest);
  console.log(`# longest main-thread task while checking 3,500 statements: ${Math.round(longest)} ms`);
  await assertCleanRun(page, seen);
  await context.close();
});
