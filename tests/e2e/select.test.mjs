// Selecting a finding puts the text area's selection on the finding's span.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { WIDE_CHARACTERS } from './policies.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const selection = (page) =>
  page.locator('#policy').evaluate((area) => ({
    start: area.selectionStart,
    end: area.selectionEnd,
    focused: document.activeElement === area,
  }));

test('clicking a finding selects its span, counted in UTF-16 units', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, WIDE_CHARACTERS);
  const item = await finding(page, 'RP102');
  // Line 5, after `"读取日志😀"`: 4 + 2 UTF-16 units for 16 bytes.
  assert.equal(await item.getAttribute('data-line'), '5');
  assert.equal(await item.getAttribute('data-column'), '34');

  await item.locator('button').click();
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const start = WIDE_CHARACTERS.indexOf('"allow "');
  assert.deepEqual(await selection(page), {
    start,
    end: start + '"allow "'.length,
    focused: true,
  });
  await assertCleanRun(page, seen);
  await context.close();
});

test('Enter on a focused finding selects its span too', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, WIDE_CHARACTERS);
  const item = await finding(page, 'RP005');
  await page.locator('#policy').evaluate((area) => area.setSelectionRange(0, 0));
  await item.locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const start = WIDE_CHARACTERS.indexOf('"Sid"');
  assert.deepEqual(await selection(page), {
    start,
    end: start + '"Sid"'.length,
    focused: true,
  });
  await assertCleanRun(page, seen);
  await context.close();
});

test('a finding far down a long policy is scrolled into view', async () => {
  const { context, page, seen } = await openApp(browser);
  const statements = Array.from(
    { length: 30 },
    (_, i) =>
      `    {\n      "Effect": "${i === 29 ? 'allow ' : 'Allow'}",\n      "Action": "oss:GetObject",\n      "Resource": "acs:oss:*:*:bucket-${i}/*"\n    }`,
  ).join(',\n');
  const text = `{\n  "Version": "1",\n  "Statement": [\n${statements}\n  ]\n}\n`;
  await setPolicy(page, text);
  await page.locator('#policy').evaluate((area) => {
    area.setSelectionRange(0, 0);
    area.scrollTop = 0;
  });
  const item = await finding(page, 'RP102');
  const line = Number(await item.getAttribute('data-line'));
  assert.ok(line > 100, 'the finding is far below the first screen');
  await item.locator('button').click();
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const view = await page.locator('#policy').evaluate((area, line) => {
    const style = getComputedStyle(area);
    const lineTop = parseFloat(style.paddingTop) + (line - 1) * parseFloat(style.lineHeight);
    return { lineTop, top: area.scrollTop, bottom: area.scrollTop + area.clientHeight };
  }, line);
  assert.ok(view.top > 0, 'scrolled');
  assert.ok(view.lineTop >= view.top && view.lineTop < view.bottom, JSON.stringify(view));
  await assertCleanRun(page, seen);
  await context.close();
});
