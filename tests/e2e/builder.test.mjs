// The policy builder (#/build): a policy built from scratch by mouse and by keyboard gives
// the same JSON; cards and JSON follow each other; raw statements stay byte for byte;
// findings land on their card and field; templates and the OSS folder helper insert what
// the core renders; the text is the checker's.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { BASE_URL, assertCleanRun, launch, openApp, setPolicy } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const FIXTURES = new URL('../fixtures/builder/templates/', import.meta.url);

/** What both the mouse and the keyboard build. */
const BUILT = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "oss:GetObject"
      ],
      "Resource": [
        "acs:oss:*:*:examplebucket/*"
      ],
      "Condition": {
        "IpAddress": {
          "acs:SourceIp": [
            "203.0.113.0/24"
          ]
        }
      }
    }
  ]
}
`;

async function openBuilder() {
  const session = await openApp(browser, { route: '#/build' });
  await session.page.locator('main.builder #policy').waitFor();
  await session.page.locator('#statement-cards').waitFor();
  return session;
}

const policyText = (page) => page.locator('#policy').inputValue();

/** Waits until the JSON editor holds exactly `text`. */
const waitText = (page, text) =>
  page.waitForFunction((expected) => document.querySelector('#policy')?.value === expected, text);

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page, selector, { back = false, limit = 400 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`never reached ${selector} by keyboard`);
}

test('a policy built from scratch by mouse gives the expected JSON', async () => {
  const { context, page, seen } = await openBuilder();
  await page.locator('#new-policy-replace').click();
  await page.locator('#no-statements').waitFor();
  await page.locator('#add-statement').click();
  await page.locator('#card-0').waitFor();

  await page.locator('#card-0-service').selectOption('oss');
  await page.locator('#card-0-action-search').fill('GetObject');
  await page.locator('#card-0-action-results li[data-action="oss:GetObject"]').click();
  await page.locator('#card-0 .chip[data-action="oss:GetObject"]').waitFor();

  await page.locator('#card-0-arn-shape').selectOption('oss-object');
  await page.locator('#card-0-arn-bucket').fill('examplebucket');
  await page.locator('#card-0-arn-key-any').check();
  await page.locator('#card-0-arn-preview', { hasText: 'acs:oss:*:*:examplebucket/*' }).waitFor();
  await page.locator('#card-0-add-arn').click();
  await page.locator('#card-0 .resource[data-resource="acs:oss:*:*:examplebucket/*"]').waitFor();

  await page.locator('#card-0-condition-operator').selectOption('IpAddress');
  await page.locator('#card-0-condition-key').fill('acs:SourceIp');
  await page.locator('#card-0-condition-values').fill('203.0.113.0/24');
  await page.locator('#card-0-add-condition').click();
  await page.locator('#card-0 .condition[data-key="acs:SourceIp"]').waitFor();

  await waitText(page, BUILT);
  assert.equal(await policyText(page), BUILT);
  await page.locator('#builder-summary[data-findings="0"]').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});

test('the same policy built by keyboard alone gives the same JSON', async () => {
  const { context, page, seen } = await openBuilder();
  const kb = page.keyboard;
  await tabTo(page, '#new-policy-replace');
  await kb.press('Enter');
  await page.locator('#no-statements').waitFor();
  await tabTo(page, '#add-statement');
  await kb.press('Enter');
  await page.locator('#card-0').waitFor();

  await tabTo(page, '#card-0-service', { back: true });
  await kb.type('oss');
  await page.locator('#card-0-wildcard').waitFor();
  assert.equal(await page.locator('#card-0-service').inputValue(), 'oss');

  await tabTo(page, '#card-0-action-search');
  await kb.type('GetObject');
  await page.locator('#card-0-action-results li[data-action="oss:GetObject"]').waitFor();
  await kb.press('ArrowDown');
  const first = page.locator('#card-0-action-results li[role="option"]').first();
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  assert.equal(
    await page.locator('#card-0-action-search').getAttribute('aria-activedescendant'),
    await first.getAttribute('id'),
  );
  await kb.press('Enter');
  await page.locator('#card-0 .chip[data-action="oss:GetObject"]').waitFor();

  await tabTo(page, '#card-0-arn-shape');
  await kb.press('ArrowDown');
  await page.locator('#card-0-arn-bucket').waitFor();
  assert.equal(await page.locator('#card-0-arn-shape').inputValue(), 'oss-object');
  await tabTo(page, '#card-0-arn-bucket');
  await kb.type('examplebucket');
  await tabTo(page, '#card-0-arn-key-any');
  await kb.press('Space');
  await page.locator('#card-0-arn-preview', { hasText: 'acs:oss:*:*:examplebucket/*' }).waitFor();
  await tabTo(page, '#card-0-add-arn');
  await kb.press('Enter');
  await page.locator('#card-0 .resource[data-resource="acs:oss:*:*:examplebucket/*"]').waitFor();

  await tabTo(page, '#card-0-condition-operator');
  await kb.type('IpAddress');
  await page.waitForFunction(() => document.querySelector('#card-0-condition-operator')?.value === 'IpAddress');
  await tabTo(page, '#card-0-condition-key');
  await kb.type('acs:SourceIp');
  await tabTo(page, '#card-0-condition-values');
  await kb.type('203.0.113.0/24');
  await tabTo(page, '#card-0-add-condition');
  await kb.press('Enter');
  await page.locator('#card-0 .condition[data-key="acs:SourceIp"]').waitFor();

  await waitText(page, BUILT);
  assert.equal(await policyText(page), BUILT);
  await assertCleanRun(page, seen);
  await context.close();
});

const RAW = `{"Effect": "Allow",   "Principal": {"Service": ["ecs.aliyuncs.com"]},
      "Action": "sts:AssumeRole", "Resource": "*"}`;
const MIXED = `{
  "Version": "1",
  "Statement": [
    ${RAW},
    {
      "Effect": "Allow",
      "Action": "oss:GetObject",
      "Resource": "acs:oss:*:*:examplebucket/*"
    }
  ]
}
`;

test('JSON and cards follow each other; raw statements stay byte for byte, in order', async () => {
  const { context, page, seen } = await openBuilder();
  await setPolicy(page, MIXED);
  await page.locator('#card-0[data-raw="true"]').waitFor();
  await page.locator('#card-1[data-raw="false"] .chip[data-action="oss:GetObject"]').waitFor();
  assert.match(await page.locator('#card-0 .raw-reason').textContent(), /Principal/);
  assert.equal(await page.locator('#card-0-raw').inputValue(), RAW);

  // Editing the JSON updates the card.
  await setPolicy(page, MIXED.replace('"oss:GetObject"', '"oss:PutObject"'));
  await page.locator('#card-1 .chip[data-action="oss:PutObject"]').waitFor();
  assert.equal(await page.locator('#card-1 .chip[data-action="oss:GetObject"]').count(), 0);

  // Editing the card rewrites only the card; the raw statement keeps every byte and its place.
  await page.locator('#card-1-effect').selectOption('Deny');
  await page.waitForFunction(() => document.querySelector('#policy').value.includes('"Deny"'));
  let text = await policyText(page);
  assert.ok(text.includes(RAW), text);
  assert.ok(text.indexOf(RAW) < text.indexOf('"Deny"'), 'the raw statement stays first');

  // Moving the card up puts it first; the raw statement is still untouched.
  await page.locator('#card-1 .move-up').click();
  await page.locator('#card-0[data-raw="false"]').waitFor();
  text = await policyText(page);
  assert.ok(text.includes(RAW), text);
  assert.ok(text.indexOf('"Deny"') < text.indexOf(RAW), 'the card moved up');
  await page.locator('#card-1[data-raw="true"]').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});

test('a finding is shown on the card and field it concerns', async () => {
  const { context, page, seen } = await openBuilder();
  await setPolicy(
    page,
    `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["oss:GetObject"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": ["oss:ListObjects", "oss:GetObjectt"],
      "Resource": "acs:oss:*:*:examplebucket"
    }
  ]
}
`,
  );
  const onAction = page.locator('#card-1 .card-actions li.finding[data-target="action"][data-value="1"]');
  await onAction.first().waitFor();
  assert.match(await onAction.first().textContent(), /GetObjectt/);
  await page.locator('#card-1 .chip-flagged[data-action="oss:GetObjectt"]').waitFor();
  assert.equal(await page.locator('#card-0 li.finding[data-target="action"]').count(), 0);
  assert.notEqual(await page.locator('#builder-summary').getAttribute('data-findings'), '0');
  assert.equal(await page.locator('#builder-summary').getAttribute('aria-live'), 'polite');
  await assertCleanRun(page, seen);
  await context.close();
});

test('a template inserts exactly the policy the core renders', async () => {
  const { context, page, seen } = await openBuilder();
  await page.locator('#template').selectOption('oss-bucket-read-only');
  await page.locator('#templates[data-template="oss-bucket-read-only"]').waitFor();
  await page.locator('#template-param-bucket').fill('examplebucket');
  await page.locator('#template-explanations li').first().waitFor();
  await page.locator('#template-replace:not([disabled])').click();
  const expected = await readFile(new URL('oss-bucket-read-only.json', FIXTURES), 'utf8');
  await waitText(page, expected);

  // Over text the person wrote, replacing asks first.
  await page.locator('#card-0-effect').selectOption('Deny');
  await page.waitForFunction(() => document.querySelector('#policy').value.includes('"Deny"'));
  await page.locator('#template-replace').click();
  await page.locator('#template-confirm').waitFor();
  await page.locator('#template-confirm-cancel').click();
  assert.ok((await policyText(page)).includes('"Deny"'));
  await page.locator('#template-replace').click();
  await page.locator('#template-confirm-replace').click();
  await waitText(page, expected);
  await assertCleanRun(page, seen);
  await context.close();
});

test('the OSS folder template explains each statement it adds, and what it adds comes into view with Copy and Download', async () => {
  const { context, page, seen } = await openBuilder();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  // The one way to start from a template sits above the statements, not after them.
  const order = await page.evaluate(() => {
    const templates = document.querySelector('#templates');
    const cards = document.querySelector('#add-statement');
    return templates.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  assert.ok(order, 'the templates come before the statement cards');
  assert.equal(await page.locator('[id^="oss-folder-"]').count(), 0, 'no second OSS folder form');
  await page.locator('#template').selectOption('oss-folder');
  await page.locator('#templates[data-template="oss-folder"]').waitFor();
  await page.locator('#template-param-bucket').fill('examplebucket');
  await page.locator('#template-param-dir').fill('team/reports');
  const items = page.locator('#template-explanations li.explanation');
  await items.nth(4).waitFor();
  assert.equal(await items.count(), 5);
  for (const item of await items.all()) {
    assert.ok((await item.textContent()).trim().length > 20);
  }
  assert.match(await items.nth(3).textContent(), /team\/reports/);
  const before = await page.locator('#statement-cards > li').count();
  await page.locator('#template-append').click();
  await page.locator(`#card-${before + 4}`).waitFor();
  assert.match(await page.locator('#template-status').textContent(), /5 statements/);
  assert.ok((await policyText(page)).includes('acs:oss:*:*:examplebucket/team/reports/*'));
  // Focus moves to the result, which is on screen, with Copy and Download beside it.
  await page.waitForFunction(() => document.activeElement?.id === 'builder-result');
  assert.ok(await page.locator('#builder-result').isVisible());
  const inView = await page.locator('#builder-result').evaluate((e) => {
    const box = e.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the result heading is scrolled into view');
  await page.locator('#builder-policy-copy').click();
  await page.locator('.builder-result-head .copy-ok').first().waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await policyText(page));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#builder-policy-download').click()]);
  assert.equal(download.suggestedFilename(), 'policy.json');

  // Unchecking the console leaves only the folder's own two statements.
  await page.locator('#template-param-console').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('#template-explanations li').length === 2);
  await assertCleanRun(page, seen);
  await context.close();
});

