// The JavaScript API for embeds (dist/js, built by scripts/build-js.sh): the example page
// shows live answers under its strict CSP; every function answers `{type: "success"}` or
// `{type: "failure"}` and never throws, whatever it is given; plans made through it equal the
// golden plans byte for byte once parsed; nothing leaves the origin.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { assertCleanRun, launch, openApp } from './helpers.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const read = (file) => readFile(path.join(FIXTURES, file), 'utf8');

const CREDENTIAL = 'LTAI5tAbCdEfGhIjKlMnOp';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The example page, once every section holds its answer. */
async function openExample() {
  const opened = await openApp(browser, { route: 'js/example.html' });
  await opened.page.locator('body[data-ready="true"]').waitFor();
  return opened;
}

test('the example page embeds the module and shows its answers', async () => {
  const { context, page, seen } = await openExample();
  try {
    await assert.doesNotReject(
      page.locator('#status', { hasText: 'ramplan is loaded' }).waitFor(),
    );
    const scenarios = await page.locator('#scenarios li').allTextContents();
    assert.equal(scenarios.length, 6, scenarios.join('\n'));
    assert.ok(scenarios.some((s) => s.startsWith('dataworks-emr ')), scenarios.join('\n'));

    assert.match(
      await page.locator('#plan-summary').textContent(),
      /^\d+ findings? \(0 errors\), \d+ artifacts?, \d+ steps?; checks: [1-9]\d* passed, 0 failed, \d+ not evaluated$/,
    );
    assert.ok((await page.locator('#plan-steps li').count()) >= 2);
    assert.match(await page.locator('#plan-trust').textContent(), /"Version": "1"/);

    // Lint: the example's policy has a lower-case Effect; fixing it in the text area
    // re-lints on input.
    await page.locator('#findings li[data-code="RP102"]').waitFor();
    const policy = await page.locator('#policy').inputValue();
    await page.locator('#policy').fill(policy.replace('"allow"', '"Allow"'));
    await page.locator('#findings li[data-code="RP102"]').waitFor({ state: 'detached' });
    assert.match(await page.locator('#lint-summary').textContent(), /^permission policy: \d+ findings?$/);

    assert.equal(
      await page.locator('#decision').textContent(),
      'decision: allow, decided by oss-read.json /Statement/0',
    );
    assert.match(
      await page.locator('#failure').textContent(),
      /^failure: unknown scenario `no-such-scenario` \(the scenarios are `/,
    );
    await assertCleanRun(page, seen);
  } finally {
    await context.close();
  }
});

test('every function answers good calls with success', async () => {
  const { context, page, seen } = await openExample();
  try {
    const emrInput = JSON.parse(await read('scenarios/dataworks-emr/valid-basic-hadoop.input.json'));
    const golden = {
      sh: await read('scenarios/dataworks-emr/valid-basic-hadoop.en.sh'),
      trust: (await read('existing/dataworks-emr/ok-correct/trust-policy.json')),
      existingInput: JSON.parse(await read('existing/dataworks-emr/ok-correct/input.json')),
      existing: JSON.parse(await read('existing/dataworks-emr/ok-correct/expected.en.json')),
    };
    const answers = await page.evaluate(
      async ({ emrInput, golden }) => {
        const ramplan = await import('./ramplan.js');
        await ramplan.init();
        const policy = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:b/*"}]}';
        const trust = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}';
        return {
          scenariosZh: ramplan.scenarios({ lang: 'zh' }),
          lint: ramplan.lint(policy, { kind: 'permission', lang: 'zh' }),
          lintTrust: ramplan.lint(trust),
          simulate: ramplan.simulate(policy, {
            action: 'oss:GetObject',
            resource: 'acs:oss:*:*:b/x',
            context: { 'acs:SourceIp': '10.0.0.1' },
          }),
          simulateDenied: ramplan.simulate([{ name: 'p.json', text: policy }], {
            action: 'oss:PutObject',
            resource: 'acs:oss:*:*:b/x',
          }),
          simulateTrust: ramplan.simulateTrust(trust, { principal: 'ecs.aliyuncs.com' }),
          checkExisting: ramplan.checkExisting('dataworks-emr', golden.existingInput, [
            { name: 'trust-policy.json', text: golden.trust },
          ]),
          exportPlan: ramplan.exportPlan('dataworks-emr', emrInput, 'sh'),
          convert: ramplan.convert(policy, 'ros', { name: 'oss-read' }),
        };
      },
      { emrInput, golden },
    );
    for (const [name, answer] of Object.entries(answers)) {
      assert.equal(answer.type, 'success', `${name}: ${JSON.stringify(answer)}`);
    }
    assert.equal(answers.scenariosZh.scenarios.length, 6);
    assert.match(answers.scenariosZh.scenarios[0].title, /[\u4e00-\u9fff]/);
    assert.equal(answers.lint.report.kind, 'permission');
    assert.equal(answers.lint.report.kind_guessed, false);
    assert.equal(answers.lintTrust.report.kind, 'trust');
    assert.equal(answers.lintTrust.report.kind_guessed, true);
    assert.equal(answers.simulate.decision.decision, 'allow');
    assert.deepEqual(answers.simulate.decision.request.context, [
      { key: 'acs:SourceIp', value: '10.0.0.1' },
    ]);
    assert.equal(answers.simulateDenied.decision.decision, 'implicit-deny');
    assert.equal(answers.simulateTrust.decision.decision, 'allow');
    assert.deepEqual(answers.simulateTrust.decision.principal, {
      kind: 'service',
      service: 'ecs.aliyuncs.com',
    });
    assert.deepEqual(answers.checkExisting.report, golden.existing);
    assert.equal(answers.exportPlan.text, golden.sh);
    assert.equal(answers.exportPlan.filename, 'aliyun-cli.sh');
    assert.equal(answers.convert.filename, 'ros-template.yaml');
    assert.match(answers.convert.text, /oss-read/);
    await assertCleanRun(page, seen);
  } finally {
    await context.close();
  }
});

test('plans through the API equal the golden plans', async () => {
  const cases = [];
  for (const id of (await readdir(path.join(FIXTURES, 'scenarios'))).sort()) {
    for (const file of (await readdir(path.join(FIXTURES, 'scenarios', id))).sort()) {
      const name = file.match(/^(.*)\.input\.json$/)?.[1];
      if (!name) continue;
      const text = await read(`scenarios/${id}/${file}`);
      let object = null;
      try {
        object = JSON.parse(text);
      } catch {
        // Not JSON: only the text form applies, and the plan says where it breaks.
      }
      for (const lang of ['en', 'zh']) {
        cases.push({
          id,
          name,
          lang,
          text,
          object,
          golden: JSON.parse(await read(`scenarios/${id}/${name}.${lang}.plan.json`)),
        });
      }
    }
  }
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  const { context, page, seen } = await openExample();
  try {
    // Inputs as the fixture's text (so findings' spans point into the same text) and, when
    // it is JSON, as an object, whose text is JavaScript's (so spans aside, the same plan).
    const plans = await page.evaluate(async (cases) => {
      const ramplan = await import('./ramplan.js');
      await ramplan.init();
      return cases.map(({ id, text, object, lang }) => ({
        fromText: ramplan.plan(id, text, { lang }),
        fromObject: object === null ? null : ramplan.plan(id, object, { lang }),
      }));
    }, cases);
    const withoutSpans = (plan) => ({
      ...plan,
      findings: plan.findings.map(({ span, ...finding }) => finding),
    });
    for (const [index, { fromText, fromObject }] of plans.entries()) {
      const { id, name, lang, golden, object } = cases[index];
      const label = `${id}/${name}.${lang}`;
      assert.equal(fromText.type, 'success', label);
      assert.deepEqual(fromText.plan, golden, label);
      if (object !== null) {
        assert.equal(fromObject.type, 'success', label);
        // A JavaScript object cannot hold a key twice, so the text's duplicate-key warning
        // (PL008) and what mentions it have no counterpart there.
        if (!golden.findings.some((f) => f.code === 'PL008')) {
          assert.deepEqual(withoutSpans(fromObject.plan), withoutSpans(golden), label);
        }
      }
    }
    await assertCleanRun(page, seen);
  } finally {
    await context.close();
  }
});

test('bad calls are failure answers, never exceptions, and echo no credential', async () => {
  const { context, page, seen } = await openExample();
  try {
    const results = await page.evaluate(async (credential) => {
      // A fresh copy of the wrapper (another URL): not initialised, so it must say so.
      const fresh = await import('./ramplan.js?before-init');
      const beforeInit = fresh.lint('{}');
      const ramplan = await import('./ramplan.js');
      await ramplan.init();

      const cyclic = {};
      cyclic.self = cyclic;
      let deep = [];
      for (let i = 0; i < 200; i += 1) deep = [deep];
      const odd = {
        undefined: undefined,
        null: null,
        number: 42,
        nan: NaN,
        boolean: true,
        list: [1, 'two', null],
        empty: {},
        string: 'not json',
        huge: 'x'.repeat(2 * 1024 * 1024),
        hugeObject: { text: 'y'.repeat(1024 * 1024) },
        bigint: 10n,
        cyclic,
        deep,
        func: () => 1,
        symbol: Symbol('s'),
        date: new Date(0),
        credential,
        credentialKey: { [credential]: credential },
        credentialPolicy: `{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "acs:oss:*:*:${credential}/*"}]}`,
        wrongOptions: { lang: 'fr', kind: 7, extra: credential },
      };
      const functions = {
        scenarios: 1,
        plan: 3,
        lint: 2,
        simulate: 3,
        simulateTrust: 3,
        checkExisting: 4,
        exportPlan: 4,
        convert: 3,
        diff: 3,
        doctor: 2,
        generate: 2,
      };
      const results = [];
      // Each odd value in each position of each function, the other positions left empty.
      for (const [name, arity] of Object.entries(functions)) {
        for (let position = 0; position < arity; position += 1) {
          for (const [label, value] of Object.entries(odd)) {
            const args = new Array(arity).fill(undefined);
            args[position] = value;
            let answer;
            let threw = null;
            try {
              answer = ramplan[name](...args);
            } catch (error) {
              threw = String(error);
            }
            results.push({ call: `${name} #${position} ${label}`, threw, answer: JSON.stringify(answer) });
          }
        }
      }
      const named = (call, answer) => ({ call, threw: null, answer: JSON.stringify(answer) });
      const specific = [
        named('unknown scenario', ramplan.plan('dataworks-emx', {})),
        named('scenario id number', ramplan.plan(7, {})),
        named('inputs list', ramplan.plan('dataworks-emr', [1])),
        named('lint null', ramplan.lint(null)),
        named('lint huge', ramplan.lint('x'.repeat(2 * 1024 * 1024))),
        named('lint bigint', ramplan.lint(1n)),
        named('lint cyclic options', ramplan.lint('{}', cyclic)),
        named('simulate credential', ramplan.simulate('{}', { action: 'oss:GetObject', resource: `acs:oss:*:*:${credential}` })),
        named('convert credential', ramplan.convert(odd.credentialPolicy, 'sh')),
        named('lint credential', ramplan.lint(odd.credentialPolicy)),
        named('export format', ramplan.exportPlan('dataworks-emr', {}, 'zip')),
        named('diff credential', ramplan.diff('{}', odd.credentialPolicy)),
        named('doctor credential', ramplan.doctor(`<Error><Code>AccessDenied</Code><Message>${credential}</Message></Error>`)),
        named('generate credential', ramplan.generate([{ name: 'a.json', text: `{"eventName": "GetObject", "acsRegion": "${credential}"}` }])),
      ];
      return { beforeInit, results, specific };
    }, CREDENTIAL);

    assert.equal(results.beforeInit.type, 'failure');
    assert.equal(results.beforeInit.errors[0].message, 'ramplan is not loaded yet');

    assert.ok(results.results.length > 400, `${results.results.length} calls`);
    for (const { call, threw, answer } of [...results.results, ...results.specific]) {
      assert.equal(threw, null, `${call} threw`);
      const parsed = JSON.parse(answer);
      assert.ok(['success', 'failure'].includes(parsed.type), `${call}: ${answer.slice(0, 300)}`);
      if (parsed.type === 'failure') {
        assert.ok(parsed.errors.length > 0, call);
        for (const error of parsed.errors) {
          assert.equal(typeof error.message, 'string', call);
          assert.ok(error.message.length <= 400, `${call}: a ${error.message.length}-character message`);
        }
      }
      assert.ok(!answer.includes(CREDENTIAL), `${call} echoed the credential: ${answer.slice(0, 300)}`);
    }
    // Required arguments that are missing or of the wrong type are failures.
    const byCall = Object.fromEntries(results.results.map((r) => [r.call, JSON.parse(r.answer)]));
    for (const call of ['lint #0 number', 'lint #0 undefined', 'plan #0 null', 'plan #1 list', 'simulate #1 string', 'convert #1 boolean']) {
      assert.equal(byCall[call].type, 'failure', call);
    }
    const message = (call) => {
      const found = results.specific.find((r) => r.call === call);
      const answer = JSON.parse(found.answer);
      assert.equal(answer.type, 'failure', `${call}: ${found.answer}`);
      return answer.errors[0].message;
    };
    assert.equal(message('unknown scenario'), 'unknown scenario `dataworks-emx`');
    assert.equal(message('scenario id number'), '`scenarioId` must be a string, not a number');
    assert.equal(message('inputs list'), '`inputs` must be an object or the text of one, not a list');
    assert.equal(message('lint null'), '`text` must be a string, not null');
    assert.equal(message('lint huge'), '`text` is longer than the 1048576 bytes accepted as JSON');
    assert.match(message('lint bigint'), /^`text` cannot be written as JSON: /);
    assert.match(message('lint cyclic options'), /^`options` cannot be written as JSON: /);
    assert.equal(message('export format'), 'unknown export format `zip`');
    assert.equal(JSON.parse(results.specific.find((r) => r.call === 'simulate credential').answer).errors[0].argument, 'request');
    assert.equal(JSON.parse(results.specific.find((r) => r.call === 'convert credential').answer).errors[0].code, 'RP605');
    // A credential in a policy being linted is a finding, not a failure.
    const linted = JSON.parse(results.specific.find((r) => r.call === 'lint credential').answer);
    assert.equal(linted.type, 'success');
    assert.ok(linted.report.findings.some((f) => f.code === 'RP605'));

    // The module still answers after all that.
    const after = await page.evaluate(async () => {
      const ramplan = await import('./ramplan.js');
      return ramplan.lint('{"Version": "1"}').type;
    });
    assert.equal(after, 'success');
    await assertCleanRun(page, seen);
  } finally {
    await context.close();
  }
});
