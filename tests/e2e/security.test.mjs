// Security evidence for the whole app, not one page: every route stays on its own origin
// (watched at the context level too, so a service worker or an iframe would be seen), the
// app keeps working offline once loaded, the CSP is strict and the rendered DOM needs no
// inline script or style, and a credential typed into a form leaves no trace anywhere.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import {
  BASE_URL,
  assertCleanRun,
  fillForm,
  finding,
  inputId,
  launch,
  setField,
  setPolicy,
} from './helpers.mjs';
import { BAD_EFFECT, SEVERAL } from './policies.mjs';

const ORIGIN = new URL(BASE_URL).origin;
const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);
const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));

// Every scenario, with a valid fixture that makes a ready plan.
const SCENARIOS = {
  'dataworks-emr': 'valid-basic-hadoop',
  'dataworks-maxcompute': 'valid-account-name-columns',
  'dataworks-hologres': 'valid-custom-names',
  'dataworks-di': 'valid-hive',
  'emr-default-roles': 'valid-new-version',
  'emr-ecs-role': 'valid-old-version-read-write-prefix',
};
const validInput = (id) => readJson(`${id}/${SCENARIOS[id]}.input.json`);

/** A link payload as the core writes it: `v1.` and unpadded base64url of the JSON. */
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;

const sameOrigin = (url) =>
  url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith(`blob:${ORIGIN}/`);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/**
 * Like helpers.openApp, but every request is also watched at the context level before the
 * first navigation: `context.route('**')` sees requests from service workers and every
 * frame, and anything leaving the origin is recorded and aborted, never sent.
 */
