// The policy checker's editor: line numbers and highlights that line up with the text as it
// scrolls, Format, the example menu, the plain-words panel and the credential refusal.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { MISSING_COMMA } from './policies.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A permission policy of `count` statements, the last one with `allow ` on its own line. */
const longPolicy = (count) => {
  const statements = Array.from(
    { length: count },
    (_, i) =>
      `    {\n      "Effect": "${i === count - 1 ? 'allow ' : 'Allow'}",\n      "Action": "oss:GetObject",\n      "Resource": "acs:oss:*:*:bucket-${i}/*"\n    }`,
  ).join(',\n');
  return `{\n  "Version": "1",\n  "Statement": [\n${statements}\n  ]\n}\n`;
};

/**
 * Where the text area draws the start of a 1-based line, in page pixels: its content box
 * top, plus whole lines, minus how far it is scrolled. Line boxes are one line-height tall
 * (the text area does not wrap).
 */
const lineTop = (page, line) =>
  page.locator('#policy').evaluate((area, line) => {
    const style = getComputedStyle(area);
    const box = area.getBoundingClientRect();
    return (
      box.top +
      area.clientTop +
      parseFloat(style.paddingTop) +
      (line - 1) * parseFloat(style.lineHeight) -
      area.scrollTop
    );
  }, line);

/**
 * Waits until the element is vertically centred, within a pixel, on the line the text area
 * draws `line` on. Centres, because an inline box (a mark) is as tall as its font, not as
 * its line, and sits in the middle of the line.
 */
const waitAligned = (page, selector, line) =>
  page.waitForFunction(
    ([selector, line]) => {
      const area = document.querySelector('#policy');
      const element = document.querySelector(selector);
      if (!area || !element) return false;
      const style = getComputedStyle(area);
      const lineHeight = parseFloat(style.lineHeight);
      const lineMiddle =
        area.getBoundingClientRect().top +
        area.clientTop +
        parseFloat(style.paddingTop) +
        (line - 1) * lineHeight -
        area.scrollTop +
        lineHeight / 2;
      const box = element.getBoundingClientRect();
      return Math.abs(box.top + box.height / 2 - lineMiddle) < 1;
    },
    [selector, line],
  );

