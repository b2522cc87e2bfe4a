// The checker's simulator: type a request, read RAM's decision on the policy being edited,
// statement by statement; a trust policy asks for a principal instead. Selecting a
// statement selects its text; the request is refused when it looks like a credential and
// never reaches storage.

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

// The policy the checker opens with (crates/web/src/state.rs EXAMPLE_POLICY).
const READ_ONLY_BUCKET = 'example-bucket';

const ALLOW_AND_DENY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "oss:*",
      "Resource": "acs:oss:*:*:logs/*"
    },
    {
      "Effect": "Deny",
      "Action": "oss:DeleteObject",
      "Resource": "acs:oss:*:*:logs/*"
    }
  ]
}
`;

const FROM_THE_OFFICE = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "oss:GetObject",
      "Resource": "*",
      "Condition": {
        "IpAddress": {
          "acs:SourceIp": "192.168.0.0/16"
        }
      }
    }
  ]
}
`;

// The trust policy the dataworks-emr scenario writes (the checker's DataWorks example).
const DATAWORKS_TRUST = `{
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Effect": "Allow",
      "Principal": {
        "Service": [
          "1234567890123456@emr.dataworks.aliyuncs.com"
        ]
      }
    }
  ],
  "Version": "1"
}
`;

/** Types into a request field the way a person does: one input event per keystroke. */
async function type(page, selector, value) {
  const input = page.locator(selector);
  await input.fill('');
  await input.pressSequentially(value);
  await page.waitForFunction(
    ([selector, value]) => document.querySelector(selector)?.value === value,
    [selector, value],
  );
}

const decision = (page, outcome) => page.locator(`#sim-decision[data-decision="${outcome}"]`).waitFor();
const statement = (page, path) => page.locator(`#sim-statements li.sim-statement[data-path="${path}"]`);

test('the completion lists follow the services the policy names, and only them', async () => {
  const { context, page, seen } = await openApp(browser);
  const offered = () => page.locator('#sim-actions option').evaluateAll((options) => options.map((o) => o.value));
  const policy = (action, effect) =>
    JSON.stringify({ Version: '1', Statement: [{ Effect: effect, Action: action, Resource: '*' }] }, null, 2);
  await setPolicy(page, policy('ecs:DescribeInstances', 'Allow'));
  await page.waitForFunction(() => [...document.querySelectorAll('#sim-actions option')].some((o) => o.value.startsWith('ecs:')));
  assert.ok(!(await offered()).some((a) => a.startsWith('oss:')));
  // Another effect changes the example request but not the lists: the same options.
  const before = await offered();
  await setPolicy(page, policy('ecs:DescribeInstances', 'Deny'));
  await page.locator('#finding-count').waitFor();
  assert.deepEqual(await offered(), before);
  // Back to OSS: the lists follow.
  await setPolicy(page, policy('oss:GetObject', 'Allow'));
  await page.waitForFunction(() => [...document.querySelectorAll('#sim-actions option')].every((o) => o.value.startsWith('oss:')));
  assert.ok((await offered()).includes('oss:PutObject'));
  await assertCleanRun(page, seen);
  await context.close();
});