async function openWatched(route) {
  const context = await browser.newContext({
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    serviceWorkers: 'allow',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const seen = {
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    contextRequests: [],
    routed: [],
    failed: [],
    websockets: [],
    pages: [],
  };
  await context.route('**', async (intercepted) => {
    const url = intercepted.request().url();
    seen.routed.push(url);
    if (sameOrigin(url)) {
      await intercepted.continue();
    } else {
      await intercepted.abort('blockedbyclient');
    }
  });
  context.on('request', (request) => seen.contextRequests.push(request.url()));
  context.on('requestfailed', (request) =>
    seen.failed.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  context.on('page', (page) => seen.pages.push(page));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('websocket', (socket) => seen.websockets.push(socket.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      seen.consoleErrors.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  await page.goto(new URL(route, BASE_URL).href);
  await page.locator('main').waitFor();
  return { context, page, seen };
}

/** Goes to another route by changing the hash, as a link does: no reload. */
async function goHash(page, hash) {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForFunction((h) => location.hash === h, hash);
}

/** Everything recorded, and the context as a whole, stayed on the origin. */
async function assertWatchedClean(context, page, seen) {
  for (const [what, urls] of [
    ['page requests', seen.requests],
    ['context requests', seen.contextRequests],
    ['routed requests', seen.routed],
  ]) {
    assert.deepEqual(urls.filter((url) => !sameOrigin(url)), [], `${what} outside the origin`);
  }
  assert.ok(seen.contextRequests.length >= seen.requests.length, 'the context saw every request');
  assert.deepEqual(seen.websockets, [], 'no WebSocket');
  assert.deepEqual(seen.failed, [], 'no failed request');
  assert.deepEqual(context.serviceWorkers().map((w) => w.url()), [], 'no service worker');
  assert.deepEqual(seen.pages.map((p) => p.url()), [page.url()], 'no other window opened');
  for (const frame of page.frames()) {
    assert.ok(
      frame.url() === 'about:blank' || sameOrigin(frame.url()),
      `frame at ${frame.url()}`,
    );
  }
  await assertCleanRun(page, seen);
}

/** Clicks every artifact tab and its Copy button; returns the artifact ids. */
async function visitEveryTab(page, { copy = true } = {}) {
  const tabs = page.locator('button.tab[data-artifact]');
  const ids = await tabs.evaluateAll((buttons) => buttons.map((b) => b.dataset.artifact));
  assert.ok(ids.length > 0, 'the plan has files');
  for (const id of ids) {
    await page.locator(`button.tab[data-artifact="${id}"]`).click();
    const panel = page.locator(`.tab-panel[data-artifact="${id}"]`);
    await panel.waitFor();
    if (copy) {
      await panel.locator('.copy-button').click();
      await panel.locator('.copy-status .copy-ok').waitFor();
    }
  }
  return ids;
}

/** Every inline-code smell in the rendered DOM. */
const inlineCode = (page) =>
  page.evaluate(() => {
    const found = [];
    const describe = (e) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${
        typeof e.className === 'string' && e.className.trim()
          ? `.${e.className.trim().split(/\s+/).join('.')}`
          : ''
      }`;
    for (const element of document.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) {
        if (name.toLowerCase().startsWith('on')) {
          found.push(`${describe(element)} has ${name}=`);
        }
        if (name.toLowerCase() === 'style') {
          found.push(`${describe(element)} has style="${element.getAttribute(name)}"`);
        }
      }
      if (element.tagName === 'SCRIPT' && element.textContent.trim() !== '') {
        found.push(`inline <script>: ${element.textContent.trim().slice(0, 60)}`);
      }
      if (element.tagName === 'SCRIPT' && !element.hasAttribute('src')) {
        found.push('<script> without src');
      }
      if (element.tagName === 'STYLE') {
        found.push(`<style>: ${element.textContent.trim().slice(0, 60)}`);
      }
      if (element.tagName === 'A' && /^\s*javascript:/i.test(element.getAttribute('href') ?? '')) {
        found.push(`javascript: link ${element.getAttribute('href')}`);
      }
    }
    return found;
  });

test('no page requests anything outside the origin, whatever is clicked', async () => {
  const { context, page, seen } = await openWatched('#/');
  await page.locator('#cards').waitFor();
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

  await page.locator('#cards > li.card[data-card="check"] a').click();
  await page.locator('#policy').waitFor();
  await setPolicy(page, SEVERAL);
  await finding(page, 'RP601');
  await page.locator('li.finding[data-code="RP801"] button').click();
  await page.locator('#kind').selectOption('trust');
  await page.locator('#kind').selectOption('auto');
  await setPolicy(page, BAD_EFFECT);
  await finding(page, 'RP102');

  for (const id of Object.keys(SCENARIOS)) {
    await goHash(page, `#/scenario/${id}`);
    await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
    await fillForm(page, await validInput(id));
    await page.locator('#plan-status[data-ready="true"]').waitFor();
    for (const box of await page.locator('#steps input.step-done').all()) await box.check();
    await visitEveryTab(page);
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-all').click(),
    ]);
    assert.equal(zip.suggestedFilename(), `${id}-plan.zip`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.tab-panel:not([hidden]) .download-button').click(),
    ]);
    assert.ok(file.suggestedFilename().length > 0);
    await page.locator('#copy-link').click();
    await page.locator('#link-status .link-ok').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${BASE_URL}#/scenario/${id}?s=v1.`), link);
  }

  for (const id of Object.keys(SCENARIOS)) {
    await goHash(page, `#/embed/${id}?s=${payload(await validInput(id))}`);
    await page.locator(`main.scenario[data-embed="true"][data-scenario="${id}"]`).waitFor();
    await page.locator('#plan-status[data-ready="true"]').waitFor();
    await visitEveryTab(page);
  }
  // builder
  await goHash(page, '#/build');
  await page.locator('main.builder #statement-cards').waitFor();
  await page.locator('#template-param-bucket').fill('examplebucket');
  await page.locator('#template-replace').click();
  await page.locator('#template-confirm-replace').click();
  await page.locator('#card-1').waitFor();
  await page.locator('#add-statement').click();
  await page.locator('#card-2').waitFor();
  // end builder
  // An unknown route, too.
  await goHash(page, '#/nowhere');
  await page.locator('#not-found').waitFor();

  assert.ok(seen.requests.length > 0, 'the page loaded something');
  await assertWatchedClean(context, page, seen);
  await context.close();
});

test('once loaded, the app works offline: pages, forms, plans and the checker', async () => {
  const { context, page, seen } = await openWatched('#/');
  await page.locator('#cards').waitFor();
  const loaded = seen.contextRequests.length;
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');

  await goHash(page, '#/check');
  await page.locator('#policy').waitFor();
  await setPolicy(page, BAD_EFFECT);
  const item = await finding(page, 'RP102');
  assert.equal(await item.getAttribute('data-line'), '4');

  const id = 'dataworks-maxcompute';
  await goHash(page, `#/scenario/${id}`);
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  await fillForm(page, await validInput(id));
  await page.locator('#plan-status[data-ready="true"]').waitFor();
  await visitEveryTab(page);
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#download-all').click(),
  ]);
  assert.equal(zip.suggestedFilename(), `${id}-plan.zip`);
  await page.locator('#copy-link').click();
  await page.locator('#link-status .link-ok').waitFor();

  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await goHash(page, '#/embed/emr-ecs-role');
  await page.locator('main.scenario[data-embed="true"]').waitFor();
  await goHash(page, '#/');
  await page.locator('#cards').waitFor();
  await page.goBack();
  await page.locator('main.scenario[data-embed="true"]').waitFor();

  // Blob downloads are the only requests allowed after loading; none may fail.
  const after = seen.contextRequests.slice(loaded).filter((url) => !url.startsWith('blob:'));
  assert.deepEqual(after, [], 'no request after loading');
  assert.deepEqual(seen.failed, [], 'no failed request');
  await assertWatchedClean(context, page, seen);
  await context.close();
});

