// The scenario pages: fill a form with a fixture's valid input, read the plan the core built,
// copy and download its files. And the home page that leads to them.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, fillForm, launch, openApp, setField } from './helpers.mjs';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));

// One valid fixture per scenario, the artifact to copy and download, and names it must show.
const CASES = [
  {
    id: 'dataworks-emr',
    fixture: 'valid-basic-hadoop',
    artifact: 'trust-policy',
    names: ['1234567890123456@emr.dataworks.aliyuncs.com', 'sts:AssumeRole'],
  },
  {
    id: 'dataworks-maxcompute',
    fixture: 'valid-account-name-columns',
    artifact: 'maxcompute-sql',
    names: ['RAM$finance-owner:role/dw-reader', 'finance_dw', 'payments'],
  },
  {
    id: 'dataworks-hologres',
    fixture: 'valid-custom-names',
    artifact: 'trust-policy',
    names: ['1234567890123456@engine.dataworks.aliyuncs.com'],
  },
  {
    id: 'dataworks-di',
    fixture: 'valid-hive',
    artifact: 'trust-policy',
    names: ['1234567890123456@cdp.aliyuncs.com'],
  },
  {
    id: 'emr-default-roles',
    fixture: 'valid-new-version',
    artifact: 'required-roles',
    names: ['AliyunEMRDefaultRole', 'AliyunEMRRolePolicy'],
  },
  {
    id: 'emr-ecs-role',
    fixture: 'valid-old-version-read-write-prefix',
    artifact: 'trust-policy',
    names: ['emr.aliyuncs.com'],
  },
];

for (const { id, fixture, artifact, names } of CASES) {
  test(`${id}: a valid form makes a ready plan whose files copy and download`, async () => {
    const input = await readJson(`${id}/${fixture}.input.json`);
    const expected = (await readJson(`${id}/${fixture}.en.plan.json`)).artifacts.find(
      (a) => a.id === artifact,
    );
    assert.ok(expected, `the fixture plan has a ${artifact}`);
    const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(BASE_URL).origin,
    });
    await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
    await fillForm(page, input);

    const status = page.locator('#plan-status[data-ready="true"]');
    await status.waitFor();
    assert.match(await status.textContent(), /^Ready: no errors/);
    assert.equal(await page.locator('#plan-status').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('.field-finding[data-severity="error"]').count(), 0);
    assert.ok((await page.locator('#steps > li.step input[type="checkbox"]').count()) > 0);
    if (id === 'emr-ecs-role') {
      // Checklists and commands in instructions keep their own lines.
      const verify = page.locator('#steps > li.step .step-instructions', { hasText: 'hdfs dfs -ls' });
      const rendered = await verify.evaluate((element) => element.innerText);
      assert.match(rendered, /\n\s*hdfs dfs -ls oss:\/\/examplebucket\/\n\s*hdfs dfs -ls oss:\/\/warehouse-data\//);
    }

    await page.locator(`button.tab[data-artifact="${artifact}"]`).click();
    const panel = page.locator(`.tab-panel[data-artifact="${artifact}"]`);
    await panel.waitFor();
    const shown = await panel.locator('.artifact-content').textContent();
    assert.equal(shown, expected.content, 'the page shows the core’s artifact as is');
    for (const name of names) assert.ok(shown.includes(name), `${artifact} names ${name}`);

    await panel.locator('.copy-button').click();
    await panel.locator('.copy-status .copy-ok').waitFor();
    assert.equal(await panel.locator('.copy-status').textContent(), 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.content);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('.download-button').click(),
    ]);
    assert.equal(download.suggestedFilename(), expected.filename);
    assert.equal(await readFile(await download.path(), 'utf8'), expected.content);

    await assertCleanRun(page, seen);
    await context.close();
  });
}

test('the home page lists every scenario and the checker', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/' });
  await page.locator('#cards').waitFor();
  const scenarios = page.locator('#cards > li.card[data-scenario]');
  assert.equal(await scenarios.count(), 6);
  assert.deepEqual(
    await scenarios.evaluateAll((cards) => cards.map((card) => card.dataset.scenario)),
    CASES.map((c) => c.id),
  );
  for (const card of await scenarios.all()) {
    assert.ok((await card.locator('.card-title').textContent()).length > 0);
    assert.ok((await card.locator('.card-summary').textContent()).length > 20);
  }
  assert.equal(await page.locator('#cards > li.card[data-card="check"]').count(), 1);

  // Chinese titles come from the core's scenario descriptions.
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.match(await scenarios.first().locator('.card-title').textContent(), /DataWorks/);
  assert.match(await page.locator('#home-heading').textContent(), /你想/);
  await page.locator('button[data-lang="en"]').click();

  // A card is a link, reached and followed by keyboard.
  await page.locator('#cards > li.card[data-scenario="emr-ecs-role"] a').focus();
  await page.keyboard.press('Enter');
  await page.locator('main.scenario[data-scenario="emr-ecs-role"]').waitFor();
  assert.ok(page.url().endsWith('#/scenario/emr-ecs-role'));
  await page.goBack();
  await page.locator('#cards > li.card[data-card="check"] a').click();
  await page.locator('#policy').waitFor();
  assert.ok(page.url().endsWith('#/check'));
  await assertCleanRun(page, seen);
  await context.close();
});

test('a 15-digit account ID is reported next to its field', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/scenario/dataworks-di' });
  await fillForm(page, await readJson('dataworks-di/valid-hive.input.json'));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await setField(page, 'dataworks_account_uid', '123456789012345');
  const field = page.locator('.field[data-field="dataworks_account_uid"]');
  const error = field.locator('li.field-finding[data-severity="error"]');
  await error.first().waitFor();
  assert.match(await error.first().textContent(), /123456789012345/);
  assert.equal(
    await field.locator('input').getAttribute('aria-invalid'),
    'true',
  );
  assert.ok(
    ((await field.locator('input').getAttribute('aria-describedby')) ?? '').includes(
      'field-dataworks_account_uid-findings',
    ),
  );
  // No other input is blamed, and the plan says it is not ready and withholds its files.
  assert.equal(await page.locator('.field-invalid').count(), 1);
  await page.locator('#plan-status[data-ready="false"]').waitFor();
  assert.match(await page.locator('#plan-status').textContent(), /^Not ready: 1 error/);
  assert.equal(await page.locator('.tab-panel').count(), 0);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a credential is refused by its field and written nowhere else', async () => {
  const { context, page, seen } = await openApp(browser, {
    route: '#/scenario/dataworks-maxcompute',
  });
  await fillForm(page, await readJson('dataworks-maxcompute/valid-account-name-columns.input.json'));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const secret = 'LTAI5tAbCdEfGhIjKlMnOpQr';
  await setField(page, 'grants[1].object_name', secret);
  const field = page.locator('.field[data-field="grants[1].object_name"]');
  await field.locator('li.field-finding[data-code="PL005"]').waitFor();
  await page.locator('#plan-status[data-ready="false"]').waitFor();
  const elsewhere = await page.evaluate((value) => {
    const storage = [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    );
    return {
      url: location.href.includes(value),
      storage: storage.some((entry) => entry.includes(value)),
      // The field's own input holds it; no other element's text may.
      text: document.querySelector('main').innerText.includes(value),
    };
  }, secret);
  assert.deepEqual(elsewhere, { url: false, storage: false, text: false });
  await assertCleanRun(page, seen);
  await context.close();
});