test('allow for the example policy, with the deciding statement; implicit deny for another action', async () => {
  const { context, page, seen } = await openApp(browser);
  // Nothing asked yet: a prompt, no decision.
  await page.locator('#sim-decision[data-decision=""]').waitFor();
  assert.equal(await page.locator('#simulate').getAttribute('data-kind'), 'permission');
  assert.equal(await page.locator('#sim-principal').count(), 0);
  // The action list offers the catalogue's actions of the services the policy names.
  const offered = await page
    .locator('#sim-actions option')
    .evaluateAll((options) => options.map((o) => o.value));
  assert.ok(offered.includes('oss:GetObject') && offered.includes('oss:PutObject'), offered.join());
  assert.equal(await page.locator('#sim-action').getAttribute('list'), 'sim-actions');

  await type(page, '#sim-action', 'oss:GetObject');
  await type(page, '#sim-resource', `acs:oss:*:*:${READ_ONLY_BUCKET}/key`);
  await decision(page, 'allow');
  const status = page.locator('#sim-decision');
  assert.equal(await status.getAttribute('role'), 'status');
  assert.match(await status.textContent(), /Decision: allow/);
  assert.match(await page.locator('#sim-decided-by').textContent(), /Statement 1/);
  const first = statement(page, '/Statement/0');
  assert.equal(await first.getAttribute('data-deciding'), 'true');
  for (const part of ['action', 'resource', 'condition']) {
    assert.equal(await first.locator(`.sim-part[data-part="${part}"]`).getAttribute('data-matched'), 'true');
  }
  assert.match(await first.locator('.sim-part[data-part="action"]').textContent(), /✓/);

  // Updates as the person types: PutObject is not granted.
  await type(page, '#sim-action', 'oss:PutObject');
  await decision(page, 'implicit-deny');
  assert.match(await status.textContent(), /implicit deny/);
  assert.equal(await page.locator('#sim-decided-by').count(), 0);
  assert.equal(await first.getAttribute('data-deciding'), 'false');
  assert.equal(await first.locator('.sim-part[data-part="action"]').getAttribute('data-matched'), 'false');
  assert.match(await first.locator('.sim-part[data-part="action"]').textContent(), /✗/);
  assert.equal(await first.locator('.sim-part[data-part="resource"]').getAttribute('data-matched'), 'true');

  // A malformed action is the core's message, not a decision.
  await type(page, '#sim-action', 'GetObject');
  await page.locator('#sim-refused[data-kind="request"]').waitFor();
  assert.match(await page.locator('#sim-refused').textContent(), /is not `?<service>:<action>/);
  await page.locator('#sim-decision[data-decision=""]').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});

test('an explicit Deny wins, and selecting a statement selects its text in the editor', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, ALLOW_AND_DENY);
  await type(page, '#sim-action', 'oss:DeleteObject');
  await type(page, '#sim-resource', 'acs:oss:*:*:logs/2024/app.log');
  await decision(page, 'explicit-deny');
  assert.match(await page.locator('#sim-decision').textContent(), /explicit deny/);
  const deny = statement(page, '/Statement/1');
  assert.equal(await deny.getAttribute('data-deciding'), 'true');
  assert.equal(await deny.getAttribute('data-effect'), 'deny');
  // The Allow matched too, but did not decide.
  const allow = statement(page, '/Statement/0');
  assert.equal(await allow.getAttribute('data-matched'), 'true');
  assert.equal(await allow.getAttribute('data-deciding'), 'false');
  assert.match(await page.locator('#sim-decided-by').textContent(), /Statement 2/);

  await deny.locator('button.sim-statement-target').click();
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const selected = await page
    .locator('#policy')
    .evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  const start = ALLOW_AND_DENY.indexOf('{\n      "Effect": "Deny"');
  const end = ALLOW_AND_DENY.indexOf('}', start) + 1;
  assert.equal(selected, ALLOW_AND_DENY.slice(start, end));

  // The keyboard does the same: Enter on the first statement.
  await allow.locator('button.sim-statement-target').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const first = await page
    .locator('#policy')
    .evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  assert.ok(first.startsWith('{\n      "Effect": "Allow"'), first);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a condition on acs:SourceIp matches the request context, row by row', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, FROM_THE_OFFICE);
  // The key list offers the policy's own key first.
  assert.equal(await page.locator('#sim-keys option').first().getAttribute('value'), 'acs:SourceIp');
  await type(page, '#sim-action', 'oss:GetObject');
  await type(page, '#sim-resource', 'acs:oss:*:*:reports/q1.csv');
  await decision(page, 'implicit-deny');
  const condition = page.locator('li.sim-condition[data-key="acs:SourceIp"]');
  assert.equal(await condition.getAttribute('data-matched'), 'false');
  assert.match(await condition.textContent(), /not in the request/);

  // Add a row: the focus goes to its key.
  await page.locator('#sim-add-context').click();
  await page.waitForFunction(() => document.activeElement?.id === 'sim-key-0');
  assert.equal(await page.locator('#sim-key-0').getAttribute('list'), 'sim-keys');
  await page.keyboard.type('acs:SourceIp');
  await type(page, '#sim-value-0', '192.168.1.10');
  await decision(page, 'allow');
  await page.locator('li.sim-condition[data-key="acs:SourceIp"][data-matched="true"]').waitFor();
  assert.match(await condition.textContent(), /192\.168\.0\.0\/16/);
  assert.match(await condition.textContent(), /192\.168\.1\.10/);

  // Outside the range: denied again.
  await type(page, '#sim-value-0', '10.0.0.1');
  await decision(page, 'implicit-deny');
  // Several values of one key are ORed: a second row with the same key lets it through.
  await page.locator('#sim-add-context').click();
  await page.waitForFunction(() => document.activeElement?.id === 'sim-key-1');
  await type(page, '#sim-key-1', 'acs:SourceIp');
  await type(page, '#sim-value-1', '192.168.7.7');
  await decision(page, 'allow');
  // A key no condition reads is pointed out.
  await page.locator('#sim-add-context').click();
  await type(page, '#sim-key-2', 'acs:SorceVpc');
  await type(page, '#sim-value-2', 'vpc-1');
  await page.locator('#sim-notes').filter({ hasText: 'acs:SorceVpc' }).waitFor();

  // Removing the second row denies again, and the focus goes to the row before.
  await page.locator('.sim-context-row[data-row="1"] .sim-remove').click();
  await decision(page, 'implicit-deny');
  await page.waitForFunction(() => document.activeElement?.id === 'sim-key-0');
  assert.equal(await page.locator('#sim-value-1').inputValue(), 'vpc-1');
  await assertCleanRun(page, seen);
  await context.close();
});

test('trust: DataWorks acting for account A through EMR is allowed; through engine, the nearest miss says why', async () => {
  const { context, page, seen } = await openApp(browser);
  await page.locator('#example').selectOption('dataworks-trust');
  await page.locator('#load-example').click();
  await page.waitForFunction((text) => document.querySelector('#policy')?.value === text, DATAWORKS_TRUST);
  await page.locator('#simulate[data-kind="trust"]').waitFor();
  assert.equal(await page.locator('#sim-action').count(), 0);
  await page.locator('#sim-decision[data-decision=""]').waitFor();

  await type(page, '#sim-principal', '1234567890123456@emr.dataworks.aliyuncs.com');
  await decision(page, 'allow');
  assert.match(
    await page.locator('#sim-decided-by').textContent(),
    /Statement 1 › Principal › Service 1/,
  );
  const first = statement(page, '/Statement/0');
  assert.equal(await first.getAttribute('data-deciding'), 'true');
  assert.equal(await first.locator('.sim-part[data-part="principal"]').getAttribute('data-matched'), 'true');
  assert.equal(await page.locator('#sim-nearest-miss').count(), 0);

  await type(page, '#sim-principal', '1234567890123456@engine.dataworks.aliyuncs.com');
  await decision(page, 'implicit-deny');
  const miss = page.locator('#sim-nearest-miss');
  await miss.waitFor();
  assert.match(await miss.textContent(), /Nearest miss/);
  assert.match(await miss.textContent(), /@emr\.dataworks\.aliyuncs\.com/);
  assert.match(await miss.textContent(), /different service/);
  const check = first.locator('li.sim-principal-check');
  assert.equal(await check.getAttribute('data-matched'), 'false');
  assert.match(await check.textContent(), /different service/);
  assert.match(await page.locator('#sim-asked').textContent(), /1234567890123456@engine\.dataworks\.aliyuncs\.com/);

  // Choosing the kind switches the form: the text read as a permission policy asks for an action.
  await page.locator('#kind').selectOption('permission');
  await page.locator('#simulate[data-kind="permission"] #sim-action').waitFor();
  await page.locator('#kind').selectOption('auto');
  await page.locator('#sim-principal').waitFor();
  assert.equal(await page.locator('#sim-principal').inputValue(), '1234567890123456@engine.dataworks.aliyuncs.com');
  await assertCleanRun(page, seen);
  await context.close();
});

test('the simulator speaks Chinese', async () => {
  const { context, page, seen } = await openApp(browser);
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#simulate-heading').textContent(), '模拟请求');
  assert.equal(await page.locator('label[for="sim-action"]').textContent(), '操作');
  assert.equal(await page.locator('label[for="sim-resource"]').textContent(), '资源 ARN');
  assert.equal(await page.locator('#sim-add-context').textContent(), '添加上下文值');
  await type(page, '#sim-action', 'oss:GetObject');
  await type(page, '#sim-resource', 'acs:oss:*:*:example-bucket/key');
  await decision(page, 'allow');
  assert.equal(await page.locator('#sim-decision').textContent(), '判定：允许');
  assert.match(await page.locator('#sim-decided-by').textContent(), /^决定于：/);
  await page.locator('#sim-add-context').click();
  assert.equal(await page.locator('label[for="sim-key-0"]').textContent(), '键 第 1 项');
  await type(page, '#sim-action', 'oss:PutObject');
  await decision(page, 'implicit-deny');
  assert.equal(await page.locator('#sim-decision').textContent(), '判定：隐式拒绝');
  await assertCleanRun(page, seen);
  await context.close();
});

// `LTAI` and 20 letters and digits: an AccessKey ID to crates/core/src/secrets.rs.
const SECRET = 'LTAI5tQw3Er7Ty9Ui2Op4AsD';

test('a credential in the request is refused, not echoed, and never stored', async () => {
  const { context, page, seen } = await openApp(browser);
  await type(page, '#sim-action', 'oss:GetObject');
  await type(page, '#sim-resource', 'acs:oss:*:*:example-bucket/key');
  await decision(page, 'allow');
  await page.locator('#sim-add-context').click();
  await type(page, '#sim-key-0', 'acs:AccessId');
  await type(page, '#sim-value-0', SECRET);
  const refused = page.locator('#sim-refused[data-kind="credential"]');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('role'), 'alert');
  assert.match(await refused.textContent(), /LTAI\*\*\*\*/);
  assert.match(await refused.textContent(), /never takes credentials/);
  await page.locator('#sim-decision[data-decision=""]').waitFor();
  assert.ok(!(await page.locator('#simulate').innerText()).includes(SECRET.slice(0, 8)));
  // In the resource too.
  await type(page, '#sim-value-0', '10.0.0.1');
  await decision(page, 'allow');
  await type(page, '#sim-resource', `acs:oss:*:*:${SECRET}/key`);
  await refused.waitFor();
  assert.ok(!(await page.locator('#simulate').innerText()).includes(SECRET.slice(0, 8)));

  // Whatever the page wrote by now, none of it holds the value or its start.
  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  const stored = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    ),
  );
  assert.ok(stored.length > 0, 'the language was stored');
  assert.deepEqual(stored.filter((entry) => entry.includes('LTAI')), []);
  assert.ok(!(await page.evaluate(() => location.href)).includes('LTAI'));
  await assertCleanRun(page, seen);
  await context.close();
});
