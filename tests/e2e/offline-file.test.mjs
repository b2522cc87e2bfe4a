// ramplan-offline.html, the single-file build, opened straight from disk (file://) with no
// server: not one request leaves the file (only file:, data: and blob: URLs), its strict
// hash-based CSP is never violated, nothing is logged, and a person can complete a scenario
// (fill the form, read the plan, copy and download its files, export it) and check a policy.
//
// The build directory comes from RAMPLAN_DIST_DIR (scripts/e2e.sh sets it to what it built).

import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

import { fillForm, finding, launch, setPolicy } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/scenarios');
const DIST = path.resolve(ROOT, process.env.RAMPLAN_DIST_DIR ?? 'dist');
const FILE = path.join(DIST, 'ramplan-offline.html');
const FILE_URL = pathToFileURL(FILE).href;

const read = (file) => readFile(path.join(FIXTURES, file), 'utf8');
const readJson = async (file) => JSON.parse(await read(file));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A fresh context on the file, recording every request, console message and CSP report. */
async function openFile(route) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  // file:// is a secure context in Chromium, so the clipboard works once allowed.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const seen = { requests: [], consoleErrors: [], pageErrors: [] };
  context.on('request', (request) => seen.requests.push(request.url()));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      seen.consoleErrors.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  await page.goto(`${FILE_URL}${route}`);
  return { context, page, seen };
}

async function assertStayedInTheFile(page, seen) {
  assert.ok(seen.requests.includes(FILE_URL), 'the file itself was loaded');
  const outside = seen.requests.filter(
    (url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  assert.deepEqual(outside, [], 'requests that are not file:, data: or blob:');
  // The only file it reads is itself.
  assert.deepEqual(
    [...new Set(seen.requests.filter((url) => url.startsWith('file:')))],
    [FILE_URL],
    'files read',
  );
  assert.deepEqual(await page.evaluate(() => window.__cspViolations ?? []), [], 'CSP violations');
  assert.deepEqual(seen.consoleErrors, [], 'console errors or warnings');
  assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
}

test('the build wrote one self-contained HTML file with a strict CSP', async () => {
  const html = await readFile(FILE, 'utf8');
  const { size } = await stat(FILE);
  assert.ok(size > 100_000, 'the file holds the app');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(csp, 'a CSP meta element');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval';/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'|https?:/);
  // One script that runs, and the service catalogue as a data block browsers never run.
  assert.equal((html.match(/<script\b/g) ?? []).length, 2, 'two script elements');
  assert.equal((html.match(/<script type="module">/g) ?? []).length, 1, 'one script that runs');
  assert.match(html, /<script type="text\/plain" id="ramplan-catalogue"># ramplan catalogue/);
  assert.doesNotMatch(html, /<script[^>]*\bsrc=|<link[^>]*rel="(?:stylesheet|preload|modulepreload)"/);
});

test('opened from disk, a scenario can be completed with no server and no network', async () => {
  const id = 'dataworks-emr';
  const fixture = 'valid-basic-hadoop';
  const golden = await readJson(`${id}/${fixture}.en.plan.json`);
  const { context, page, seen } = await openFile(`#/scenario/${id}`);
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  assert.equal(await page.evaluate(() => location.protocol), 'file:');
  await fillForm(page, await readJson(`${id}/${fixture}.input.json`));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.match(await page.locator('#plan-status').textContent(), /^Ready: no errors/);

  // Every artifact is the golden one, byte for byte.
  for (const artifact of golden.artifacts) {
    assert.equal(
      await page.locator(`#panel-${artifact.id} .artifact-content`).textContent(),
      artifact.content,
      artifact.filename,
    );
  }
  assert.equal(
    await page.locator('#panel-export-tf .artifact-content').textContent(),
    await read(`${id}/${fixture}.en.tf`),
  );

  // Copy and Download work from a file, too.
  const trust = golden.artifacts.find((a) => a.id === 'trust-policy');
  await page.locator('#tab-trust-policy').click();
  const panel = page.locator('#panel-trust-policy');
  await panel.locator('.copy-button').click();
  await panel.locator('.copy-status .copy-ok').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), trust.content);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.locator('.download-button').click(),
  ]);
  assert.equal(download.suggestedFilename(), trust.filename);
  assert.equal(await readFile(await download.path(), 'utf8'), trust.content);
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#download-all').click(),
  ]);
  assert.equal(zip.suggestedFilename(), `${id}-plan.zip`);
  assert.ok((await readFile(await zip.path())).includes(Buffer.from(trust.content)));

  // Ticks and the draft are kept in this browser: a reload restores them.
  await page.locator('#step-1').check();
  await page.locator('#steps-progress[data-done="1"]').waitFor();
  await page.reload();
  await page.locator('#open-notice[data-notice="draft"]').waitFor();
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  assert.ok(await page.locator('#step-1').isChecked());
  assert.equal(
    await page.locator('#panel-trust-policy .artifact-content').textContent(),
    trust.content,
  );

  // Copy link works from a file as well: the link is the file's own URL.
  await page.locator('#copy-link').click();
  await page.locator('#link-status .link-ok').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${FILE_URL}#/scenario/${id}?s=v1.`), link);
  await assertStayedInTheFile(page, seen);
  await context.close();
});

test('opened from disk, the checker and the other pages work', async () => {
  const { context, page, seen } = await openFile('#/');
  await page.locator('#cards').waitFor();
  await page.locator('#cards > li.card[data-card="check"] a').click();
  await page.locator('#policy').waitFor();
  await page.locator('#finding-count').waitFor();
  await setPolicy(
    page,
    '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "allow", "Action": "oss:GetObject", "Resource": "*"}\n  ]\n}\n',
  );
  const item = await finding(page, 'RP102');
  assert.equal(await item.getAttribute('data-line'), '4');
  // The inline catalogue is read: a service outside the curated 19 is known, a typo is not.
  await setPolicy(
    page,
    '{\n  "Version": "1",\n  "Statement": [\n    {"Effect": "Allow", "Action": ["slb:DescribeLoadBalancers", "sbl:DescribeLoadBalancers"], "Resource": "*"}\n  ]\n}\n',
  );
  const unknown = await finding(page, 'RP205');
  assert.equal(await unknown.count(), 1);
  assert.match(await unknown.textContent(), /sbl is not the RAM code[\s\S]*did you mean slb\?/);
  assert.equal(await page.locator('#catalogue-note').count(), 0);
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  await page.goBack();
  await page.locator('#cards').waitFor();
  await assertStayedInTheFile(page, seen);
  await context.close();
});
