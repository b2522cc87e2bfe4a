// The page as a first-time user meets it (issue 14): nothing is lost without a way back,
// errors speak the form's own words and wait until the person has done something, each
// step shows what it needs, and the first state of every page agrees with itself.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, fillForm, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { SEVERAL } from './policies.mjs';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);
const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('Clear says what it did, and Undo brings back the form and the ticks', async () => {
  const id = 'dataworks-maxcompute';
  const input = await readJson(`${id}/valid-typical.input.json`);
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await page.locator('#step-1').check();
  await page.locator('#step-2').check();
  await page.locator('#steps-progress[data-done="2"]').waitFor();

  await page.locator('#clear-draft').click();
  const status = page.locator('#clear-status');
  await status.locator('#undo-clear').waitFor();
  assert.equal(await status.locator('.clear-status-text').textContent(), 'Cleared the form and 2 ticked steps.');
  assert.equal(await page.locator('#field-maxcompute_project').inputValue(), '');

  await page.locator('#undo-clear').click();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.equal(await page.locator('#field-maxcompute_project').inputValue(), input.maxcompute_project);
  await page.locator('#steps-progress[data-done="2"]').waitFor();
  assert.ok(await page.locator('#step-1').isChecked());
  assert.equal(await page.locator('#undo-clear').count(), 0);
  await page.waitForFunction(() => localStorage.getItem('ramplan.steps.dataworks-maxcompute') === '1,2');

  // Once the person types into the cleared form, the old one is gone for good: no Undo.
  await page.locator('#clear-draft').click();
  await page.locator('#undo-clear').waitFor();
  await page.locator('#field-maxcompute_project').fill('other');
  await page.locator('#undo-clear').waitFor({ state: 'detached' });
  await assertCleanRun(page, seen);
  await context.close();
});

test('a fresh form waits: no errors until a field is left, then messages in the form\'s own words', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/scenario/dataworks-maxcompute' });
  const status = page.locator('#plan-status[data-state="waiting"]');
  await status.waitFor();
  assert.match(await status.textContent(), /^To see the plan, fill in: .*DataWorks account ID/);
  assert.equal(await page.locator('li.field-finding[data-severity="error"]').count(), 0, 'nothing red yet');

  // Leaving a required field empty shows what it needs, under it, by its label.
  await page.locator('#field-dataworks_account_uid').focus();
  await page.locator('#field-dataworks_account_uid').blur();
  const own = page.locator('.field[data-field="dataworks_account_uid"] li.field-finding');
  await own.first().waitFor();
  assert.equal(await page.locator('li.field-finding[data-severity="error"]').count(), 1);

  // A list item is named as the form names it, and asking for the output shows everything
  // that is missing.
  assert.match(await page.locator('#field-grants-add').textContent(), /^Add grant$/);
  await page.locator('#field-grants-add').click();
  await page.locator('#field-grants-0-object_name').waitFor();
  await page.locator('#show-missing').click();
  await page.locator('#plan-status[data-state="not-ready"]').waitFor();
  assert.ok((await page.locator('li.field-finding[data-severity="error"]').count()) > 1);
  const words = await page.locator('main.scenario').innerText();
  assert.doesNotMatch(words, /dataworks_account_uid|resource_account_uid|grants\[\d\]|\.privileges/, 'no internal field paths');
  assert.match(words, /Grant 1 › /, 'a list item is named as the form shows it');
  await assertCleanRun(page, seen);
  await context.close();
});

test('each step shows the file it says to paste, with Copy and Download right there', async () => {
  const id = 'dataworks-emr';
  const input = await readJson(`${id}/valid-basic-hadoop.input.json`);
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const view = page.locator('#steps details.step-file-view[data-artifact="trust-policy"]').first();
  await view.waitFor();
  assert.match(await view.locator('summary').textContent(), /trust-policy\.json/);
  await view.locator('summary').click();
  const text = await view.locator('pre').textContent();
  assert.match(text, /"sts:AssumeRole"/);
  // The step's file is the very file the Files tab offers.
  assert.equal(text, await page.locator('#panel-trust-policy .artifact-content').textContent());
  const viewId = await view.getAttribute('id');
  await page.locator(`#${viewId}-copy`).click();
  await view.locator('.copy-ok').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await assertCleanRun(page, seen);
  await context.close();
});

