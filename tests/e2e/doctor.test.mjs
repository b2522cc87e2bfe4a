// "Why was I denied?" (#/doctor): a person pastes an access-denied error and reads who, what
// and why; an implicit deny comes with a proven statement to copy, an explicit deny with
// where to look; a matching scenario links its plan; a credential is refused; nothing of
// the pasted text is kept in the browser or put in the address.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, launch, openApp } from './helpers.mjs';

const sample = (name) =>
  readFileSync(new URL(`../fixtures/doctor/${name}`, import.meta.url), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function paste(page, text) {
  await page.locator('#doctor-input').fill(text);
  await page.waitForFunction(
    (expected) => document.querySelector('#doctor-input')?.value === expected,
    text,
  );
}

test('the home page links the doctor, and an implicit deny gets a proven statement to copy', async () => {
  const { page, seen, context } = await openApp(browser, { route: '#/' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(BASE_URL).origin,
  });
  await page.locator('li[data-card="doctor"] a').click();
  await page.locator('#doctor-input').waitFor();
  assert.match(page.url(), /#\/doctor$/);
  assert.equal(await page.title(), 'Why was I denied? · ramplan');
  await page.locator('#doctor-empty').waitFor();

  await paste(page, sample('oss-xml-implicit-deny.input.xml'));
  await page.locator('.doctor-answer[data-shape="oss-xml"][data-denial="implicit"]').waitFor();
  assert.match(await page.locator('#doctor-who').textContent(), /RAM user with ID 209876543210987654/);
  assert.match(await page.locator('#doctor-what').textContent(), /oss:GetObject/);
  assert.match(await page.locator('#doctor-why').textContent(), /^implicit deny/);
  const fix = page.locator('#doctor-fix[data-proven="true"]');
  await fix.waitFor();
  const policy = await page.locator('#doctor-policy').textContent();
  assert.match(policy, /"Resource": "acs:oss:\*:\*:examplebucket\/\*"/);
  assert.equal(await page.locator('#doctor-checks li.check-ok').count(), 3);
  assert.equal(await page.locator('#doctor-checks li.check-failed').count(), 0);
  await page.locator('#doctor-policy-copy').click();
  await page.locator('#doctor-fix .copy-ok').first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), policy);
  assert.match(await page.locator('#doctor-cli').textContent(), /AttachPolicyToUser/);
  assert.match(await page.locator('#doctor-terraform').textContent(), /alicloud_ram_user_policy_attachment/);
  // The decode command is there to copy, for someone allowed to run it.
  assert.match(await page.locator('#doctor-steps').textContent(), /aliyun ram DecodeDiagnosticMessage --EncodedDiagnosticMessage 'AQIB/);

  // Nothing of the pasted text is kept or put in the address.
  const stored = await page.evaluate(() =>
    Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('\n'),
  );
  assert.doesNotMatch(stored, /209876543210987654|examplebucket/);
  assert.match(page.url(), /#\/doctor$/);
  await assertCleanRun(page, seen);
  await context.close();
});

test('an explicit deny says where to look and proposes no Allow; on a phone a line leads to it', async () => {
  const { page, seen, context } = await openApp(browser, {
    route: '#/doctor',
    viewport: { width: 390, height: 844 },
  });
  await paste(page, sample('decoded-explicit-deny.input.json'));
  await page.locator('.doctor-answer[data-shape="decoded"][data-denial="explicit"]').waitFor();
  assert.equal(await page.locator('#doctor-fix').count(), 0);
  const steps = await page.locator('#doctor-steps').textContent();
  assert.match(steps, /adding an Allow does not help/);
  assert.match(steps, /PolicyIdentifier MyPolicyName/);
  const jump = page.locator('#doctor-jump[data-state="explicit"]');
  await jump.waitFor();
  assert.match(await jump.textContent(), /Explicit deny: where to look/);
  await page.locator('#doctor-jump-go').click();
  await page.waitForFunction(() => document.activeElement?.id === 'doctor-answer-heading');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
  await assertCleanRun(page, seen);
  await context.close();
});

test('an error a scenario is known to produce links its plan, in Chinese too', async () => {
  const { page, seen, context } = await openApp(browser, { route: '#/doctor' });
  await paste(page, sample('sdk-python-text.input.txt'));
  const link = page.locator('#doctor-scenarios li[data-scenario="dataworks-maxcompute"] a.doctor-check-link');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), '#/scenario/dataworks-maxcompute?view=existing');
  assert.equal(
    await page.locator('#doctor-scenarios li[data-scenario="dataworks-maxcompute"] a.doctor-plan-link').getAttribute('href'),
    '#/scenario/dataworks-maxcompute',
  );
  assert.match(await page.locator('#doctor-cli').textContent(), /AttachPolicyToRole .*--RoleName 'dataworks-mc-role'/);

  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => document.querySelector('#doctor-why')?.textContent.startsWith('隐式拒绝'));
  assert.equal(await page.locator('#doctor-heading').textContent(), '为什么被拒绝？');

  // The check link opens the scenario on its "Check an existing setup" tab.
  await link.click();
  await page.waitForURL(/#\/scenario\/dataworks-maxcompute\?view=existing$/);
  await page.locator('#view-panel-existing').waitFor();
  assert.equal(await page.locator('#view-panel-existing').isHidden(), false);
  await assertCleanRun(page, seen);
  await context.close();
});

test('an example fills the text area and is read at once', async () => {
  const { page, seen, context } = await openApp(browser, { route: '#/doctor' });
  await page.locator('#doctor-example-console-zh').click();
  await page.locator('.doctor-answer[data-shape="console"][data-denial="explicit"]').waitFor();
  assert.match(await page.locator('#doctor-input').inputValue(), /鉴权操作：ecs:DescribeInstances/);
  assert.match(await page.locator('#doctor-steps').textContent(), /control policy of the resource directory denies/);
  await page.locator('#doctor-example-sdk-go').click();
  await page.locator('#doctor-fix[data-proven="true"]').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});

test('a pasted credential is refused and never shown', async () => {
  const { page, seen, context } = await openApp(browser, { route: '#/doctor' });
  const key = ['LTAI', '5tQ8dV3kXb9Rm2Wz'].join('');
  await paste(page, `{"Code": "NoPermission", "AccessDeniedDetail": {"AuthAction": "oss:GetObject", "AuthPrincipalDisplayName": "${key}"}}`);
  const alert = page.locator('#doctor-error[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /looks like an AccessKey ID/);
  assert.doesNotMatch(await page.locator('#doctor-answer').textContent(), new RegExp(key));
  assert.equal(await page.locator('.doctor-answer').count(), 0);
  await assertCleanRun(page, seen);
  await context.close();
});
