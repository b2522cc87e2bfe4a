// The plan's exports as file tabs: for every valid fixture of every scenario, the aliyun CLI
// script, Terraform and ROS template tabs show the core's golden snapshots byte for byte in
// both languages; Copy and Download hand over exactly that text under the core's file name;
// and "Download everything" holds them after the artifacts. The checker converts a policy.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, launch, openApp, setPolicy } from './helpers.mjs';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);

/** The exports, in tab and ZIP order: format code, snapshot extension, file name, labels. */
export const EXPORTS = [
  { code: 'sh', ext: 'sh', filename: 'aliyun-cli.sh', en: 'aliyun CLI script', zh: 'aliyun CLI 脚本' },
  { code: 'tf', ext: 'tf', filename: 'main.tf', en: 'Terraform', zh: 'Terraform' },
  { code: 'ros', ext: 'ros.yaml', filename: 'ros-template.yaml', en: 'ROS template', zh: 'ROS 模板' },
];

/** A link payload as the core writes it: `v1.` and unpadded base64url of the JSON. */
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;
const read = (file) => readFile(path.join(FIXTURES, file), 'utf8');
const readJson = async (file) => JSON.parse(await read(file));

/** Every stored entry of a ZIP archive, by the central directory: name -> bytes. */
export function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'the archive has an end record');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory record');
    assert.equal(bytes.readUInt16LE(at + 10), 0, 'stored, not compressed');
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    entries.set(name, bytes.subarray(data, data + size));
    at += 46 + skip;
  }
  return entries;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const scenarios = (await readdir(FIXTURES)).sort();

async function chooseLang(page, lang) {
  const html = lang === 'zh' ? 'zh-Hans' : 'en';
  if ((await page.getAttribute('html', 'lang')) !== html) {
    await page.locator(`button[data-lang="${lang}"]`).click();
    await page.locator(`html[lang="${html}"]`).waitFor({ state: 'attached' });
  }
}

for (const id of scenarios) {
  test(`${id}: every valid fixture's export tabs equal the golden snapshots, in both languages`, async () => {
    const fixtures = (await readdir(path.join(FIXTURES, id)))
      .filter((file) => file.startsWith('valid-') && file.endsWith('.input.json'))
      .map((file) => file.slice(0, -'.input.json'.length))
      .sort();
    assert.ok(fixtures.length > 0, `${id} has valid fixtures`);
    const { context, page, seen } = await openApp(browser, { route: '#/' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(BASE_URL).origin,
    });
    for (const [index, fixture] of fixtures.entries()) {
      const input = await readJson(`${id}/${fixture}.input.json`);
      // A fresh document per fixture (going to a new fragment alone keeps the page): the
      // form opens from the link's values.
      await page.goto(new URL(`#/scenario/${id}?s=${payload(input)}`, BASE_URL).href);
      await page.reload();
      await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
      for (const lang of ['en', 'zh']) {
        await chooseLang(page, lang);
        await page.locator('#plan-status[data-ready="true"]').waitFor();
        const golden = await readJson(`${id}/${fixture}.${lang}.plan.json`);
        // The tabs: the artifacts in the core's order, then the three exports.
        const tabs = await page
          .locator('.files [role="tablist"] > [role="tab"]')
          .evaluateAll((all) => all.map((tab) => [tab.dataset.artifact, tab.textContent]));
        assert.deepEqual(
          tabs.map(([artifact]) => artifact),
          [...golden.artifacts.map((a) => a.id), ...EXPORTS.map((e) => `export-${e.code}`)],
          `${fixture} ${lang}: tab order`,
        );
        assert.deepEqual(
          tabs.slice(-EXPORTS.length).map(([, label]) => label),
          EXPORTS.map((e) => e[lang]),
          `${fixture} ${lang}: export tab labels`,
        );
        for (const { code, ext, filename } of EXPORTS) {
          const expected = await read(`${id}/${fixture}.${lang}.${ext}`);
          const panel = page.locator(`.tab-panel[data-export="${code}"]`);
          await panel.locator('.artifact-content').waitFor({ state: 'attached' });
          // Rebuilt as the language changes: wait for this language's text, then compare.
          await page.waitForFunction(
            ([selector, text]) => document.querySelector(selector)?.textContent === text,
            [`.tab-panel[data-export="${code}"] .artifact-content`, expected],
            { timeout: 5000 },
          ).catch(() => {});
          assert.equal(
            await panel.locator('.artifact-content').textContent(),
            expected,
            `${id}/${fixture}.${lang}.${ext}`,
          );
          assert.equal(await panel.getAttribute('data-filename'), filename);
          assert.equal(await panel.locator('.file-name').textContent(), filename);
        }
      }
      await chooseLang(page, 'en');
      if (index > 0) continue;

      // For the first fixture: each export copies and downloads exactly what the tab shows.
      for (const { code, ext, filename } of EXPORTS) {
        const expected = await read(`${id}/${fixture}.en.${ext}`);
        await page.locator(`#tab-export-${code}`).click();
        const panel = page.locator(`#panel-export-${code}`);
        assert.ok(await panel.isVisible(), `${code} panel shown`);
        assert.match(await panel.locator('.export-hint').textContent(), /runbook/);
        await panel.locator('.copy-button').click();
        await panel.locator('.copy-status .copy-ok').waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          panel.locator('.download-button').click(),
        ]);
        assert.equal(download.suggestedFilename(), filename);
        assert.equal(await readFile(await download.path(), 'utf8'), expected);
      }

      // Download everything: the artifacts, then the exports, in one folder.
      const golden = await readJson(`${id}/${fixture}.en.plan.json`);
      const [zip] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#download-all').click(),
      ]);
      assert.equal(zip.suggestedFilename(), `${id}-plan.zip`);
      const entries = unzip(await readFile(await zip.path()));
      assert.deepEqual(
        [...entries.keys()],
        [...golden.artifacts.map((a) => `${id}/${a.filename}`), ...EXPORTS.map((e) => `${id}/${e.filename}`)],
      );
      for (const { ext, filename } of EXPORTS) {
        assert.equal(
          entries.get(`${id}/${filename}`).toString('utf8'),
          await read(`${id}/${fixture}.en.${ext}`),
          `${filename} in the ZIP`,
        );
      }
    }
    await assertCleanRun(page, seen);
    await context.close();
  });
}