test('the checker\'s first state agrees with itself: the Example menu names what the editor holds, the simulator shows examples as examples', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/check' });
  await page.locator('#policy').waitFor();
  const chosen = await page.locator('#example').evaluate((s) => s.options[s.selectedIndex].textContent);
  const editor = await page.locator('#policy').inputValue();
  await page.locator('#example').selectOption({ label: chosen });
  if (await page.locator('#example-confirm').count()) await page.locator('#example-confirm-replace').click();
  assert.equal(await page.locator('#policy').inputValue(), editor, 'the menu names the example the editor holds');
  const resource = await page.locator('#sim-resource').getAttribute('placeholder');
  const action = await page.locator('#sim-action').getAttribute('placeholder');
  assert.match(resource, /^e\.g\. /);
  assert.match(action, /^e\.g\. /);
  // The example resource names a bucket of the policy in the editor.
  const bucket = resource.match(/acs:oss:\*:\*:([^/]+)/)?.[1];
  assert.ok(bucket && editor.includes(bucket), `${resource} names a bucket of the policy`);
  assert.equal(await page.locator('#sim-resource').inputValue(), '', 'a placeholder, not a value');
  await assertCleanRun(page, seen);
  await context.close();
});

test('the simulator refuses a resource that is not an ARN, and says what to write', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/check' });
  await page.locator('#policy').waitFor();
  await page.locator('#sim-action').fill('oss:GetObject');
  await page.locator('#sim-resource').fill('acme-results/part-0.csv');
  const refused = page.locator('#sim-refused[data-kind="request"]');
  await refused.waitFor();
  assert.match(await refused.textContent(), /ARN/);
  assert.match(await refused.textContent(), /acs:oss:\*:\*:/);
  assert.doesNotMatch(await page.locator('#sim-decision').textContent(), /implicit deny/i);
  await assertCleanRun(page, seen);
  await context.close();
});

test('on a phone, the results are one tap away: findings from the checker, the plan from a long form', async () => {
  const viewport = { width: 390, height: 844 };
  const { context, page, seen } = await openApp(browser, { route: '#/check', viewport });
  await page.locator('#policy').waitFor();
  await setPolicy(page, SEVERAL);
  await finding(page, 'RP601');
  const jump = page.locator('#findings-jump');
  assert.ok(await jump.isVisible());
  assert.match(await jump.locator('.jump-text').textContent(), /error|warning/);
  const top = await jump.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const findingsTop = await page.locator('#findings-heading').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 400 && findingsTop > 900, `jump at ${top}px, findings at ${findingsTop}px`);
  await page.locator('#findings-jump-go').click();
  await page.waitForFunction(() => document.activeElement?.id === 'findings-heading');
  const inView = await page.locator('#findings-heading').evaluate((e) => {
    const box = e.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the findings are on screen');

  await page.evaluate(() => {
    location.hash = '#/scenario/dataworks-maxcompute';
  });
  await page.locator('main.scenario[data-scenario="dataworks-maxcompute"]').waitFor();
  await fillForm(page, await readJson('dataworks-maxcompute/valid-typical.input.json'));
  await page.locator('#plan-jump[data-state="ready"]').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#plan-jump-go').click();
  await page.waitForFunction(() => document.activeElement?.id === 'plan-heading');
  // On a desktop the two panes sit side by side: no jump line.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.locator('#plan-jump').isVisible(), false);
  await assertCleanRun(page, seen);
  await context.close();
});

test('check-existing says "fill in the form first" once; the Values table shows the MaxCompute user as typed; normalised inputs are shown', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/scenario/emr-ecs-role' });
  await page.locator('main.scenario[data-scenario="emr-ecs-role"]').waitFor();
  await page.locator('#view-existing').click();
  const existing = await page.locator('#view-panel-existing').innerText();
  assert.equal(existing.match(/fill in the form first/gi)?.length ?? 0, 1);
  await page.locator('#view-plan').click();
  await page.locator('#field-emr_version').fill('5.16');
  await page.locator('#field-emr_version').blur();
  const readAs = page.locator('.field-read-as[data-field="emr_version"]');
  await readAs.waitFor();
  assert.match(await readAs.textContent(), /V5\.16\.0/);

  await page.evaluate(() => {
    location.hash = '#/scenario/dataworks-maxcompute';
  });
  await page.locator('main.scenario[data-scenario="dataworks-maxcompute"]').waitFor();
  await fillForm(page, await readJson('dataworks-maxcompute/valid-typical.input.json'));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const values = await page.locator('#steps .step-parameters').allInnerTexts();
  const user = values.join('\n').match(/RAM\$[^\n]*/)?.[0];
  assert.ok(user, 'the Values table names the MaxCompute user');
  assert.doesNotMatch(user, /`/);
  await assertCleanRun(page, seen);
  await context.close();
});
