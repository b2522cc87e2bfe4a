// A scenario done with the keyboard alone: Tab and Shift+Tab between controls, typing,
// Enter and Space, arrow keys in a select and between the file tabs. No clicks and no
// fill(). At every stop the focused element must show a focus ring, and the files the page
// ends with must equal the golden plan.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, launch, openApp } from './helpers.mjs';

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

/** What has the focus, and whether it shows a focus ring (outline or box shadow). */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      id: element.id,
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute('role'),
      text: (element.textContent ?? '').trim().slice(0, 40),
      isBody: element === document.body || element === document.documentElement,
      ring: outline || style.boxShadow !== 'none',
    };
  });

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, checking at every
 * stop that the focus is on an element and visibly so. Returns the number of stops.
 */
async function tabTo(page, selector, { back = false, limit = 80 } = {}) {
  for (let stop = 1; stop <= limit; stop += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    assert.ok(!now.isBody, `focus fell back to the page after ${stop} presses`);
    assert.ok(now.ring, `no visible focus ring on <${now.tag} id="${now.id}"> “${now.text}”`);
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return stop;
  }
  assert.fail(`${selector} not reached in ${limit} presses`);
}

/** Asserts the focused element matches `selector` and shows a focus ring. */
async function assertFocus(page, selector) {
  assert.ok(
    await page.evaluate((s) => document.activeElement.matches(s), selector),
    `the focus is on ${selector}, not ${JSON.stringify(await focused(page))}`,
  );
  assert.ok((await focused(page)).ring, `${selector} shows its focus`);
}

/** Replaces the focused text input's value the way a person does: select all, type. */
async function retype(page, text) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('emr-ecs-role can be completed with the keyboard alone, focus always visible', async () => {
  const id = 'emr-ecs-role';
  const fixture = 'valid-old-version-read-write-prefix';
  const input = await readJson(`${id}/${fixture}.input.json`);
  const golden = await readJson(`${id}/${fixture}.en.plan.json`);
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(BASE_URL).origin,
  });
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  const [firstBucket, secondBucket] = input.oss_buckets;

  // The form, top to bottom.
  await tabTo(page, '#field-emr_version');
  await page.keyboard.type(input.emr_version);
  await tabTo(page, '#field-role_name');
  await retype(page, input.role_name);
  await tabTo(page, '#field-policy_name');
  await retype(page, input.policy_name);
  await tabTo(page, '#field-oss_buckets-0-bucket');
  await page.keyboard.type(firstBucket.bucket);
  await tabTo(page, '#field-oss_buckets-0-access');
  assert.equal(await page.locator('#field-oss_buckets-0-access').inputValue(), firstBucket.access);

  // A second bucket: Add, then back up into the new group with Shift+Tab.
  await tabTo(page, '#field-oss_buckets-add');
  await page.keyboard.press('Enter');
  await page.locator('#field-oss_buckets-1-bucket').waitFor();
  await assertFocus(page, '#field-oss_buckets-add');
  await tabTo(page, '#field-oss_buckets-1-prefix', { back: true });
  await page.keyboard.type(secondBucket.prefix);
  await tabTo(page, '#field-oss_buckets-1-access', { back: true });
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    (value) => document.querySelector('#field-oss_buckets-1-access').value === value,
    secondBucket.access,
  );
  await tabTo(page, '#field-oss_buckets-1-bucket', { back: true });
  await page.keyboard.type(secondBucket.bucket);
  await page.locator('#plan-status[data-ready="true"]').waitFor();

  // The checklist: Space ticks a step.
  await tabTo(page, '#step-1');
  await page.keyboard.press('Space');
  await page.locator('#steps-progress[data-done="1"]').waitFor();
  assert.ok(await page.locator('#step-1').isChecked());

  // The file tabs: only the selected tab is in the Tab order; arrows, Home and End move.
  // The artifacts, then the plan's exports (aliyun CLI script, Terraform, ROS template).
  const files = [...golden.artifacts.map((artifact) => artifact.id), 'export-sh', 'export-tf', 'export-ros'];
  assert.deepEqual(files.slice(0, 2), ['permission-policy', 'trust-policy']);
  const [first, last] = [files[0], files.at(-1)];
  await tabTo(page, '[role="tab"]');
  await assertFocus(page, `#tab-${first}[aria-selected="true"]`);
  const expectTab = async (key, artifact) => {
    await page.keyboard.press(key);
    await page.locator(`#tab-${artifact}[aria-selected="true"]`).waitFor();
    await assertFocus(page, `#tab-${artifact}`);
    assert.ok(await page.locator(`#panel-${artifact}`).isVisible(), `${artifact} panel shown`);
  };
  await expectTab('ArrowRight', 'trust-policy');
  await expectTab('End', last);
  await expectTab('Home', first);
  await expectTab('ArrowLeft', last);
  await expectTab('ArrowRight', first);
  await expectTab('ArrowRight', 'trust-policy');

  // Tab leaves the tab list for the shown panel: its Copy button.
  await tabTo(page, '#panel-trust-policy .copy-button', { limit: 1 });
  await page.keyboard.press('Enter');
  await page.locator('#panel-trust-policy .copy-status .copy-ok').waitFor();
  const trust = golden.artifacts.find((a) => a.id === 'trust-policy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), trust.content);

  // Every file the page ends with is the golden one, byte for byte.
  for (const artifact of golden.artifacts) {
    assert.equal(
      await page.locator(`#panel-${artifact.id} .artifact-content`).textContent(),
      artifact.content,
      `${artifact.filename} equals the golden plan`,
    );
  }
  const runbook = await readFile(path.join(FIXTURES, `${id}/${fixture}.en.md`), 'utf8');
  assert.equal(await page.locator('#panel-runbook .artifact-content').textContent(), runbook);
  await assertCleanRun(page, seen);
  await context.close();
});
