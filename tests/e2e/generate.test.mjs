// Least privilege from ActionTrail (#/generate): files picked and dropped are read in the
// page, each identity's policy is the core's (the same as `ramplan generate`), the options
// narrow it, Copy and Download hand it over, no AccessKey ID is shown, and nothing leaves
// the page.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, launch, openApp } from './helpers.mjs';

const FIXTURES = new URL('../fixtures/actiontrail/', import.meta.url);
const fixture = (name) => ({
  name,
  mimeType: 'application/json',
  buffer: readFileSync(new URL(name, FIXTURES)),
});
const snapshot = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const ids = (page) =>
  page.locator('section.generated-policy').evaluateAll((all) => all.map((s) => s.dataset.identity));

test('ActionTrail files become one policy per identity, narrowed by the options, copied and downloaded', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await page.locator('li[data-card="generate"] a').click();
  await page.locator('#generate-heading').waitFor();
  await page.locator('#generate-prompt').waitFor();
  // The full catalogue is in before the counts are read (slb comes from it).
  await page.waitForFunction(() => !document.querySelector('#catalogue-note'));

  await page.locator('#generate-files').setInputFiles([fixture('lookup-events.json'), fixture('oss-delivered.json')]);
  await page.locator('#generate-summary[data-identities="3"]').waitFor();
  assert.deepEqual(await ids(page), ['assumed-role/ops-auditor', 'ram-user/etl', 'root-account']);
  assert.equal(await page.locator('#generate-file-list li').count(), 2);

  // Each policy is the core's, byte for byte.
  const expected = snapshot('lookup-events.snap.json').identities[0].policies[0];
  const role = page.locator('section.generated-policy[data-identity="assumed-role/ops-auditor"]');
  assert.equal(await role.locator('pre.policy-text').textContent(), expected.policy);
  assert.match(await role.locator('.lint-clean').textContent(), /nothing to fix/);
  // The failed call and the sign-in are listed as left out, and AccessKey IDs are never shown.
  assert.match(await page.locator('#generate-left-out').textContent(), /errorCode[\s\S]*ConsoleSignin|ConsoleSignin[\s\S]*errorCode/);
  assert.match(await page.locator('#generate-notes').textContent(), /accessKeyId/);
  const body = await page.locator('main').textContent();
  assert.ok(!body.includes('STS.NUg'), 'an AccessKey ID is on the page');

  // Copy and Download hand over the policy as shown.
  await role.locator('.copy-button').click();
  await role.locator('.copy-ok').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.policy);
  const [download] = await Promise.all([page.waitForEvent('download'), role.locator('.download-button').click()]);
  assert.equal(download.suggestedFilename(), 'ramplan-assumed-role-ops-auditor.json');

  // One identity; then only reads; then a time window that leaves nobody.
  await page.locator('#generate-identity').fill('etl');
  await page.locator('#generate-summary[data-identities="1"]').waitFor();
  assert.deepEqual(await ids(page), ['ram-user/etl']);
  const etl = page.locator('section.generated-policy pre.policy-text');
  assert.match(await etl.textContent(), /oss:PutBucketLifecycle/);
  await page.locator('#generate-read-only').check();
  await page.waitForFunction(() => !document.querySelector('pre.policy-text')?.textContent.includes('PutBucketLifecycle'));
  assert.match(await etl.textContent(), /oss:GetBucketInfo/);
  await page.locator('#generate-since').fill('2027-01-01T00:00:00Z');
  await page.locator('#generate-none').waitFor();
  await page.locator('#generate-since').fill('not a time');
  await page.locator('#generate-error').waitFor();
  assert.match(await page.locator('#generate-error').textContent(), /ISO 8601/);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a file dropped on the page is read, and one that is not ActionTrail JSON says why', async () => {
  const { context, page, seen } = await openApp(browser, { route: '#/generate' });
  await page.locator('#generate-heading').waitFor();
  const drop = async (name, text) => {
    const transfer = await page.evaluateHandle(
      ([name, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'application/json' }));
        return data;
      },
      [name, text],
    );
    await page.locator('#generate-drop').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('sls-export.jsonl', readFileSync(new URL('sls-export.jsonl', FIXTURES), 'utf8'));
  await page.locator('section.generated-policy[data-identity="ram-user/dashboards"]').waitFor();
  // On a phone the policies come after the files: a line says what they are and goes there.
  await page.setViewportSize({ width: 390, height: 800 });
  assert.ok(await page.locator('#generate-jump').isVisible());
  assert.match(await page.locator('#generate-jump').textContent(), /1 identity\(ies\), 1 policy document/);
  await page.locator('#generate-jump-go').click();
  await page.waitForFunction(() => document.activeElement?.id === 'generate-results-heading');
  await page.setViewportSize({ width: 1280, height: 900 });
  await drop('export.csv', 'time,user,event\n1,2,3\n');
  await page.locator('#generate-error li[data-file="export.csv"]').waitFor();
  assert.match(await page.locator('#generate-error').textContent(), /CSV download is not read/);
  await page.locator('#generate-clear').click();
  await page.locator('#generate-prompt').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});

// axe-core's WCAG 2 A/AA rules on the page with policies showing, light and dark. axe is
// injected as a script, which the page's CSP forbids, so only this context bypasses it
// (as tests/e2e/a11y.test.mjs does for the other pages).
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no WCAG 2 A/AA violation on #/generate with policies, ${colorScheme}`, async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(new URL('#/generate', BASE_URL).href);
    await page.locator('#generate-heading').waitFor();
    await page.locator('#generate-files').setInputFiles([fixture('lookup-events.json'), fixture('credential-values.json')]);
    await page.locator('section.generated-policy').first().waitFor();
    await page.locator('details.generate-why').first().evaluate((d) => (d.open = true));
    await page.addScriptTag({ path: AXE });
    await page.waitForFunction(() => typeof window.axe?.run === 'function');
    const violations = await page.evaluate(() =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)),
    );
    assert.deepEqual(violations, []);
    await context.close();
  });
}

test('the JavaScript module answers what the page shows', async () => {
  const { context, page, seen } = await openApp(browser, { route: 'js/example.html' });
  await page.locator('body[data-ready="true"]').waitFor();
  const text = readFileSync(new URL('lookup-events.json', FIXTURES), 'utf8');
  const answer = await page.evaluate(async (text) => {
    const ramplan = await import('./ramplan.js');
    await ramplan.init();
    return {
      ok: ramplan.generate([{ name: 'lookup-events.json', text }]),
      bad: ramplan.generate([{ name: 'x.csv', text: 'a,b' }], { identity: 'LTAI5tAbCdEfGhIjKlMnOp' }),
    };
  }, text);
  assert.equal(answer.ok.type, 'success');
  assert.deepEqual(answer.ok.generated, snapshot('lookup-events.snap.json'));
  assert.equal(answer.bad.type, 'failure');
  assert.ok(!JSON.stringify(answer).includes('LTAI5t'), 'a credential was echoed');
  await assertCleanRun(page, seen);
  await context.close();
});
