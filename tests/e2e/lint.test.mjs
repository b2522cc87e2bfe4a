// Typing a policy shows the core's findings, each at its line and column.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { BAD_EFFECT, MISSING_COMMA, TRUST, VALID } from './policies.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an invalid Effect on line 4 is reported as RP102 at 4:15', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, BAD_EFFECT);
  const item = await finding(page, 'RP102');
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute('data-line'), '4');
  assert.equal(await item.getAttribute('data-column'), '15');
  assert.equal(await item.getAttribute('data-severity'), 'error');
  assert.equal(await item.locator('.finding-location').textContent(), '4:15');
  const message = await item.locator('.finding-message').textContent();
  assert.match(message, /^Effect must be Allow or Deny, found "allow "$/);
  assert.match(await item.locator('.finding-help').textContent(), /help: write "Allow"/);
  assert.match(
    await page.locator('#summary').textContent(),
    /^1 error · permission policy \(guessed\) · catalogue \d{4}-\d{2}-\d{2}$/,
  );
  await assertCleanRun(page, seen);
  await context.close();
});

test('findings follow every keystroke', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, VALID);
  await page.locator('#no-findings').waitFor();
  // Put the caret on `Allow` and type over it, one key at a time.
  const textarea = page.locator('#policy');
  await textarea.evaluate((area) => {
    const start = area.value.indexOf('Allow');
    area.focus();
    area.setSelectionRange(start, start + 'Allow'.length);
  });
  await page.keyboard.type('allow ');
  await finding(page, 'RP102');
  assert.equal(await textarea.inputValue(), BAD_EFFECT);
  // And back: select `allow ` and type the right value.
  await textarea.evaluate((area) => {
    const start = area.value.indexOf('allow ');
    area.setSelectionRange(start, start + 'allow '.length);
  });
  await page.keyboard.type('Allow');
  await page.locator('#no-findings').waitFor();
  assert.equal(await page.locator('li.finding').count(), 0);
  assert.equal(await page.locator('#finding-count').textContent(), 'no findings');
  await assertCleanRun(page, seen);
  await context.close();
});

test('invalid JSON is reported as RP001 where parsing stopped', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, MISSING_COMMA);
  const item = await finding(page, 'RP001');
  assert.equal(await page.locator('li.finding').count(), 1);
  assert.equal(await item.getAttribute('data-line'), '6');
  assert.equal(await item.getAttribute('data-column'), '7');
  assert.equal(await item.locator('.finding-location').textContent(), '6:7');
  assert.match(await item.locator('.finding-message').textContent(), /^unexpected character/);
  assert.equal(await page.locator('#finding-count').textContent(), '1 error');
  await assertCleanRun(page, seen);
  await context.close();
});

test('the policy kind is guessed, and can be chosen', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, TRUST);
  await page.locator('.summary-kind[data-kind="trust"][data-guessed="true"]').waitFor();
  assert.equal(await page.locator('#kind-detected').getAttribute('data-kind'), 'trust');
  assert.match(await page.locator('#kind-detected').textContent(), /detected: Trust policy/);

  await page.locator('#kind').selectOption('permission');
  await page.locator('.summary-kind[data-kind="permission"][data-guessed="false"]').waitFor();
  assert.equal(await page.locator('.summary-kind').textContent(), 'permission policy');
  assert.equal(await page.locator('#kind-detected').count(), 0);
  // Linted as a permission policy, a Principal is out of place.
  assert.ok((await page.locator('li.finding').count()) > 0);

  await page.locator('#kind').selectOption('auto');
  await page.locator('.summary-kind[data-kind="trust"][data-guessed="true"]').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});

test('the page opens with a clean example policy and a labelled text area', async () => {
  const { context, page, seen } = await openApp(browser);
  const textarea = page.locator('#policy');
  assert.match(await textarea.inputValue(), /"Statement"/);
  assert.equal(await textarea.getAttribute('spellcheck'), 'false');
  assert.equal(await page.locator('label[for="policy"]').textContent(), 'Policy document (JSON)');
  await page.locator('#no-findings').waitFor();
  assert.equal(await page.locator('#finding-count').getAttribute('aria-live'), 'polite');
  await assertCleanRun(page, seen);
  await context.close();
});

test('hostile input never breaks the page', async () => {
  const { context, page, seen } = await openApp(browser);
  // Each input, and a finding the page must show for it (code, start of the message).
  const inputs = [
    ['', 'RP001', 'the document is empty'],
    ['['.repeat(20000), 'RP001', 'the document nests deeper'],
    ['{"a":'.repeat(5000), 'RP001', 'the document nests deeper'],
    ['"\\ud800"', 'RP001', 'invalid'],
    ['\u0000\u202e{}', 'RP001', 'unexpected character'],
    [
      `{"Version": "1", "Statement": [${Array(400).fill('{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}').join(',')}]}`,
      'RP901',
      'the document is',
    ],
  ];
  for (const [input, code, message] of inputs) {
    await setPolicy(page, input);
    await page.waitForFunction(
      ([code, message]) =>
        [...document.querySelectorAll('li.finding')].some(
          (item) =>
            item.dataset.code.startsWith(code) &&
            item.querySelector('.finding-message').textContent.startsWith(message),
        ),
      [code, message],
    );
  }
  await setPolicy(page, VALID);
  await page.locator('#no-findings').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});
