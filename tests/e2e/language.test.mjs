// English / 简体中文: every page string and every finding message switches, and the
// choice survives a reload.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import {
  assertCleanRun,
  fillForm,
  finding,
  launch,
  openApp,
  setPolicy,
  waitForApp,
} from './helpers.mjs';
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
  assert.equal(await page.title(), '检查策略 · ramplan');
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

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);
const readFixture = (file) => readFile(path.join(FIXTURES, file), 'utf8');
/** Text as the page shows it: `code` spans lose their backticks. */
const shown = (text) => text.replaceAll('`', '');

/** What a scenario page says, in its own words, for comparison with a golden plan. */
const scenarioText = (page) =>
  page.evaluate(() => {
    const text = (selector) => document.querySelector(selector)?.textContent ?? null;
    return {
      title: text('#scenario-title'),
      roleLabel: text('label[for="field-role_name"]'),
      formHeading: text('#form-heading'),
      status: text('#plan-status'),
      steps: [...document.querySelectorAll('#steps > li.step .step-title')].map((t) => t.textContent),
      findings: Object.fromEntries(
        [...document.querySelectorAll('li.field-finding')].map((f) => [
          f.dataset.code,
          f.querySelector('.finding-message').textContent,
        ]),
      ),
      runbook: text('#panel-runbook .artifact-content'),
      printedSteps: [...document.querySelectorAll('#print-runbook .runbook-step')].length,
    };
  });

test('a scenario page switches its form, findings, steps and runbook to Chinese, and is remembered', async () => {
  const id = 'dataworks-maxcompute';
  const fixture = 'valid-account-name-columns';
  const input = JSON.parse(await readFixture(`${id}/${fixture}.input.json`));
  const golden = {
    en: JSON.parse(await readFixture(`${id}/${fixture}.en.plan.json`)),
    zh: JSON.parse(await readFixture(`${id}/${fixture}.zh.plan.json`)),
  };
  const runbooks = {
    en: await readFixture(`${id}/${fixture}.en.md`),
    zh: await readFixture(`${id}/${fixture}.zh.md`),
  };
  const expectLang = (text, lang) => {
    assert.deepEqual(text.steps, golden[lang].steps.map((step) => shown(step.title)), `${lang} steps`);
    assert.deepEqual(
      text.findings,
      Object.fromEntries(golden[lang].findings.map((f) => [f.code, shown(f.message)])),
      `${lang} findings`,
    );
    assert.equal(text.runbook, runbooks[lang], `${lang} runbook`);
    assert.equal(text.printedSteps, golden[lang].steps.length);
  };

  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const english = await scenarioText(page);
  expectLang(english, 'en');
  assert.match(english.status, /^Ready/);

  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  const chinese = await scenarioText(page);
  expectLang(chinese, 'zh');
  for (const key of ['title', 'roleLabel', 'formHeading', 'status']) {
    assert.match(chinese[key], /[\u4e00-\u9fff]/, `${key} is in Chinese`);
    assert.notEqual(chinese[key], english[key], `${key} is translated`);
  }
  assert.match(await page.title(), /[\u4e00-\u9fff].* · ramplan$/);

  // Reopened later: Chinese again, and the draft brings back the same plan.
  await page.reload();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
  assert.deepEqual(await scenarioText(page), chinese);

  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  assert.deepEqual(await scenarioText(page), english);
  await assertCleanRun(page, seen);
  await context.close();
});
