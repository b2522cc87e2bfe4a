// Share links, drafts, "download everything" and embed mode on the scenario pages. Links
// carry the plan's normalised inputs after `#`; drafts live in localStorage per scenario;
// neither ever holds a credential.

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
const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));
const SECRET = 'LTAI5tAbCdEfGhIjKlMnOpQr';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A link payload as the core writes it: `v1.` and unpadded base64url of the JSON. */
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;

/** Every form control's id and value (or checked state), in page order. */
const formValues = (page) =>
  page.locator('form.scenario-form').evaluate((form) =>
    [...form.querySelectorAll('input, select, textarea')].map((element) => [
      element.id,
      element.type === 'checkbox' ? element.checked : element.value,
    ]),
  );

/** The shown text of one artifact tab. */
async function artifactText(page, artifact) {
  await page.locator(`button.tab[data-artifact="${artifact}"]`).click();
  return page.locator(`.tab-panel[data-artifact="${artifact}"] .artifact-content`).textContent();
}

/** Every localStorage entry as `key=value`. */
const storage = (page) =>
  page.evaluate(() => Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key)}`));

test('Copy link puts the form in the fragment, and the link restores it elsewhere', async () => {
  const id = 'dataworks-maxcompute';
  const input = await readJson(`${id}/valid-account-name-columns.input.json`);
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(BASE_URL).origin,
  });
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const values = await formValues(page);
  const sql = await artifactText(page, 'maxcompute-sql');

  await page.locator('#copy-link').click();
  await page.locator('#link-status .link-ok').waitFor();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(url.startsWith(`${BASE_URL}#/scenario/${id}?s=v1.`), url);
  assert.equal(page.url(), url, 'the address bar holds the same link');

  // A fresh context: no draft, so only the link can fill the form.
  const other = await openApp(browser, { route: url });
  await other.page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.deepEqual(await formValues(other.page), values);
  assert.equal(await artifactText(other.page, 'maxcompute-sql'), sql);
  assert.equal(await other.page.locator('#open-notice').count(), 0);

  // Editing after opening a link drops the payload from the address bar.
  await setField(other.page, 'role_name', 'another-reader');
  await other.page.waitForFunction(() => !location.hash.includes('?s='));
  await assertCleanRun(other.page, other.seen);
  await other.context.close();
  await assertCleanRun(page, seen);
  await context.close();
});

test('a credential in a field blocks the link and reaches neither the URL nor storage', async () => {
  const id = 'dataworks-di';
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await fillForm(page, await readJson(`${id}/valid-hive.input.json`));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, `ramplan.draft.${id}`);
  await setField(page, 'instance_id', SECRET);
  await page.locator('.field[data-field="instance_id"] li.field-finding[data-code="PL005"]').waitFor();

  await page.locator('#copy-link').click();
  const refused = page.locator('#link-status .link-refused[data-reason="credential"]');
  await refused.waitFor();
  assert.match(await refused.textContent(), /credential/);
  assert.ok(!page.url().includes('?s='), 'no link in the address bar');
  assert.ok(!page.url().includes(SECRET));
  const entries = await storage(page);
  assert.ok(entries.some((entry) => entry.startsWith(`ramplan.draft.${id}=`)));
  assert.ok(!entries.some((entry) => entry.includes(SECRET)), 'the credential is not stored');

  // The same in Chinese.
  await page.locator('button[data-lang="zh"]').click();
  assert.match(await refused.textContent(), /凭证/);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a draft survives a reload and Clear removes it', async () => {
  const id = 'emr-ecs-role';
  const key = `ramplan.draft.${id}`;
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  const fresh = await formValues(page);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  await fillForm(page, await readJson(`${id}/valid-old-version-read-write-prefix.input.json`));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const values = await formValues(page);
  const trust = await artifactText(page, 'trust-policy');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('warehouse-data'), key);

  await page.reload();
  await page.locator('#open-notice[data-notice="draft"]').waitFor();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.deepEqual(await formValues(page), values);
  assert.equal(await artifactText(page, 'trust-policy'), trust);

  await page.locator('#clear-draft').click();
  await page.waitForFunction((k) => localStorage.getItem(k) === null, key);
  assert.deepEqual(await formValues(page), fresh);
  assert.equal(await page.locator('#open-notice').count(), 0);
  await page.reload();
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  assert.deepEqual(await formValues(page), fresh);
  assert.equal(await page.locator('#open-notice').count(), 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  await assertCleanRun(page, seen);
  await context.close();
});

