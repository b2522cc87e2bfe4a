// The steps checklist and the printed runbook. Ticks are remembered in this browser per
// scenario (step numbers only), survive a reload and go with Clear; an embedded page keeps
// none. Print runbook prints the plan as a document: steps, values, the files where they are
// pasted, checks and cautions, black on white, with no form, buttons or tabs.

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
/** A link payload as the core writes it: `v1.` and unpadded base64url of the JSON. */
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;
/** Text as the page shows it: `code` spans lose their backticks. */
const shown = (text) => text.replaceAll('`', '');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every localStorage entry as `key=value`. */
const storage = (page) =>
  page.evaluate(() => Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`));

const ticked = (page) =>
  page.locator('#steps .step-done').evaluateAll((boxes) =>
    boxes.filter((box) => box.checked).map((box) => box.id),
  );

test('ticked steps survive a reload, and Clear forgets them with the form', async () => {
  const id = 'dataworks-maxcompute';
  const key = `ramplan.steps.${id}`;
  const input = await readJson(`${id}/valid-account-name-columns.input.json`);
  const steps = (await readJson(`${id}/valid-account-name-columns.en.plan.json`)).steps.length;
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const progress = page.locator('#steps-progress');
  assert.equal(await progress.textContent(), `0 of ${steps} steps done`);
  assert.equal(await progress.getAttribute('role'), 'status');

  await page.locator('#step-1').check();
  await page.locator('#step-3').check();
  await page.locator('#steps-progress[data-done="2"]').waitFor();
  assert.equal(await progress.textContent(), `2 of ${steps} steps done`);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), '1,3');
  await page.locator('#step-3').uncheck();
  await page.locator('#step-2').check();
  await page.waitForFunction((k) => localStorage.getItem(k) === '1,2', key);

  await page.reload();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.deepEqual(await ticked(page), ['step-1', 'step-2']);
  assert.equal(await progress.textContent(), `2 of ${steps} steps done`);
  // Only step numbers are stored for the ticks.
  const entries = await storage(page);
  assert.ok(entries.includes(`${key}=1,2`), entries.join('\n'));

  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.equal(await progress.textContent(), `已完成 2/${steps} 步`);
  assert.equal(await page.locator('#clear-draft').textContent(), '清空表单和勾选');
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#clear-draft').textContent(), 'Clear form and ticks');

  await page.locator('#clear-draft').click();
  await page.waitForFunction(
    ([draft, ticks]) => localStorage.getItem(draft) === null && localStorage.getItem(ticks) === null,
    [`ramplan.draft.${id}`, key],
  );
  // The same values again make the same plan, with nothing ticked.
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.deepEqual(await ticked(page), []);
  assert.equal(await progress.textContent(), `0 of ${steps} steps done`);
  await page.reload();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.deepEqual(await ticked(page), []);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  await assertCleanRun(page, seen);
  await context.close();
});

test('an embedded page keeps its ticks to itself', async () => {
  const id = 'emr-ecs-role';
  const input = await readJson(`${id}/valid-read-only-v5.input.json`);
  const { context, page, seen } = await openApp(browser, {
    route: `#/embed/${id}?s=${payload(input)}`,
  });
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await page.locator('#step-2').check();
  await page.locator('#steps-progress[data-done="1"]').waitFor();
  assert.deepEqual(await storage(page), []);
  await assertCleanRun(page, seen);
  await context.close();
});

test('Print runbook prints steps, values and files black on white, without the form', async () => {
  const id = 'emr-ecs-role';
  const fixture = 'valid-old-version-read-write-prefix';
  const golden = await readJson(`${id}/${fixture}.en.plan.json`);
  // Dark on screen: the printout must still be black on white.
  const { context, page, seen } = await openApp(browser, {
    route: `#/scenario/${id}?s=${payload(await readJson(`${id}/${fixture}.input.json`))}`,
    colorScheme: 'dark',
  });
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await page.locator('#step-1').check();
  const runbook = page.locator('#print-runbook');
  assert.equal(await runbook.isVisible(), false, 'the runbook is for paper only');

  // The button opens the browser's print dialog (stubbed: headless Chromium has none).
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await page.locator('#print-runbook-button').click();
  await page.waitForFunction(() => window.__printed === 1);

  await page.emulateMedia({ media: 'print' });
  await runbook.waitFor();
  for (const hidden of [
    '.page-header',
    '.page-footer',
    '.breadcrumb',
    '.page-actions',
    'form.scenario-form',
    '#plan-status',
    '#steps',
    '[role="tablist"]',
    '.tab-panel',
    '#download-all',
    '#print-runbook-button',
  ]) {
    const shownOnPaper = await page.locator(hidden).first().isVisible();
    assert.equal(shownOnPaper, false, `${hidden} is not printed`);
  }
  assert.ok(await page.locator('#scenario-title').isVisible());

  for (const step of golden.steps) {
    const item = runbook.locator(`.runbook-step[data-step="${step.number}"]`);
    const text = await item.textContent();
    assert.ok(text.includes(shown(step.title)), `step ${step.number} title`);
    assert.ok(text.includes(shown(step.where)), `step ${step.number} where`);
    for (const parameter of step.parameters) {
      assert.ok(text.includes(parameter.value), `step ${step.number} ${parameter.name}`);
    }
    for (const caution of step.cautions ?? []) {
      assert.ok(text.includes(shown(caution)), `step ${step.number} caution`);
    }
    if (step.verification) {
      assert.ok(text.includes(shown(step.verification)), `step ${step.number} check`);
    }
    // Each pasted file in full, where the step pastes it.
    for (const artifactId of [...step.artifacts, ...(step.compare ?? [])]) {
      const artifact = golden.artifacts.find((a) => a.id === artifactId);
      assert.equal(
        await item.locator(`pre.runbook-file[data-artifact="${artifactId}"]`).textContent(),
        artifact.content,
      );
    }
  }
  assert.equal(await runbook.locator('.runbook-step .print-box-ticked').count(), 1);
  for (const note of golden.unconfirmed) {
    assert.ok((await runbook.textContent()).includes(shown(note.about)), note.about);
  }

  // Black on white, and no file cut off at the edge of the paper.
  const look = await page.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(selector));
    const files = [...document.querySelectorAll('#print-runbook pre.runbook-file')];
    return {
      text: style('.runbook-step').color,
      background: style('body').backgroundColor,
      wrap: style('pre.runbook-file').whiteSpace,
      cut: files.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length,
    };
  });
  assert.deepEqual(look, { text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', wrap: 'pre-wrap', cut: 0 });

  await page.emulateMedia({ media: 'screen' });
  await runbook.waitFor({ state: 'hidden' });
  await assertCleanRun(page, seen);
  await context.close();
});

test('the printed runbook also holds the files no step pastes', async () => {
  const id = 'emr-default-roles';
  const fixture = 'valid-new-version';
  const golden = await readJson(`${id}/${fixture}.en.plan.json`);
  const { context, page, seen } = await openApp(browser, {
    route: `#/scenario/${id}?s=${payload(await readJson(`${id}/${fixture}.input.json`))}`,
  });
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await page.emulateMedia({ media: 'print' });
  const roles = golden.artifacts.find((a) => a.id === 'required-roles');
  const file = page.locator('#print-runbook .runbook-other-file pre[data-artifact="required-roles"]');
  await file.waitFor();
  assert.equal(await file.textContent(), roles.content);
  // The runbook is this document: it is not printed a second time.
  assert.equal(await page.locator('#print-runbook pre[data-artifact="runbook"]').count(), 0);
  await assertCleanRun(page, seen);
  await context.close();
});