test('line numbers match the lines, mark the lines with findings, and scroll with the text', async () => {
  const { context, page, seen } = await openApp(browser);
  const text = longPolicy(30);
  await setPolicy(page, text);
  const lines = text.split('\n').length;
  await page.locator(`#gutter[data-lines="${lines}"]`).waitFor({ state: 'attached' });
  assert.equal(await page.locator('#gutter .gutter-line').count(), lines);
  assert.equal(await page.locator('#gutter').getAttribute('aria-hidden'), 'true');
  assert.equal(await page.locator('#gutter .gutter-line').last().textContent(), String(lines));

  // The finding's line is marked with its severity, and only that line.
  const item = await finding(page, 'RP102');
  const line = Number(await item.getAttribute('data-line'));
  assert.ok(line > 100, 'the finding is far below the first screen');
  assert.deepEqual(
    await page.locator('#gutter .gutter-marked').evaluateAll((marked) =>
      marked.map((m) => [m.dataset.line, m.dataset.severity]),
    ),
    [[String(line), 'error']],
  );

  // Aligned at the top, and after scrolling down (as a wheel or a finding's click would).
  await waitAligned(page, '#gutter .gutter-line[data-line="1"]', 1);
  await page.locator('#policy').evaluate((area) => {
    area.scrollTop = 1234;
  });
  assert.ok((await page.locator('#policy').evaluate((area) => area.scrollTop)) > 1000);
  await waitAligned(page, `#gutter .gutter-line[data-line="${line}"]`, line);
  await waitAligned(page, '#gutter .gutter-line[data-line="60"]', 60);
  assert.ok((await lineTop(page, 1)) < 0, 'line 1 is scrolled out of view');
  // As far down as the text area goes, the last number still sits on the last line.
  await page.locator('#policy').evaluate((area) => {
    area.scrollTop = area.scrollHeight;
  });
  await waitAligned(page, `#gutter .gutter-line[data-line="${lines}"]`, lines);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a finding is highlighted exactly over its span, with tabs and wide characters, scrolled both ways', async () => {
  const { context, page, seen } = await openApp(browser, { viewport: { width: 900, height: 900 } });
  // The finding sits after two tabs, Chinese characters and an emoji on line 40, far right
  // of a long line so the text area also scrolls sideways.
  const padding = Array.from({ length: 34 }, (_, i) => `      "Sid${i}": "x",`).join('\n');
  const before = '\t\t"Sid": "读取日志😀", "Note": "这是一条很长的说明文字，用来让这一行超出编辑框的宽度", "Effect": ';
  const text = `{\n  "Version": "1",\n  "Statement": [\n    {\n${padding}\n${before}"allow ",\n      "Action": "oss:GetObject",\n      "Resource": "*"\n    }\n  ]\n}\n`;
  await setPolicy(page, text);
  const item = await finding(page, 'RP102');
  const line = Number(await item.getAttribute('data-line'));
  assert.equal(line, 39);
  const mark = page.locator('mark[data-codes~="RP102"]');
  await mark.waitFor({ state: 'attached' });
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.textContent(), '"allow "');
  assert.equal(await mark.getAttribute('data-severity'), 'error');
  assert.equal(await page.locator('.code-backdrop').getAttribute('aria-hidden'), 'true');

  // Where the text area draws the finding: measured with the text area's own font, tabs
  // at the text area's tab size.
  const expectedLeft = () =>
    page.locator('#policy').evaluate((area, before) => {
      const style = getComputedStyle(area);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const tabs = before.match(/^\t*/)[0].length;
      const width =
        tabs * Number(style.tabSize) * context.measureText(' ').width +
        context.measureText(before.slice(tabs)).width;
      return (
        area.getBoundingClientRect().left +
        area.clientLeft +
        parseFloat(style.paddingLeft) +
        width -
        area.scrollLeft
      );
    }, before);
  const markBox = () => mark.evaluate((m) => m.getBoundingClientRect());

  // Scroll the line into view vertically and the mark into view sideways.
  await page.locator('#policy').evaluate((area) => {
    area.scrollTop = area.scrollHeight;
    area.scrollLeft = area.scrollWidth;
  });
  assert.ok((await page.locator('#policy').evaluate((area) => area.scrollLeft)) > 100);
  assert.ok((await page.locator('#policy').evaluate((area) => area.scrollTop)) > 100);
  await waitAligned(page, 'mark[data-codes~="RP102"]', line);
  const box = await markBox();
  const left = await expectedLeft();
  assert.ok(Math.abs(box.left - left) < 1.5, `mark at ${box.left}, text at ${left}`);
  // The gutter's marked line sits level with the mark.
  const gutterLine = page.locator('#gutter .gutter-line[data-line="39"]');
  assert.equal(await gutterLine.getAttribute('data-severity'), 'error');
  const gutterTop = await gutterLine.evaluate((element) => element.getBoundingClientRect().top);
  assert.ok(Math.abs(gutterTop - (await lineTop(page, line))) < 1);

  // Clicking the finding selects the span the mark covers.
  await page.locator('#policy').evaluate((area) => {
    area.scrollTop = 0;
    area.scrollLeft = 0;
  });
  await item.locator('button').click();
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const selected = await page
    .locator('#policy')
    .evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  assert.equal(selected, '"allow "');
  await waitAligned(page, 'mark[data-codes~="RP102"]', line);
  const shifted = await markBox();
  assert.ok(Math.abs(shifted.left - (await expectedLeft())) < 1.5);
  await assertCleanRun(page, seen);
  await context.close();
});

