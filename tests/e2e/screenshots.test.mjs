// Screenshots of the page in light and dark, for docs and for a person to look at.
// Written to target/e2e-screenshots unless RAMPLAN_SCREENSHOTS_DIR says otherwise
// (scripts/e2e.sh --update-screenshots writes docs/screenshots).

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
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
  ['ramplan-narrow-dark.png', 'dark', NARROW, 'en'],
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

// The home page, a filled scenario page, the builder, the doctor and generate, light and dark,
// wide and narrow.
const ECS_ROLE = {
  emr_version: 'V3.32.0',
  buckets: ['examplebucket', 'warehouse-data'],
};

for (const [name, colorScheme, viewport, route] of [
  ['home-light.png', 'light', WIDE, '#/'],
  ['home-dark.png', 'dark', WIDE, '#/'],
  ['home-narrow.png', 'light', NARROW, '#/'],
  ['home-narrow-dark.png', 'dark', NARROW, '#/'],
  ['scenario-light.png', 'light', WIDE, '#/scenario/emr-ecs-role'],
  ['scenario-dark.png', 'dark', WIDE, '#/scenario/emr-ecs-role'],
  ['scenario-narrow.png', 'dark', NARROW, '#/scenario/emr-ecs-role'],
  ['scenario-narrow-light.png', 'light', NARROW, '#/scenario/emr-ecs-role'],
  ['builder-light.png', 'light', WIDE, '#/build'],
  ['builder-dark.png', 'dark', WIDE, '#/build'],
  ['builder-narrow.png', 'light', NARROW, '#/build'],
  ['builder-narrow-dark.png', 'dark', NARROW, '#/build'],
  ['doctor-light.png', 'light', WIDE, '#/doctor'],
  ['doctor-dark.png', 'dark', WIDE, '#/doctor'],
  ['doctor-narrow.png', 'light', NARROW, '#/doctor'],
  ['doctor-narrow-dark.png', 'dark', NARROW, '#/doctor'],
  ['generate-light.png', 'light', WIDE, '#/generate'],
  ['generate-dark.png', 'dark', WIDE, '#/generate'],
  ['generate-narrow.png', 'light', NARROW, '#/generate'],
  ['generate-narrow-dark.png', 'dark', NARROW, '#/generate'],
]) {
  test(`screenshot: ${name}`, async () => {
    const { context, page, seen } = await openApp(browser, { colorScheme, viewport, route });
    await page.emulateMedia({ colorScheme });
    if (route === '#/') {
      await page.locator('#cards').waitFor();
      await page.locator('#cards li.card[data-scenario] a').first().focus();
    } else if (route === '#/doctor') {
      // An OSS access-denied error, answered with the statement that fixes it.
      const error = await readFile(path.join(ROOT, 'tests/fixtures/doctor/oss-xml-implicit-deny.input.xml'), 'utf8');
      await page.locator('#doctor-input').fill(error);
      await page.locator('#doctor-fix[data-proven="true"]').waitFor();
    } else if (route === '#/generate') {
      // Two ActionTrail files, turned into one policy per identity.
      await page.locator('#generate-files').setInputFiles([
        path.join(ROOT, 'tests/fixtures/actiontrail/lookup-events.json'),
        path.join(ROOT, 'tests/fixtures/actiontrail/oss-delivered.json'),
      ]);
      await page.locator('section.generated-policy').first().waitFor();
    } else if (route === '#/build') {
      // The builder after the OSS folder template replaced the policy: the result in view.
      await page.locator('#template').selectOption('oss-folder');
      await page.locator('#template-param-bucket').fill('examplebucket');
      await page.locator('#template-param-dir').fill('team/reports');
      await page.locator('#template-explanations li').nth(4).waitFor();
      await page.locator('#template-replace').click();
      if (await page.locator('#template-confirm').count()) await page.locator('#template-confirm-replace').click();
      await page.locator('#card-4').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'builder-result');
    } else {
      await page.locator('#field-emr_version').fill(ECS_ROLE.emr_version);
      await page.locator('#field-oss_buckets-0-bucket').fill(ECS_ROLE.buckets[0]);
      await page.locator('.record-list[data-field="oss_buckets"] > .add-group').click();
      await page.locator('#field-oss_buckets-1-bucket').fill(ECS_ROLE.buckets[1]);
      await page.locator('#field-oss_buckets-1-access').selectOption('read-write');
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await page.locator('#field-oss_buckets-1-access').focus();
    }
    const expected = colorScheme === 'dark' ? 'rgb(18, 21, 27)' : 'rgb(246, 247, 249)';
    assert.equal(await background(page), expected);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no horizontal scrolling');
    await page.screenshot({ path: path.join(DIR, name), fullPage: true });
    await assertCleanRun(page, seen);
    await context.close();
  });
}
