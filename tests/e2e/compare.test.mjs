// The checker's Compare panel: paste the earlier version of the policy and read what the
// policy in the editor adds and removes, as the core's `diff` (and `ramplan diff`) says;
// "Show in editor" selects the statement that grants a change. An earlier version that looks
// like it holds a credential is not compared and never shown back.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, launch, openApp, setPolicy } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const policy = (actions) =>
  JSON.stringify(
    {
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: actions, Resource: 'acs:oss:*:*:examplebucket/*' },
      ],
    },
    null,
    2,
  );
const READ = policy(['oss:GetObject']);
const READ_WRITE = policy(['oss:GetObject', 'oss:PutObject']);

/** Puts text in the earlier-version box the way a paste does. */
async function setOld(page, text) {
  await page.locator('#compare-old').fill(text);
}

test('the compare panel lists the access a change adds and removes', async () => {
  const { context, page, seen } = await openApp(browser);
  const compare = page.locator('#compare');
  await compare.locator('.plain-note[data-state="prompt"]').waitFor();

  // Adding PutObject adds access: one change, granted by the editor's first statement.
  await setPolicy(page, READ_WRITE);
  await setOld(page, READ);
  await page.locator('#compare-report[data-adds="true"]').waitFor();
  assert.match(await page.locator('#compare-verdict').textContent(), /^adds access: 1 added, 0 removed/);
  const added = page.locator('#compare-added li.change');
  assert.equal(await added.count(), 1);
  const text = await added.first().textContent();
  assert.match(text, /oss:PutObject/);
  assert.match(text, /acs:oss:\*:\*:examplebucket\/\*/);
  assert.match(text, /old: implicit deny/);
  assert.equal(await page.locator('#compare-removed').count(), 0);

  // "Show in editor" selects the granting statement in the editor.
  await added.first().locator('button.change-show').click();
  const selected = await page.evaluate(() => {
    const area = document.querySelector('#policy');
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  assert.match(selected, /^\{\s*"Effect": "Allow"/);
  assert.match(selected, /"oss:PutObject"/);

  // The other way round the change only removes access: nothing added.
  await setPolicy(page, READ);
  await setOld(page, READ_WRITE);
  await page.locator('#compare-report[data-adds="false"][data-removes="true"]').waitFor();
  await compare.locator('.plain-note[data-state="none-added"]').waitFor();
  assert.match(await page.locator('#compare-removed li.change').first().textContent(), /oss:PutObject/);

  // In Chinese, from the core's words.
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() =>
    document.querySelector('#compare-verdict')?.textContent.startsWith('只减少了访问权限'),
  );
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

  // An earlier version that is not JSON says where; one with a credential is refused.
  await setOld(page, '{\n  "Version": "1",\n}');
  await compare.locator('.plain-note[data-state="error"]').waitFor();
  assert.match(await compare.locator('.plain-note[data-state="error"]').textContent(), /^old:3:1: trailing comma/);
  const secret = 'LTAI5tAbCdEfGhIjKlMnOpQr';
  await setOld(page, READ.replace('examplebucket', secret));
  await compare.locator('.plain-note[data-state="old-credential"]').waitFor();
  assert.equal(
    await page.evaluate((value) => document.querySelector('main').innerText.includes(value), secret),
    false,
  );
  await assertCleanRun(page, seen);
  await context.close();
});
