// English / 简体中文: every page string and every finding message switches, and the
// choice survives a reload.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp, setPolicy, waitForApp } from './helpers.mjs';
import { BAD_EFFECT } from './policies.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Every place the page itself writes text (findings come from the core).
const PAGE_STRINGS = [
  '#tagline',
  '.lang-toggle',
  'label[for="policy"]',
  '#policy-hint',
  'label[for="kind"]',
  '#kind option[value="auto"]',
  '#kind option[value="permission"]',
  '#kind option[value="trust"]',
  '#kind-detected',
  '#findings-heading',
  '#summary',
  '.findings-pane .hint',
  '.finding-help-label',
  '.page-footer',
];

const pageStrings = (page) =>
  page.evaluate(
    (selectors) =>
      Object.fromEntries(
        selectors.map((s) => [s, document.querySelector(s)?.getAttribute('aria-label') ?? document.querySelector(s)?.textContent]),
      ),
    PAGE_STRINGS,
  );

test('the language toggle switches page strings and findings to Chinese, and is remembered', async () => {
  const { context, page, seen } = await openApp(browser);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await setPolicy(page, BAD_EFFECT);
  await finding(page, 'RP102');
  const english = await pageStrings(page);
  for (const [selector, text] of Object.entries(english)) {
    assert.ok(text, `${selector} has text in English`);
  }

  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('button[data-lang="zh"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('button[data-lang="en"]').getAttribute('aria-pressed'), 'false');
  const chinese = await pageStrings(page);
  for (const selector of PAGE_STRINGS) {
    assert.ok(chinese[selector], `${selector} has text in Chinese`);
    assert.notEqual(chinese[selector], english[selector], `${selector} is translated`);
  }
  assert.equal(await page.locator('#findings-heading').textContent(), '检查结果');
  assert.equal(await page.locator('label[for="policy"]').textContent(), '策略文档（JSON）');
  assert.equal(await page.title(), 'ramplan · RAM 策略检查');
  const item = page.locator('li.finding[data-code="RP102"]');
  assert.equal(
    await item.locator('.finding-message').textContent(),
    'Effect 必须为 Allow 或 Deny，实际为 "allow "',
  );
  assert.equal(await item.locator('.severity').textContent(), '错误');
  assert.match(await page.locator('#summary').textContent(), /^1 个错误 · 权限策略（自动识别） · 目录日期 /);
  assert.equal(await page.evaluate(() => localStorage.getItem('ramplan.lang')), 'zh');
  await assertCleanRun(page, seen);

  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.equal(await page.locator('#findings-heading').textContent(), '检查结果');
  assert.equal(await page.locator('button[data-lang="zh"]').getAttribute('aria-pressed'), 'true');
  // The policy text is not stored: the page reopens with its example.
  await setPolicy(page, BAD_EFFECT);
  const reloaded = await finding(page, 'RP102');
  assert.match(await reloaded.locator('.finding-message').textContent(), /必须为/);
  assert.match(await reloaded.locator('.finding-help').textContent(), /^帮助：请写作 "Allow"$/);

  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  assert.deepEqual(await pageStrings(page), english);
  assert.equal(await page.evaluate(() => localStorage.getItem('ramplan.lang')), 'en');
  await assertCleanRun(page, seen);
  await context.close();
});
