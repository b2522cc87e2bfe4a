// The example page's script: what an embed does, in plain JavaScript.
import { init, lint, plan, scenarios, simulate } from './ramplan.js';

const byId = (id) => document.getElementById(id);

/** Adds a list item with this text; textContent only, so nothing the answer holds is markup. */
function item(list, text, className) {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  list.append(li);
  return li;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A failure answer's errors, one line each. */
const describeFailure = (answer) =>
  answer.errors.map((e) => (e.help ? `${e.message} (${e.help})` : e.message)).join('; ');

const INPUTS = {
  dataworks_account_uid: '1234567890123456',
  resource_account_uid: '6543210987654321',
  region: 'cn-hangzhou',
  emr_cluster_id: 'C-A510C0FD3FCC1234',
  emr_version: 'V3.38.3',
};

const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "allow",
      "Action": "oss:GetObject",
      "Resource": "acs:oss:*:*:examplebucket/*"
    }
  ]
}`;

const READ_POLICY = {
  name: 'oss-read.json',
  text: '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:examplebucket/*"}]}',
};
const REQUEST = { action: 'oss:GetObject', resource: 'acs:oss:*:*:examplebucket/report.csv' };

function showScenarios() {
  const answer = scenarios({ lang: 'en' });
  const list = byId('scenarios');
  if (answer.type === 'failure') {
    item(list, describeFailure(answer), 'failure');
    return;
  }
  for (const scenario of answer.scenarios) {
    const li = item(list, '');
    const code = document.createElement('code');
    code.textContent = scenario.id;
    li.append(code, ` ${scenario.title} (${scenario.fields.length} fields)`);
  }
}

function showPlan() {
  byId('plan-inputs').textContent = JSON.stringify(INPUTS, null, 2);
  const answer = plan('dataworks-emr', INPUTS, { lang: 'en' });
  if (answer.type === 'failure') {
    byId('plan-summary').textContent = describeFailure(answer);
    return;
  }
  const { findings, artifacts, steps, checks } = answer.plan;
  const count = (items, test) => items.filter(test).length;
  byId('plan-summary').textContent =
    `${plural(findings.length, 'finding')} ` +
    `(${plural(count(findings, (f) => f.severity === 'error'), 'error')}), ` +
    `${plural(artifacts.length, 'artifact')}, ${plural(steps.length, 'step')}; checks: ` +
    ['passed', 'failed', 'not-evaluated']
      .map((result) => `${count(checks, (c) => c.result === result)} ${result.replace('-', ' ')}`)
      .join(', ');
  for (const step of steps) item(byId('plan-steps'), `${step.title} (${step.account} account)`);
  const trust = artifacts.find((a) => a.kind === 'trust-policy');
  byId('plan-trust').textContent = trust ? trust.content : '';
}

function showLint() {
  const answer = lint(byId('policy').value, { lang: 'en' });
  const list = byId('findings');
  list.replaceChildren();
  if (answer.type === 'failure') {
    byId('lint-summary').textContent = describeFailure(answer);
    return;
  }
  const { kind, findings } = answer.report;
  byId('lint-summary').textContent = `${kind} policy: ${plural(findings.length, 'finding')}`;
  for (const f of findings) {
    const where = f.span ? ` (line ${f.span.start.line}, column ${f.span.start.column})` : '';
    const li = item(list, `${f.code} ${f.severity}: ${f.message}${where}`, `severity-${f.severity}`);
    li.dataset.code = f.code;
  }
}

function showSimulate() {
  byId('simulate-request').textContent = JSON.stringify(REQUEST, null, 2);
  const answer = simulate([READ_POLICY], REQUEST);
  byId('decision').textContent =
    answer.type === 'success'
      ? `decision: ${answer.decision.decision}, decided by ` +
        answer.decision.decided_by.map((s) => `${s.source} ${s.path}`).join(', ')
      : describeFailure(answer);
}

function showFailure() {
  const answer = plan('no-such-scenario', {});
  const p = byId('failure');
  p.className = 'failure';
  p.textContent = `${answer.type}: ${describeFailure(answer)}`;
}

try {
  await init();
  showScenarios();
  showPlan();
  byId('policy').value = POLICY;
  byId('policy').addEventListener('input', showLint);
  showLint();
  showSimulate();
  showFailure();
  byId('status').textContent = 'ramplan is loaded; every section below is a live answer.';
  document.body.dataset.ready = 'true';
} catch (error) {
  // Only loading can fail: the functions themselves never throw.
  byId('status').textContent = `ramplan could not load: ${error}`;
  byId('status').className = 'failure';
}
