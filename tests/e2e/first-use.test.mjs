// The page as a first-time user meets it (issue 14): nothing is lost without a way back,
// errors speak the form's own words and wait until the person has done something, each
// step shows what it needs, and the first state of every page agrees with itself.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { assertCleanRun, fillForm, launch, openApp } from './helpers.mjs';

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