test('the builder offers no Sid, and a statement that has one shows it so it can be removed', async () => {
  const { context, page, seen } = await openBuilder();
  await page.locator('#new-policy-replace').click();
  if (await page.locator('#new-policy-confirm').count()) {
    await page.locator('#new-policy-confirm-replace').click();
  }
  await page.locator('#add-statement').click();
  await page.locator('#card-0').waitFor();
  assert.equal(await page.locator('#card-0-sid').count(), 0, 'a new statement has no Sid field');
  await setPolicy(page, '{"Version": "1", "Statement": [{"Sid": "ReadLogs", "Effect": "Allow", "Action": "log:GetLogStore", "Resource": "*"}]}');
  await page.locator('#card-0-sid').waitFor();
  assert.equal(await page.locator('#card-0-sid').inputValue(), 'ReadLogs');
  assert.match(await page.locator('label[for="card-0-sid"]').textContent(), /not in RAM/);
  await page.locator('#card-0 li.finding[data-code="RP005"]').waitFor();
  await page.locator('#card-0-sid').fill('');
  await page.locator('#card-0-sid').blur();
  await page.waitForFunction(() => !document.querySelector('#policy').value.includes('Sid'));
  await page.locator('#card-0-sid').waitFor({ state: 'detached' });
  assert.equal(await page.locator('li.finding[data-code="RP005"]').count(), 0);
  await assertCleanRun(page, seen);
  await context.close();
});

