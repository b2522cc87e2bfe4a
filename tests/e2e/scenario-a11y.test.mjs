// Accessibility of the scenario pages and the app shell: the file tabs follow the WAI-ARIA
// tabs pattern, removing a group of inputs does not drop the focus, every control has a
// label, and each page has its own title in the page's language.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { assertCleanRun, launch, openApp } from './helpers.mjs';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);
const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));
/** A link payload as the core writes it: `v1.` and unpadded base64url of the JSON. */
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const SCENARIOS = [
  ['dataworks-emr', 'valid-basic-hadoop'],
  ['dataworks-maxcompute', 'valid-account-name-columns'],
  ['dataworks-hologres', 'valid-custom-names'],
  ['dataworks-di', 'valid-hive'],
  ['emr-default-roles', 'valid-new-version'],
  ['emr-ecs-role', 'valid-old-version-read-write-prefix'],
];

/** The focused element's id ('' for none), once the focus has settled on an element. */
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the file tabs follow the WAI-ARIA tabs pattern', async () => {
  const id = 'dataworks-maxcompute';
  const fixture = 'valid-account-name-columns';
  const golden = await readJson(`${id}/${fixture}.en.plan.json`);
  const { context, page, seen } = await openApp(browser, {
    route: `#/scenario/${id}?s=${payload(await readJson(`${id}/${fixture}.input.json`))}`,
  });
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const tabs = page.locator('.files [role="tablist"] > [role="tab"]');
  // The artifacts, then the plan's exports (aliyun CLI script, Terraform, ROS template).
  const files = [...golden.artifacts.map((a) => a.id), 'export-sh', 'export-tf', 'export-ros'];
  assert.equal(await tabs.count(), files.length);
  assert.ok(await page.locator('.files [role="tablist"]').getAttribute('aria-label'));

  /** Each tab's selection, tab stop and panel, checked against the pattern. */
  const state = () =>
    tabs.evaluateAll((all) =>
      all.map((tab) => {
        const panel = document.getElementById(tab.getAttribute('aria-controls'));
        return {
          artifact: tab.dataset.artifact,
          selected: tab.getAttribute('aria-selected'),
          tabindex: tab.getAttribute('tabindex'),
          panelRole: panel?.getAttribute('role'),
          labelledBy: panel?.getAttribute('aria-labelledby') === tab.id,
          panelShown: panel ? !panel.hidden : false,
          focused: document.activeElement === tab,
        };
      }),
    );
  const expectSelected = async (index, focused) => {
    const all = await state();
    all.forEach((tab, i) => {
      const on = i === index;
      assert.deepEqual(
        tab,
        {
          artifact: files[i],
          selected: String(on),
          tabindex: on ? '0' : '-1',
          panelRole: 'tabpanel',
          labelledBy: true,
          panelShown: on,
          focused: on && focused,
        },
        `tab ${i} when ${index} is selected`,
      );
    });
  };
  const count = files.length;
  const last = count - 1;
  await expectSelected(0, false);
  await tabs.first().focus();
  for (const [key, index] of [
    // Right through every tab and round to the first again.
    ...files.map((_, i) => ['ArrowRight', (i + 1) % count]),
    ['ArrowLeft', last],
    ['Home', 0],
    ['End', last],
    ['ArrowLeft', last - 1],
  ]) {
    await page.keyboard.press(key);
    await page.locator(`#tab-${files[index]}[aria-selected="true"]`).waitFor();
    await expectSelected(index, true);
  }
  // A click selects too, and the selected tab is the one Tab comes back to.
  await tabs.nth(0).click();
  await expectSelected(0, true);
  await assertCleanRun(page, seen);
  await context.close();
});

test('removing a group moves the focus to the group before it, or to Add', async () => {
  const id = 'dataworks-maxcompute';
  const fixture = 'valid-account-name-columns';
  const input = await readJson(`${id}/${fixture}.input.json`);
  const { context, page, seen } = await openApp(browser, {
    route: `#/scenario/${id}?s=${payload(input)}`,
  });
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const groups = page.locator('.record-list[data-field="grants"] > .record-group');
  assert.equal(await groups.count(), input.grants.length);

  // The third group: the focus goes to the second group's first input.
  await groups.nth(2).locator('.remove-group').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('.record-list[data-field="grants"] > .record-group').length === n,
    input.grants.length - 1,
  );
  assert.equal(await focusedId(page), 'field-grants-1-object_type');

  // The last group: the same, and the focus stays inside the list.
  await groups.last().locator('.remove-group').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('.record-list[data-field="grants"] > .record-group').length === n,
    input.grants.length - 2,
  );
  assert.equal(await focusedId(page), 'field-grants-2-object_type');

  // The first group has none before it: the focus goes to Add.
  while ((await groups.count()) > 0) {
    const before = await groups.count();
    await groups.first().locator('.remove-group').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.record-list[data-field="grants"] > .record-group').length === n,
      before - 1,
    );
    assert.equal(await focusedId(page), 'field-grants-add');
  }
  await assertCleanRun(page, seen);
  await context.close();
});

test('every control on every scenario page has a label, and the plan speaks up', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/' });
  for (const [id, fixture] of SCENARIOS) {
    await page.goto(new URL(`#/scenario/${id}?s=${payload(await readJson(`${id}/${fixture}.input.json`))}`, page.url()).href);
    await page.locator(`main.scenario[data-scenario="${id}"] #plan-status[data-ready="true"]`).waitFor();
    const unlabelled = await page.locator('main').evaluate((main) =>
      [...main.querySelectorAll('input, select, textarea, button')]
        .filter((control) => {
          const label = [...(control.labels ?? [])].map((l) => l.textContent.trim()).join('');
          return !label && !control.getAttribute('aria-label')?.trim() && !control.textContent.trim();
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, [], `${id}: controls without a name`);
    assert.equal(await page.locator('#plan-status').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#steps-progress').getAttribute('role'), 'status');
  }
  await assertCleanRun(page, seen);
  await context.close();
});

test('each page has its own title, in the page language', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/' });
  const titled = (title) => page.waitForFunction((t) => document.title === t, title);
  const go = (hash) => page.evaluate((h) => { location.hash = h; }, hash);
  await titled('ramplan · RAM policy linter');
  await go('#/check');
  await titled('Check a policy · ramplan');
  await go('#/scenario/emr-ecs-role');
  await titled('Custom ECS application role for an EMR cluster · ramplan');
  await go('#/no-such-page');
  await titled('Page not found · ramplan');
  await go('#/scenario/dataworks-emr');
  await titled("Register another account's EMR cluster in DataWorks · ramplan");
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('main.scenario[data-scenario="dataworks-emr"]').waitFor();
  const zhTitle = await page.locator('#scenario-title').textContent();
  assert.match(zhTitle, /[\u4e00-\u9fff]/);
  await titled(`${zhTitle} · ramplan`);
  await go('#/check');
  await titled('检查策略 · ramplan');
  await go('#/');
  await titled('ramplan · RAM 策略检查');
  await assertCleanRun(page, seen);
  await context.close();
});
