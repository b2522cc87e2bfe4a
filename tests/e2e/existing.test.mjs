// A scenario's "check an existing setup" view: fill the form, paste the policies a role has
// today, and read whether they do what the scenario needs, each difference in the
// scenario's words. Pasted text is never stored or linked; a credential is refused.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { assertCleanRun, fillForm, launch, openApp } from './helpers.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const readText = (file) => readFile(path.join(FIXTURES, file), 'utf8');
const readJson = async (file) => JSON.parse(await readText(file));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens a scenario, fills its form from an input document and waits for a ready plan. */
async function openFilled(id, input) {
  const session = await openApp(browser, { route: `#/scenario/${id}` });
  const { page } = session;
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  await fillForm(page, input);
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  return session;
}

/** Switches to the existing-setup view with the keyboard, as the tabs pattern has it. */
async function showExisting(page) {
  await page.locator('#view-plan').focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('#view-existing[aria-selected="true"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'view-existing');
  await page.locator('#view-panel-existing:not([hidden])').waitFor();
  assert.notEqual(await page.locator('#view-panel-plan').getAttribute('hidden'), null);
}

/** Pastes a document into a text area (one `input` event, as a paste makes). */
async function paste(page, slot, text) {
  await page.locator(`#existing-${slot}`).fill(text);
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.value === text,
    [`#existing-${slot}`, text],
  );
}

const status = (page, state) => page.locator(`#existing-status[data-state="${state}"]`).waitFor();

/** Every value the page keeps or shows outside the text areas. */
const kept = (page) =>
  page.evaluate(() => ({
    storage: [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    ),
    url: location.href,
  }));

test('dataworks-emr: an engine principal is PL706 naming both suffixes; the plan\'s own trust policy satisfies it', async () => {
  const input = await readJson('scenarios/dataworks-emr/valid-basic-hadoop.input.json');
  const { context, page, seen } = await openFilled('dataworks-emr', input);
  const planTrust = await page
    .locator('.tab-panel[data-artifact="trust-policy"] pre')
    .textContent();
  await showExisting(page);
  // This scenario writes a trust policy only: its permissions are a system policy.
  assert.equal(await page.locator('#existing-permission').count(), 0);
  assert.match(await page.locator('label[for="existing-trust"]').textContent(), /Trust policy of EMRRole/);
  assert.match(await page.locator('#existing-privacy').textContent(), /not stored in this browser or put in links/);
  await status(page, 'waiting');

  const engine = await readText('existing/dataworks-emr/bad-engine-suffix/trust-policy.json');
  await paste(page, 'trust', engine);
  await status(page, 'not-satisfied');
  const statusLine = page.locator('#existing-status');
  assert.equal(await statusLine.getAttribute('role'), 'status');
  assert.equal(await statusLine.getAttribute('data-satisfied'), 'false');
  assert.match(await statusLine.textContent(), /Not satisfied: 1 error to fix/);
  const pl706 = page.locator('#existing-findings li.finding[data-code="PL706"]');
  await pl706.waitFor();
  assert.equal(await pl706.getAttribute('data-severity'), 'error');
  assert.equal(await pl706.getAttribute('data-document'), 'trust-policy.json');
  const message = await pl706.locator('.finding-message').textContent();
  assert.match(message, /@engine\.dataworks\.aliyuncs\.com/);
  assert.match(message, /@emr\.dataworks\.aliyuncs\.com/);
  assert.match(message, /registering an EMR cluster needs/);
  assert.equal(await pl706.locator('.finding-location').textContent(), 'trust-policy.json 8:11');
  // The system policy cannot be evaluated: a suggestion, and a check marked as such.
  await page.locator('#existing-findings li.finding[data-code="PL714"]').waitFor();
  await page.locator('#existing-checks li[data-kind="assume"][data-result="failed"]').waitFor();
  await page.locator('#existing-checks li[data-kind="system-policy"][data-result="not-evaluated"]').waitFor();
  assert.match(
    await page.locator('#existing-checks li[data-kind="assume"]').textContent(),
    /nearest miss/,
  );
  // The lint findings of the pasted document, and the kind it was read as.
  assert.match(await page.locator('.existing-lint[data-document="trust-policy.json"]').textContent(), /no findings/);
  assert.equal(await page.locator('.existing-document[data-slot="trust"] .kind-detected').getAttribute('data-kind'), 'trust');

  // Selecting the difference selects the principal in the pasted text.
  await pl706.locator('button.finding-target').click();
  await page.waitForFunction(() => document.activeElement?.id === 'existing-trust');
  const selected = await page
    .locator('#existing-trust')
    .evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  assert.equal(selected, '"1234567890123456@engine.dataworks.aliyuncs.com"');

  // Read as a permission policy, there is no trust policy to compare.
  await page.locator('#existing-trust-kind').selectOption('permission');
  await page.locator('#existing-findings li.finding[data-code="PL703"]').waitFor();
  await page.locator('#existing-findings li.finding[data-code="PL704"]').waitFor();
  await page.locator('#existing-trust-kind').selectOption('');
  await pl706.waitFor();

  // The plan's own trust policy does what the scenario needs.
  await paste(page, 'trust', planTrust);
  await status(page, 'satisfied');
  assert.equal(await statusLine.getAttribute('data-satisfied'), 'true');
  assert.match(await statusLine.textContent(), /^Satisfied/);
  assert.equal(await page.locator('#existing-findings li.finding[data-severity="error"]').count(), 0);
  assert.equal(await page.locator('#existing-checks li[data-result="failed"]').count(), 0);

  // The pasted text lives in the page only: not in storage, the draft or the address.
  const found = await kept(page);
  assert.deepEqual(found.storage.filter((entry) => entry.includes('sts:AssumeRole')), []);
  assert.ok(!found.url.includes('?s='), found.url);
  // Back to the plan, and back again: the pasted text is still there.
  await page.locator('#view-plan').click();
  await page.locator('#view-panel-plan:not([hidden])').waitFor();
  await page.locator('#view-existing').click();
  assert.equal(await page.locator('#existing-trust').inputValue(), planTrust);
  await assertCleanRun(page, seen);
  await context.close();
});

