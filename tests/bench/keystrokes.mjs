// Keystroke to updated page, in headless Chromium (issue 17): for each page, 200 edits, each
// timed from the edit until the page shows its result (the finding count, the plan's steps,
// the cards), so an answer that never updated the page cannot look fast. An edit goes
// through the browser's editing, as typing does: the control's selection is set and
// `insertText` types over it, which fires the same `input` event a keystroke does.
// Assigning `value` instead would make the browser rebuild the whole text area's layout on
// every edit (about 900 layout objects for this policy), which typing never does.
// Prints p50, p95 and the slowest per page as a Markdown table. Run by scripts/bench-web.sh.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openApp, setPolicy, fillForm } from '../e2e/helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EDITS = Number(process.env.RAMPLAN_BENCH_EDITS ?? 200);

/** A permission policy of about `size` characters: statements over several services. */
function policyOf(size) {
  const statements = [];
  let text = '';
  for (let i = 0; text.length < size - 200; i += 1) {
    statements.push({
      Effect: 'Allow',
      Action: ['oss:GetObject', 'oss:ListObjects', `ecs:Describe${['Instances', 'Disks', 'Images'][i % 3]}`],
      Resource: [`acs:oss:*:*:bucket-${i}/*`, `acs:oss:*:*:bucket-${i}`],
    });
    text = JSON.stringify({ Version: '1', Statement: statements }, null, 2);
  }
  return text;
}

/**
 * Times `EDITS` edits. `edit(i)` gives the control, the range of its text to replace
 * (`start`, `end`) and what to type there (`insert`); `ready` (page-side source of a function
 * body, `i` in scope) says when the page shows the edit's result. Each edit is timed from
 * the moment it is typed until `ready` holds, checked after the app's render (it runs in
 * microtasks after the `input` event) and after every zero-delay timeout from then on.
 */
async function measure(page, edit, ready) {
  // The browser's own account of the work (Chrome DevTools Protocol `Performance` metrics):
  // script, style and layout time summed over the edits. Unlike the wall times, these do not
  // count the waits between polls or other programs on a busy machine.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const times = [];
  for (let i = 0; i < EDITS; i += 1) {
    const { selector, start: from, end: to, insert } = edit(i);
    const ms = await page.evaluate(
      async ({ selector, from, to, insert, ready, i }) => {
        const holds = new Function('i', ready);
        const element = document.querySelector(selector);
        element.focus();
        const start = performance.now();
        element.setSelectionRange(from, to);
        if (!document.execCommand('insertText', false, insert)) throw new Error(`edit ${i}: not typed`);
        do {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (performance.now() - start > 5000) throw new Error(`edit ${i}: the page never showed it`);
        } while (!holds(i));
        return performance.now() - start;
      },
      { selector, from, to, insert, ready, i },
    );
    times.push(ms);
  }
  const after = await metrics();
  const perEdit = (name) => ((after[name] - before[name]) * 1000) / EDITS;
  await cdp.detach();
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: times[times.length - 1],
    script: perEdit('ScriptDuration'),
    style: perEdit('RecalcStyleDuration'),
    layout: perEdit('LayoutDuration'),
  };
}

