// The page stays on its own origin, within its Content-Security-Policy, and keeps working
// with the network cut off.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { BAD_EFFECT, SEVERAL } from './policies.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a full session requests nothing outside the origin and breaks no CSP rule', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, SEVERAL);
  await finding(page, 'RP601');
  await page.locator('li.finding[data-code="RP801"] button').click();
  await page.locator('#kind').selectOption('trust');
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

  assert.ok(seen.requests.length > 0, 'the page loaded something');
  const own = new URL(BASE_URL).origin;
  for (const url of seen.requests) {
    assert.ok(url.startsWith(`${own}/`) || url.startsWith('data:'), `request to ${url}`);
  }
  // Everything the page needs: HTML, loader, glue, wasm, stylesheet, and the service
  // catalogue it fetches once started. Nothing else.
  const paths = seen.requests.map((url) => new URL(url).pathname).sort();
  assert.deepEqual(
    paths.map((p) => p.replace(/-[0-9a-f]{8,}/, '-HASH')),
    ['/', '/boot-HASH.js', '/catalogue.tsv', '/ramplan-web-HASH.js', '/ramplan-web-HASH_bg.wasm', '/style-HASH.css'],
  );
  await assertCleanRun(page, seen);
  await context.close();
});

test('the served HTML carries a strict CSP and no inline script or style', async () => {
  const { context, page, seen } = await openApp(browser);
  const response = await context.request.get(BASE_URL);
  const html = await response.text();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*/);
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(script[1], /\bsrc=/, 'every script has a src');
    assert.equal(script[2].trim(), '', 'no script has a body');
  }
  assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
  assert.doesNotMatch(html, /https?:\/\//, 'no absolute URLs at all');
  await assertCleanRun(page, seen);
  await context.close();
});

test('the CSP is enforced: the page cannot reach another origin', async () => {
  const { context, page } = await openApp(browser);
  const outcome = await page.evaluate(() =>
    fetch('http://127.0.0.2:9/probe').then(
      () => 'fetched',
      () => 'refused',
    ),
  );
  assert.equal(outcome, 'refused');
  // The violation is reported as an event, in a task of its own.
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [
    'connect-src blocked http://127.0.0.2:9/probe',
  ]);
  await context.close();
});

test('with the network cut off after loading, the page still lints', async () => {
  const { context, page, seen } = await openApp(browser);
  const loaded = seen.requests.length;
  await context.setOffline(true);
  await setPolicy(page, BAD_EFFECT);
  const item = await finding(page, 'RP102');
  assert.equal(await item.getAttribute('data-line'), '4');
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.match(await item.locator('.finding-message').textContent(), /必须为/);
  assert.equal(seen.requests.length, loaded, 'no request after loading');
  await assertCleanRun(page, seen);
  await context.close();
});