test('the text is shared with the checker, and the builder speaks Chinese', async () => {
  const { context, page, seen } = await openBuilder();
  const text = MIXED.replace('examplebucket', 'shared-bucket');
  await setPolicy(page, text);
  await page.locator('#card-1 .resource[data-resource="acs:oss:*:*:shared-bucket/*"]').waitFor();
  await page.evaluate(() => {
    location.hash = '#/check';
  });
  await page.locator('main.checker #policy').waitFor();
  assert.equal(await policyText(page), text);
  await setPolicy(page, text.replace('shared-bucket', 'other-bucket'));
  await page.evaluate(() => {
    location.hash = '#/build';
  });
  await page.locator('#card-1 .resource[data-resource="acs:oss:*:*:other-bucket/*"]').waitFor();

  await page.locator('button[data-lang="zh"]').click();
  await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
  assert.equal((await page.locator('#add-statement').textContent()).trim(), '添加语句');
  assert.equal((await page.locator('label[for="card-1-effect"]').textContent()).trim(), '效果');
  assert.equal(await page.title(), '构建策略 · ramplan');
  await assertCleanRun(page, seen);
  await context.close();
});

// The cards read only the language from the page (so a keystroke elsewhere does not
// re-render them) and share one edit callback while it stays: switching the language must
// still reach every card, and an edit made after other edits must start from the newest text.
test('cards follow the language and edit the newest text', async () => {
  const { context, page, seen } = await openBuilder();
  const statement = (bucket) => ({ Effect: 'Allow', Action: ['oss:GetObject'], Resource: [`acs:oss:*:*:${bucket}/*`] });
  await setPolicy(page, JSON.stringify({ Version: '1', Statement: [statement('a'), statement('b')] }, null, 2));
  await page.locator('#card-1').waitFor();
  const label = page.locator('label[for="card-1-effect"]');
  assert.equal(await label.textContent(), 'Effect');
  await page.locator('button[data-lang="zh"]').click();
  await page.waitForFunction(() => document.querySelector('label[for="card-1-effect"]')?.textContent === '效果');
  // An edit in the text, then one on a card: the card's edit keeps the text's.
  await setPolicy(page, JSON.stringify({ Version: '1', Statement: [statement('edited'), statement('b')] }, null, 2));
  await page.locator('#card-0 .resource[data-resource="acs:oss:*:*:edited/*"]').waitFor();
  await page.locator('#card-1-effect').selectOption('Deny');
  await page.waitForFunction(() => {
    const doc = JSON.parse(document.querySelector('#policy').value);
    return doc.Statement[1].Effect === 'Deny' && doc.Statement[0].Resource[0] === 'acs:oss:*:*:edited/*';
  });
  await page.locator('button[data-lang="en"]').click();
  await page.waitForFunction(() => document.querySelector('label[for="card-0-effect"]')?.textContent === 'Effect');
  await assertCleanRun(page, seen);
  await context.close();
});