test('the CSP is strict, and no rendered page carries inline script, handlers or style', async () => {
  const { context, page, seen } = await openWatched('#/');
  const html = await (await context.request.get(BASE_URL)).text();
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  assert.equal(metas.length, 1, 'one CSP meta in the served HTML');
  const csp = metas[0][1];
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values];
      }),
  );
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'/);
  assert.doesNotMatch(csp, /https?:|\*|'nonce-|'sha(256|384|512)-/, 'no hosts, wildcards, nonces or hashes');
  for (const name of ['script-src', 'style-src', 'connect-src']) {
    assert.ok(directives[name], `${name} is set`);
    for (const value of directives[name]) {
      assert.ok(["'self'", "'wasm-unsafe-eval'"].includes(value), `${name} allows ${value}`);
    }
  }
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  // The DOM the browser built from it says the same: the meta is in force, in <head>.
  assert.equal(
    await page.locator('head > meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    csp,
  );

  // Every page is looked at before failing, so one run lists every offender.
  const problems = [];
  const check = async (where) => {
    for (const line of await inlineCode(page)) problems.push(`${where}: ${line}`);
  };
  await page.locator('#cards').waitFor();
  await check('home');
  await goHash(page, '#/check');
  await page.locator('#policy').waitFor();
  await setPolicy(page, SEVERAL);
  await finding(page, 'RP601');
  await check('checker with findings');
  // simulate and existing
  await page.locator('#sim-action').fill('oss:GetObject');
  await page.locator('#sim-resource').fill('acs:oss:*:*:my-bucket/a.txt');
  await page.locator('#sim-add-context').click();
  await page.locator('#sim-key-0').fill('acs:SourceIp');
  await page.locator('#sim-value-0').fill('192.168.0.1');
  await page.locator('#sim-decision[data-decision="allow"]').waitFor();
  await check('checker simulating a request');
  // end simulate and existing
  // builder
  await goHash(page, '#/build');
  await page.locator('main.builder #policy').waitFor();
  await setPolicy(page, '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObjectt", "Resource": "*"}]}');
  await page.locator('#card-0 li.finding[data-target="action"]').first().waitFor();
  await page.locator('#card-0-action-search').fill('Get');
  await page.locator('#card-0-action-results li[role="option"]').first().waitFor();
  await page.locator('#template').selectOption('oss-folder');
  await page.locator('#templates[data-template="oss-folder"]').waitFor();
  await page.locator('#template-param-bucket').fill('examplebucket');
  await page.locator('#template-param-dir').fill('team/reports');
  await page.locator('#template-explanations li').nth(4).waitFor();
  await page.locator('#template-replace').click();
  await page.locator('#template-confirm').waitFor();
  await check('builder asking before replacing');
  await page.locator('#template-confirm-replace').click();
  await page.locator('#card-4').waitFor();
  await check('builder');
  // end builder
  for (const id of Object.keys(SCENARIOS)) {
    await goHash(page, `#/scenario/${id}`);
    await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
    await check(`${id} empty`);
    await fillForm(page, await validInput(id));
    await page.locator('#plan-status[data-ready="true"]').waitFor();
    await visitEveryTab(page, { copy: false });
    await check(`${id} filled`);
    // simulate and existing
    await page.locator('#view-existing').click();
    const slot = page.locator('#existing-trust');
    if (await slot.count()) {
      await slot.fill('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": "acs:ram::1234567890123456:root"}}]}');
      await page.locator('#existing-status[data-satisfied="false"]').waitFor();
    } else {
      await page.locator('#existing-status[data-satisfied="true"]').waitFor();
    }
    await check(`${id} checking an existing setup`);
    await page.locator('#view-plan').click();
    // end simulate and existing
    await goHash(page, `#/embed/${id}?s=${payload(await validInput(id))}`);
    await page.locator('#plan-status[data-ready="true"]').waitFor();
    await check(`${id} embedded`);
  }
  // Findings under the fields and a refused link, too.
  const id = 'dataworks-di';
  await goHash(page, `#/scenario/${id}`);
  await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
  await fillForm(page, await readJson(`${id}/invalid-bad-uid.input.json`));
  await page.locator('#plan-status[data-ready="false"]').waitFor();
  await page.locator('li.field-finding').first().waitFor();
  await check(`${id} with findings`);
  await goHash(page, '#/nowhere');
  await page.locator('#not-found').waitFor();
  await check('not found');
  assert.deepEqual([...new Set(problems)], [], 'inline script, handlers or style in the DOM');
  await assertWatchedClean(context, page, seen);
  await context.close();
});