const browser = await launch();
const rows = [];
const startups = [];
try {
  // 0. Startup: from navigation until the checker answers (its finding count is shown), in a
  //    fresh context (cold: nothing cached) and on a reload (warm: the browser's cache).
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const url = new URL('#/check', process.env.RAMPLAN_URL ?? 'http://127.0.0.1:8080/').href;
    const until = async (load) => {
      const start = Date.now();
      await load();
      await page.locator('#finding-count').waitFor();
      return Date.now() - start;
    };
    startups.push(['cold (new context)', await until(() => page.goto(url))]);
    const warm = [];
    for (let i = 0; i < 5; i += 1) warm.push(await until(() => page.reload()));
    warm.sort((a, b) => a - b);
    startups.push(['warm (reload, median of 5)', warm[2]]);
    await context.close();
  }
  // 1. The checker with a 6,144-character policy: each edit types over the last letter of
  //    the first Effect, `Allow` to `Allox` and back, so the finding count must follow.
  {
    const { context, page } = await openApp(browser, { route: '#/check' });
    const text = policyOf(6144);
    await setPolicy(page, text);
    await page.locator('#finding-count').waitFor();
    const broken = text.replace('"Allow"', '"Allox"');
    assert.notEqual(broken, text);
    const at = text.indexOf('"Allow"') + '"Allo'.length;
    const errorsShown = "return (document.querySelector('#finding-count').dataset.errors === '0') === (i % 2 === 1);";
    const typed = await measure(page, (i) => ({ selector: '#policy', start: at, end: at + 1, insert: i % 2 ? 'w' : 'x' }), errorsShown);
    assert.equal(await page.locator('#policy').inputValue(), text);
    rows.push([`checker, ${text.length}-character policy`, typed]);
    await context.close();
  }
  // 2. A full scenario form: each edit types into the role name, the plan must follow.
  {
    const id = 'dataworks-maxcompute';
    const input = JSON.parse(await readFile(path.join(ROOT, `tests/fixtures/scenarios/${id}/valid-typical.input.json`), 'utf8'));
    const { context, page } = await openApp(browser, { route: `#/scenario/${id}` });
    await fillForm(page, input);
    await page.locator('#plan-status[data-ready="true"]').waitFor();
    const result = await measure(
      page,
      (i) => ({ selector: '#field-role_name', start: 0, end: 1_000_000, insert: `benchRole${i}x` }),
      "return document.querySelector('#steps').textContent.includes('benchRole' + i + 'x');",
    );
    rows.push(['scenario form, filled (dataworks-maxcompute)', result]);
    await context.close();
  }
  // 3. The builder with 20 cards: each edit types a new name over the first statement's
  //    bucket in the editor; the cards must follow.
  {
    const { context, page } = await openApp(browser, { route: '#/build' });
    await page.locator('main.builder #policy').waitFor();
    const statements = Array.from({ length: 20 }, (_, i) => ({
      Effect: 'Allow',
      Action: ['oss:GetObject', 'oss:PutObject'],
      Resource: [`acs:oss:*:*:bucket-${i}/*`],
    }));
    const text = (n) => JSON.stringify({ Version: '1', Statement: statements.map((s, i) => (i === 0 ? { ...s, Resource: [`acs:oss:*:*:edited-${n}/*`] } : s)) }, null, 2);
    await setPolicy(page, text(-1));
    await page.locator('#card-19').waitFor();
    const at = text(-1).indexOf('edited-');
    const result = await measure(
      page,
      (i) => ({ selector: '#policy', start: at, end: at + `edited-${i - 1}`.length, insert: `edited-${i}` }),
      "return document.querySelector('#card-0 .resource[data-resource=\"acs:oss:*:*:edited-' + i + '/*\"]') !== null;",
    );
    rows.push(['builder, 20 cards', result]);
    await context.close();
  }
} finally {
  await browser.close();
}

console.log('\nStartup, navigation until the checker shows its findings (ms)\n');
console.log('| load | ms |');
console.log('|---|---:|');
for (const [name, ms] of startups) console.log(`| ${name} | ${ms} |`);
console.log(`\n${EDITS} edits per page (ms from typing until the page shows the result)\n`);
console.log('| page | p50 | p95 | slowest |');
console.log('|---|---:|---:|---:|');
for (const [name, { p50, p95, max }] of rows) {
  console.log(`| ${name} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} |`);
}
console.log('\nThe browser\'s work per edit (ms, mean; DevTools Protocol Performance metrics)\n');
console.log('| page | script | style | layout |');
console.log('|---|---:|---:|---:|');
for (const [name, { script, style, layout }] of rows) {
  console.log(`| ${name} | ${script.toFixed(2)} | ${style.toFixed(2)} | ${layout.toFixed(2)} |`);
}