test('emr-ecs-role: a policy without the bucket itself is PL710', async () => {
  const dir = 'existing/emr-ecs-role/bad-missing-bucket';
  const { context, page, seen } = await openFilled('emr-ecs-role', await readJson(`${dir}/input.json`));
  await showExisting(page);
  assert.match(
    await page.locator('label[for="existing-permission"]').textContent(),
    /Custom policy attached to EmrOssRole/,
  );
  await paste(page, 'trust', await readText(`${dir}/trust-policy.json`));
  // The trust policy alone: the permission checks did not run.
  await page.locator('#existing-findings li.finding[data-code="PL703"]').waitFor();
  await paste(page, 'permission', await readText(`${dir}/permission-policy.json`));
  const pl710 = page.locator('#existing-findings li.finding[data-code="PL710"]');
  await pl710.waitFor();
  await status(page, 'not-satisfied');
  assert.equal(await page.locator('#existing-findings li.finding[data-code="PL703"]').count(), 0);
  assert.match(await pl710.locator('.finding-message').textContent(), /lacks the `?examplebucket`? resource/);
  assert.equal(await pl710.getAttribute('data-document'), 'permission-policy.json');
  assert.equal(await pl710.locator('.finding-location').textContent(), 'permission-policy.json 10:19');
  await page.locator('#existing-checks li[data-kind="allow"][data-result="failed"]').waitFor();
  // The linter's own warning about the same resource, under its document.
  await page.locator('.existing-lint[data-document="permission-policy.json"] li.finding[data-code="RP702"]').waitFor();
  await pl710.locator('button.finding-target').click();
  await page.waitForFunction(() => document.activeElement?.id === 'existing-permission');
  await assertCleanRun(page, seen);
  await context.close();
});

// `LTAI` and 20 letters and digits: an AccessKey ID to crates/core/src/secrets.rs.
const SECRET = 'LTAI5tQw3Er7Ty9Ui2Op4AsD';

test('a pasted credential is refused (PL702), not echoed, and stored nowhere', async () => {
  const input = await readJson('scenarios/dataworks-emr/valid-basic-hadoop.input.json');
  const { context, page, seen } = await openFilled('dataworks-emr', input);
  await page.waitForFunction(() => localStorage.getItem('ramplan.draft.dataworks-emr') !== null);
  await showExisting(page);
  const correct = await readText('existing/dataworks-emr/ok-correct/trust-policy.json');
  const withKey = correct.replace(
    '"Effect": "Allow",',
    `"Effect": "Allow",\n      "Condition": {"StringEquals": {"acs:AccessId": "${SECRET}"}},`,
  );
  assert.ok(withKey.includes(SECRET));
  await paste(page, 'trust', withKey);
  const alert = page.locator('#existing-credential');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.textContent(), /looks like a credential \(PL702\)/);
  // The alert appearing did not re-create the text area.
  assert.equal(await page.locator('#existing-trust').inputValue(), withKey);
  await page.locator('#existing-findings li.finding[data-code="PL702"]').waitFor();
  await status(page, 'not-satisfied');
  assert.match(await page.locator('.existing-lint[data-document="trust-policy.json"]').textContent(), /not read/);
  assert.ok(
    !(await page.locator('#existing').innerText()).includes(SECRET.slice(0, 8)),
    'no text outside the text area repeats it',
  );
  // Leaving the page's fields and switching language write what the page writes; none of
  // it may hold the value.
  await page.locator('#view-plan').click();
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  const found = await kept(page);
  assert.ok(found.storage.length > 0);
  assert.deepEqual(found.storage.filter((entry) => entry.includes('LTAI')), []);
  assert.ok(!found.url.includes('LTAI'));
  // Removing it clears the alert.
  await page.locator('#view-existing').click();
  await paste(page, 'trust', correct);
  await alert.waitFor({ state: 'detached' });
  await status(page, 'satisfied');
  await assertCleanRun(page, seen);
  await context.close();
});

test('the existing-setup view speaks Chinese, asks for the form first, and is not in embeds', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/scenario/dataworks-hologres' });
  await page.locator('main.scenario[data-scenario="dataworks-hologres"]').waitFor();
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#view-existing').textContent(), '检查现有配置');
  await page.locator('#view-existing').click();
  // An empty form has no plan to compare with yet, and the page says so once.
  await status(page, 'waiting');
  assert.match(await page.locator('#existing-status').textContent(), /请先填写表单/);
  assert.equal(await page.getByText('请先填写表单').count(), 1);
  await fillForm(page, await readJson('scenarios/dataworks-hologres/valid-custom-names.input.json'));
  await page.locator('#existing-trust').waitFor();
  await page.locator('#existing-permission').waitFor();
  assert.match(await page.locator('label[for="existing-trust"]').textContent(), /的信任策略$/);
  assert.equal(await page.locator('label[for="existing-trust-kind"]').textContent(), '读取为');
  assert.match(await page.locator('#existing-privacy').textContent(), /不会保存在本浏览器中/);

  // An embed shows the plan only.
  await page.evaluate(() => {
    location.hash = '#/embed/dataworks-hologres';
  });
  await page.locator('main.scenario[data-embed="true"]').waitFor();
  assert.equal(await page.locator('#view-existing').count(), 0);
  assert.equal(await page.locator('#existing').count(), 0);
  await assertCleanRun(page, seen);
  await context.close();
});