// `LTAI` and 20 letters and digits: an AccessKey ID to crates/core/src/secrets.rs.
const SECRET = 'LTAI5tQw3Er7Ty9Ui2Op4AsD';

/**
 * Records every URL the page's main frame has had, including fragment changes made with
 * history.replaceState (which fires no event in the page).
 */
async function watchUrls(context, page) {
  const urls = [page.url()];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  await context.addInitScript(() => {
    window.__urls = [location.href];
    for (const name of ['pushState', 'replaceState']) {
      const original = History.prototype[name];
      History.prototype[name] = function patched(...args) {
        const result = original.apply(this, args);
        window.__urls.push(location.href);
        return result;
      };
    }
    window.addEventListener('hashchange', () => window.__urls.push(location.href));
  });
  return async () => [...urls, ...(await page.evaluate(() => window.__urls ?? []))];
}

/** Every place a value could persist or leave by: storage, cookies, clipboard, URL history. */
async function traces(context, page, urlsSeen) {
  return {
    storage: await page.evaluate(() =>
      [localStorage, sessionStorage].flatMap((store) =>
        Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
      ),
    ),
    cookies: (await context.cookies()).map((c) => `${c.name}=${c.value}`),
    clipboard: await page.evaluate(() => navigator.clipboard.readText()),
    urls: await urlsSeen(),
    hash: await page.evaluate(() => location.hash),
  };
}

for (const how of ['pasted', 'typed']) {
  test(`a credential ${how} into a scenario field is refused and never stored or linked`, async () => {
    const id = 'dataworks-maxcompute';
    const field = 'grants[1].object_name';
    const { context, page, seen } = await openWatched(`#/scenario/${id}`);
    // Reload so the URL watcher's init script is in the page from its start.
    const urlsSeen = await watchUrls(context, page);
    // The page fetches the full catalogue after it starts; reloading before that is in
    // would abort the fetch, which the watcher rightly counts as a failed request.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((e) => e.name.endsWith('/catalogue.tsv') && e.responseEnd > 0),
    );
    await page.reload();
    await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
    await fillForm(page, await validInput(id));
    await page.locator('#plan-status[data-ready="true"]').waitFor();
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, `ramplan.draft.${id}`);
    // A link made before the credential: it must not be the one that carries it later.
    await page.locator('#copy-link').click();
    await page.locator('#link-status .link-ok').waitFor();

    const input = page.locator(`[id="${inputId(field)}"]`);
    if (how === 'pasted') {
      await setField(page, field, SECRET);
    } else {
      await input.fill('');
      await input.pressSequentially(SECRET);
    }
    await page.waitForFunction(
      ([selector, value]) => document.querySelector(selector)?.value === value,
      [`[id="${inputId(field)}"]`, SECRET],
    );
    const box = page.locator(`.field[data-field="${field}"]`);
    const refusal = box.locator('li.field-finding[data-code="PL005"]');
    await refusal.waitFor();
    assert.equal(await refusal.getAttribute('data-severity'), 'error');
    assert.match(await refusal.textContent(), /credential|AccessKey/i);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.ok(!(await box.innerText()).includes(SECRET), 'the refusal does not echo the value');
    await page.locator('#plan-status[data-ready="false"]').waitFor();
    assert.ok(
      !(await page.locator('main').innerText()).includes(SECRET),
      'no text on the page repeats it',
    );

    await page.locator('#copy-link').click();
    await page.locator('#link-status .link-refused[data-reason="credential"]').waitFor();
    // Anything written after the credential appeared must have been written by now.
    await page.locator('button[data-lang="zh"]').click();
    await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });

    const found = await traces(context, page, urlsSeen);
    const draft = found.storage.find((entry) => entry.startsWith(`ramplan.draft.${id}=`));
    assert.ok(draft, 'the draft from before is still there');
    // Not the value, and not the part of it typed before it was recognisable either:
    // `LTAI` and four more characters is already more than a draft may keep.
    // (A draft written on every keystroke would keep `LTAI` plus the 11 characters typed
    // before the value became recognisable.)
    const prefix = SECRET.slice(0, 8);
    const leaks = Object.entries(found).flatMap(([where, values]) =>
      [values]
        .flat()
        .filter((value) => value.includes(prefix))
        .map((value) => `${where}: ${value}`),
    );
    assert.deepEqual(leaks, [], 'the credential, or its start, is kept or sent somewhere');
    assert.ok(found.urls.length > 1, 'the URL watcher saw the link being made');
    await assertWatchedClean(context, page, seen);
    await context.close();
  });
}