test('a plan with errors has no export tabs', async () => {
  const id = 'dataworks-di';
  const input = await readJson(`${id}/invalid-bad-uid.input.json`);
  const { context, page, seen } = await openApp(browser, {
    route: `#/scenario/${id}?s=${payload(input)}`,
  });
  await page.locator('#plan-status[data-ready="false"]').waitFor();
  assert.equal(await page.locator('[data-export]').count(), 0);
  assert.equal(await page.locator('#download-all').count(), 0);
  await assertCleanRun(page, seen);
  await context.close();
});

test('the checker converts the policy to a script, Terraform or ROS, and refuses errors', async () => {
  const { context, page, seen } = await openApp(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(BASE_URL).origin,
  });
  const output = page.locator('#convert-output');
  const content = output.locator('.artifact-content');
  // The example policy is a clean permission policy: a custom policy with the default name.
  await output.waitFor();
  assert.equal(await output.getAttribute('data-format'), 'sh');
  assert.equal(await page.locator('#convert-name').getAttribute('placeholder'), 'ramplan-policy');
  let text = await content.textContent();
  assert.match(text, /^#!\/usr\/bin\/env bash/);
  assert.match(text, /^ram_own_account CreatePolicy \\$/m);
  assert.match(text, /--PolicyName 'ramplan-policy'/);

  await page.locator('#convert-name').fill('oss-read');
  await page.locator('#convert-format').selectOption('tf');
  await page.locator('#convert-output[data-format="tf"]').waitFor();
  text = await content.textContent();
  assert.match(text, /resource "alicloud_ram_policy"/);
  assert.match(text, /policy_name\s+= "oss-read"/);
  assert.equal(await output.locator('.file-name').textContent(), 'main.tf');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    output.locator('.download-button').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'main.tf');
  assert.equal(await readFile(await download.path(), 'utf8'), text);

  await page.locator('#convert-format').selectOption('ros');
  await page.locator('#convert-output[data-format="ros"]').waitFor();
  text = await content.textContent();
  assert.match(text, /ALIYUN::RAM::ManagedPolicy/);
  await output.locator('.copy-button').click();
  await output.locator('.copy-status .copy-ok').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

  // A trust policy becomes a role; Chinese comments follow the page.
  await setPolicy(
    page,
    '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}',
  );
  await page.locator('#convert-name').fill('');
  await page.waitForFunction(() =>
    document.querySelector('#convert-output .artifact-content')?.textContent.includes('ALIYUN::RAM::Role'),
  );
  assert.equal(await page.locator('#convert-name').getAttribute('placeholder'), 'ramplan-role');
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() =>
    document.querySelector('#convert-output .artifact-content')?.textContent.includes('转换的策略'),
  );
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

  // An error refuses it, and so does a name that looks like a credential (never shown).
  await setPolicy(page, '{"Version": "1", "Statement": [{"Effect": "allow", "Action": "oss:GetObject", "Resource": "*"}]}');
  await page.locator('#convert .plain-note[data-state="refused"]').waitFor();
  assert.equal(await output.count(), 0);
  assert.match(await page.locator('#convert .plain-note').textContent(), /^Not converted: fix the error/);
  await setPolicy(page, '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]}');
  await output.waitFor();
  const secret = 'LTAI5tAbCdEfGhIjKlMnOpQr';
  await page.locator('#convert-name').fill(secret);
  await page.locator('#convert .plain-note[data-state="name-credential"]').waitFor();
  assert.equal(
    await page.evaluate((value) => document.querySelector('main').innerText.includes(value), secret),
    false,
  );
  await assertCleanRun(page, seen);
  await context.close();
});
