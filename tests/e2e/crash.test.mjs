// When ramplan itself fails, the page says so instead of freezing. The release build ships
// no way to make it fail on purpose, so the test does what browser extensions and page
// translators do in the wild: it moves a node the app still owns. Yew then cannot insert the
// next group of inputs, panics, and the panic hook replaces the page with a message in the
// page's language, logs the panic, and offers a reload that restores the draft.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BASE_URL, launch, openApp, setField } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Moves the first OSS bucket group out of its list, then asks for another group. */
async function breakTheApp(page) {
  await page.evaluate(() => {
    const group = document.querySelector('.record-list[data-field="oss_buckets"] > .record-group');
    document.body.append(group);
  });
  await page.locator('#field-oss_buckets-add').click();
}

for (const [lang, title, body] of [
  ['en', 'ramplan hit an internal error', /not sent anywhere.*Reload the page/],
  ['zh', 'ramplan 发生内部错误', /没有发送到任何地方.*重新加载页面/],
]) {
  test(`an internal error replaces the page with a message (${lang})`, async () => {
    const id = 'emr-ecs-role';
    const { context, page, seen } = await openApp(browser, { route: `#/scenario/${id}` });
    if (lang === 'zh') {
      await page.locator('button[data-lang="zh"]').click();
      await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
    }
    await setField(page, 'role_name', 'kept-in-draft');
    // The draft is written when the person leaves the field (or the page).
    await page.locator('#field-role_name').press('Tab');
    await page.waitForFunction(
      (key) => (localStorage.getItem(key) ?? '').includes('kept-in-draft'),
      `ramplan.draft.${id}`,
    );
    const origin = new URL(BASE_URL).origin;
    const requestsBefore = seen.requests.length;

    await breakTheApp(page);
    const crash = page.locator('#crash[role="alert"]');
    await crash.waitFor();
    assert.equal(await crash.locator('.crash-title').textContent(), title);
    assert.match(await crash.locator('.crash-body').textContent(), body);
    assert.equal(await page.title(), title);
    // The message is the whole page, and the reload button has the focus.
    assert.deepEqual(
      await page.evaluate(() => [...document.body.children].map((child) => child.id)),
      ['crash'],
    );
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'crash-reload');
    // The panic is in the console for whoever reports it, and the wasm trap follows it.
    assert.ok(
      seen.consoleErrors.some((line) => line.startsWith('error: panicked at')),
      seen.consoleErrors.join('\n'),
    );
    assert.ok(seen.pageErrors.some((error) => /unreachable/.test(error)), seen.pageErrors.join('\n'));
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    // Nothing was sent anywhere.
    assert.deepEqual(seen.requests.slice(requestsBefore), []);

    // Reload brings the page back, with the draft.
    await page.locator('#crash-reload').press('Enter');
    await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
    assert.equal(await page.locator('#field-role_name').inputValue(), 'kept-in-draft');
    assert.equal(await page.locator('#crash').count(), 0);
    assert.ok(seen.requests.every((url) => url.startsWith(`${origin}/`)));
    await context.close();
  });
}