test('highlights stay on their lines across empty lines, one block per line of the text', async () => {
  const { context, page, seen } = await openApp(browser);
  // Empty lines (one of them at the very start) before and after the finding's line.
  const text = '\n{\n  "Version": "1",\n\n\n  "Statement": [\n\n    {\n      "Effect": "allow ",\n\n      "Action": "oss:GetObject",\n      "Resource": "*"\n    }\n  ]\n}\n';
  await setPolicy(page, text);
  const item = await finding(page, 'RP102');
  const line = Number(await item.getAttribute('data-line'));
  assert.equal(line, 9);
  await waitAligned(page, 'mark[data-codes~="RP102"]', line);
  assert.equal(await page.locator('.code-backdrop .code-line').count(), text.split('\n').length);
  // Typing a line break above the mark moves it down with its text.
  await page.locator('#policy').evaluate((area) => {
    area.focus();
    area.setSelectionRange(1, 1);
  });
  await page.keyboard.press('Enter');
  await page.locator(`li.finding[data-code="RP102"][data-line="${line + 1}"]`).waitFor();
  await waitAligned(page, 'mark[data-codes~="RP102"]', line + 1);
  await waitAligned(page, `#gutter .gutter-line[data-line="${line + 1}"]`, line + 1);
  await assertCleanRun(page, seen);
  await context.close();
});