test('Download everything saves <id>-plan.zip with every artifact', async () => {
  const id = 'dataworks-emr';
  const fixture = 'valid-basic-hadoop';
  const expected = await readJson(`${id}/${fixture}.en.plan.json`);
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await page.locator('#plan-status[data-ready="false"]').waitFor();
  assert.equal(await page.locator('#download-all').count(), 0, 'no bundle before the plan is ready');
  await fillForm(page, await readJson(`${id}/${fixture}.input.json`));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#download-all').click(),
  ]);
  assert.equal(download.suggestedFilename(), `${id}-plan.zip`);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  const text = bytes.toString('latin1');
  assert.ok(expected.artifacts.length > 0);
  for (const artifact of expected.artifacts) {
    assert.ok(text.includes(`${id}/${artifact.filename}`), artifact.filename);
    assert.ok(bytes.includes(Buffer.from(artifact.content)), `${artifact.filename} content`);
  }
  await assertCleanRun(page, seen);
  await context.close();
});

test('embed mode shows the form and plan alone, filled from ?s=', async () => {
  const id = 'emr-ecs-role';
  const fixture = 'valid-old-version-read-write-prefix';
  const input = await readJson(`${id}/${fixture}.input.json`);
  const expected = (await readJson(`${id}/${fixture}.en.plan.json`)).artifacts.find(
    (a) => a.id === 'trust-policy',
  );
  const { context, page, seen } = await openApp(browser, {
    route: `#/embed/${id}?s=${payload(input)}`,
  });
  await page.locator(`main.scenario[data-embed="true"][data-scenario="${id}"]`).waitFor();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  for (const selector of ['.page-header', '.page-footer', '.breadcrumb', 'a[href="#/"]', '#copy-link']) {
    assert.equal(await page.locator(selector).count(), 0, `${selector} is not embedded`);
  }
  assert.equal(await page.locator('#field-role_name').inputValue(), 'test-emr');
  assert.equal(await page.locator('#field-oss_buckets-1-bucket').inputValue(), 'warehouse-data');
  assert.equal(await artifactText(page, 'trust-policy'), expected.content);
  // An embedded form keeps no draft.
  await setField(page, 'role_name', 'embedded-role');
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.deepEqual(await storage(page), []);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a damaged or credential-bearing link says so and opens an empty form', async () => {
  const id = 'emr-ecs-role';
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  const fresh = await formValues(page);
  await assertCleanRun(page, seen);
  await context.close();

  for (const [link, notice] of [
    ['v1.@@not-base64@@', 'damaged'],
    ['v2.e30', 'damaged'],
    [payload({ role_name: SECRET }), 'credential'],
  ]) {
    const opened = await openApp(browser, { route: `#/scenario/${id}?s=${link}` });
    const shown = opened.page.locator(`#open-notice[data-notice="${notice}"]`);
    await shown.waitFor();
    assert.ok((await shown.textContent()).length > 20);
    assert.deepEqual(await formValues(opened.page), fresh);
    assert.ok(!(await opened.page.locator('main').innerText()).includes(SECRET));
    await assertCleanRun(opened.page, opened.seen);
    await opened.context.close();
  }
});

test('a typed AccessKey secret never reaches the draft, and leaving the page keeps the last value', async () => {
  const id = 'emr-ecs-role';
  const key = `ramplan.draft.${id}`;
  // The shape of an AccessKey secret: 30 mixed-case letters and digits, no telltale prefix.
  const secret = 'Q7xk2LmPz9RtY4vBn3HcWj8Ds5FgAe';
  const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  const roleName = page.locator('#field-role_name');
  await roleName.fill('kept-role');
  await roleName.press('Tab');
  await page.waitForFunction((k) => (localStorage.getItem(k) ?? '').includes('kept-role'), key);

  // Key by key: every beginning of the secret is an ordinary-looking value until the last
  // key, so nothing may be written while the person is still typing.
  await roleName.fill('');
  await roleName.pressSequentially(secret);
  await page.locator('.field[data-field="role_name"] li.field-finding[data-code="PL005"]').waitFor();
  await roleName.press('Tab');
  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  assert.ok(stored.includes('kept-role'), stored);
  assert.ok(!stored.includes(secret.slice(0, 8)), `a beginning of the secret was stored: ${stored}`);

  // Typed and not left: reloading still keeps the value.
  await roleName.fill('typed-then-reloaded');
  await page.reload();
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  assert.equal(await page.locator('#field-role_name').inputValue(), 'typed-then-reloaded');
  await assertCleanRun(page, seen);
  await context.close();
});