const MINIFIED_WITH_DUPLICATE = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Action":"oss:PutObject","Resource":["acs:oss:*:*:读取/*",1.50]}]}`;
const FORMATTED_WITH_DUPLICATE = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "oss:GetObject",
      "Action": "oss:PutObject",
      "Resource": [
        "acs:oss:*:*:读取/*",
        1.50
      ]
    }
  ]
}
`;

test('Format pretty-prints with two spaces, keeps a duplicate key, and Ctrl+Z undoes it', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, MINIFIED_WITH_DUPLICATE);
  await finding(page, 'RP002');
  const codesBefore = await page.locator('li.finding').evaluateAll((items) => items.map((i) => i.dataset.code));

  await page.locator('#format').click();
  await page.waitForFunction(
    (expected) => document.querySelector('#policy').value === expected,
    FORMATTED_WITH_DUPLICATE,
  );
  await page.locator('#editor-status[data-status="formatted"]').waitFor();
  assert.equal(await page.locator('#editor-status').textContent(), 'Formatted.');
  // The button keeps the focus; the findings are the same, now on their new lines.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'format');
  const duplicate = await finding(page, 'RP002');
  assert.equal(await duplicate.first().getAttribute('data-line'), '7');
  assert.deepEqual(
    await page.locator('li.finding').evaluateAll((items) => items.map((i) => i.dataset.code)),
    codesBefore,
  );
  await page.locator('#gutter[data-lines="15"]').waitFor({ state: 'attached' });

  // Formatting again changes nothing, and says so.
  await page.locator('#format').click();
  await page.locator('#editor-status[data-status="unchanged"]').waitFor();
  assert.equal(await page.locator('#policy').inputValue(), FORMATTED_WITH_DUPLICATE);

  // The browser's own undo takes the formatting back.
  await page.locator('#policy').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(
    (expected) => document.querySelector('#policy').value === expected,
    MINIFIED_WITH_DUPLICATE,
  );
  await page.locator('#gutter[data-lines="1"]').waitFor({ state: 'attached' });
  // The status spoke about the formatted text, which is gone.
  await page.locator('#editor-status[data-status="none"]').waitFor({ state: 'attached' });
  await assertCleanRun(page, seen);
  await context.close();
});

test('Format of text that is not JSON says where and why, and changes nothing', async () => {
  const { context, page, seen } = await openApp(browser);
  await setPolicy(page, MISSING_COMMA);
  await finding(page, 'RP001');
  await page.locator('#format').click();
  await page.locator('#editor-status[data-status="error"]').waitFor();
  assert.equal(
    await page.locator('#editor-status').textContent(),
    'Cannot format: line 6, column 7: unexpected character ". Nothing was changed.',
  );
  assert.equal(await page.locator('#editor-status').getAttribute('role'), 'status');
  assert.equal(await page.locator('#policy').inputValue(), MISSING_COMMA);

  await page.locator('button[data-lang="zh"]').click();
  await page.waitForFunction(() =>
    document.querySelector('#editor-status')?.textContent.startsWith('无法格式化：第 6 行第 7 列：'),
  );
  await page.locator('button[data-lang="en"]').click();
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });

  // Fixing the text makes the message stale: it goes.
  await setPolicy(page, MISSING_COMMA.replace('"Allow"', '"Allow",'));
  await page.locator('#editor-status[data-status="none"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#editor-status').textContent(), '');
  await assertCleanRun(page, seen);
  await context.close();
});

test('loading an example replaces an example at once, and asks before replacing your own text', async () => {
  const { context, page, seen } = await openApp(browser);
  assert.equal(await page.locator('label[for="example"]').textContent(), 'Example');
  const options = await page
    .locator('#example option')
    .evaluateAll((all) => all.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options, [
    ['oss-read-only', 'OSS read-only (clean)'],
    ['dataworks-trust', 'DataWorks cross-account trust policy'],
    ['with-problems', 'A policy with problems'],
  ]);

  // The page opens with an example: nothing of the person's to lose.
  await page.locator('#example').selectOption('dataworks-trust');
  await page.locator('#load-example').click();
  await page.waitForFunction(() => document.querySelector('#policy').value.includes('emr.dataworks.aliyuncs.com'));
  assert.equal(await page.locator('#example-confirm').count(), 0);
  await page.locator('#kind-detected[data-kind="trust"]').waitFor();
  await page.locator('#no-findings').waitFor();
  assert.equal(
    await page.locator('#editor-status').textContent(),
    'Loaded the example “DataWorks cross-account trust policy”.',
  );

  // Edited text: the menu asks first, inline, with the focus on the question.
  const own = '{"Version": "1", "Statement": []}';
  await setPolicy(page, own);
  await page.locator('#example').selectOption('with-problems');
  await page.locator('#load-example').click();
  await page.locator('#example-confirm').waitFor();
  assert.match(await page.locator('#example-confirm-question').textContent(), /^Replace your policy with the example “A policy with problems”\?/);
  await page.waitForFunction(() => document.activeElement?.id === 'example-confirm-replace');
  assert.equal(await page.locator('#policy').inputValue(), own);

  // Keep: nothing changes, the focus goes back to Load.
  await page.locator('#example-confirm-cancel').click();
  await page.locator('#example-confirm').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'load-example');
  assert.equal(await page.locator('#policy').inputValue(), own);

  // Escape also keeps the text.
  await page.keyboard.press('Enter');
  await page.locator('#example-confirm').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'example-confirm-replace');
  await page.keyboard.press('Escape');
  await page.locator('#example-confirm').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#policy').inputValue(), own);

  // Replace: the example, its findings of every severity, marked in the gutter.
  await page.locator('#load-example').click();
  await page.locator('#example-confirm-replace').click();
  await page.waitForFunction(() => document.querySelector('#policy').value.includes('"allow"'));
  await page.locator('#example-confirm').waitFor({ state: 'detached' });
  await finding(page, 'RP102');
  const severities = await page
    .locator('li.finding')
    .evaluateAll((items) => [...new Set(items.map((i) => i.dataset.severity))].sort());
  assert.deepEqual(severities, ['error', 'security', 'suggestion', 'warning']);
  assert.ok((await page.locator('#gutter .gutter-marked').count()) >= 5);
  assert.ok((await page.locator('.code-backdrop mark').count()) >= 5);
  // Undo brings the person's text back.
  await page.locator('#policy').focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction((own) => document.querySelector('#policy').value === own, own);
  await assertCleanRun(page, seen);
  await context.close();
});

test('the plain-words panel says what the policy allows, as you type, in English and Chinese', async () => {
  const { context, page, seen } = await openApp(browser);
  const sentences = () =>
    page.locator('#plain-sentences li').evaluateAll((items) => items.map((i) => i.textContent));
  await page.locator('#plain-sentences').waitFor();
  assert.deepEqual(await sentences(), [
    'Allows oss:GetObject and oss:ListObjects on bucket example-bucket and every object in example-bucket.',
  ]);
  assert.equal(await page.locator('#plain-heading').textContent(), 'In plain words');

  // Typing a Deny statement adds its sentence.
  await setPolicy(
    page,
    '{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "oss:DeleteObject", "Resource": "acs:oss:*:*:logs/*"}]}',
  );
  await page.waitForFunction(() =>
    document.querySelector('#plain-sentences li[data-effect="deny"]')?.textContent.startsWith('Denies'),
  );
  assert.deepEqual(await sentences(), ['Denies oss:DeleteObject on every object in logs.']);

  await page.locator('button[data-lang="zh"]').click();
  await page.waitForFunction(() => document.querySelector('#plain-sentences li')?.textContent.startsWith('拒绝'));
  assert.deepEqual(await sentences(), ['拒绝对logs 中的所有对象执行oss:DeleteObject。']);
  assert.equal(await page.locator('#plain-heading').textContent(), '通俗解释');

  // Text that does not parse: the panel says what to do instead of describing.
  await setPolicy(page, MISSING_COMMA);
  await page.locator('#plain-words .plain-note[data-state="unparsed"]').waitFor();
  assert.equal(await page.locator('#plain-sentences').count(), 0);
  assert.match(await page.locator('#plain-words .plain-note').textContent(), /JSON/);

  await page.locator('button[data-lang="en"]').click();
  await page.waitForFunction(() =>
    document.querySelector('#plain-words .plain-note')?.textContent.startsWith('Fix the JSON syntax first'),
  );
  await assertCleanRun(page, seen);
  await context.close();
});

test('a pasted AccessKey is refused above everything, never described, and can be found', async () => {
  const { context, page, seen } = await openApp(browser);
  const key = 'LTAI5tAbCdEfGhIjKlMnOp';
  const text = `{\n  "Version": "1",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "oss:GetObject",\n      "Resource": "*",\n      "Condition": {"StringEquals": {"acs:AccessId": "${key}"}}\n    }\n  ]\n}\n`;
  await page.locator('#policy').evaluate((area) => {
    area.dataset.original = 'yes';
  });
  await setPolicy(page, text);
  const alert = page.locator('#credential-alert');
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  // The alert appearing above the editor neither re-creates the text area nor takes the focus.
  assert.deepEqual(
    await page.evaluate(() => [document.activeElement?.id, document.activeElement?.dataset.original]),
    ['policy', 'yes'],
  );
  assert.match(await alert.textContent(), /looks like a credential \(RP605\)/);
  await finding(page, 'RP605');
  await page.locator('#plain-words .plain-note[data-state="withheld"]').waitFor();
  // The value is never shown back outside the text area (and its invisible twin).
  for (const selector of ['.findings-pane', '#plain-words', '#credential-alert', '#editor-status']) {
    assert.ok(!(await page.locator(selector).textContent()).includes(key), selector);
  }

  await page.locator('#credential-show').click();
  await page.waitForFunction(() => document.activeElement?.id === 'policy');
  const selected = await page
    .locator('#policy')
    .evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  assert.equal(selected, `"${key}"`);

  // Still refused while the JSON is broken.
  await setPolicy(page, text.replace('"Effect": "Allow",', '"Effect": "Allow"'));
  await finding(page, 'RP001');
  await alert.waitFor();
  // Gone once the key is.
  await setPolicy(page, text.replace(key, 'example-id'));
  await alert.waitFor({ state: 'detached' });
  await page.locator('#plain-sentences').waitFor();
  await assertCleanRun(page, seen);
  await context.close();
});
