// Accessibility: axe-core's WCAG 2 A and AA rules on every kind of page, in the light and
// the dark colour scheme, and a keyboard walk that must reach every interactive control.
//
// axe is injected as an inline script, which the app's CSP (rightly) forbids. So this file,
// and only this file, opens its pages in contexts created with `bypassCSP: true`; every
// other test runs the page under its real CSP (tests/e2e/security.test.mjs checks it).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { BASE_URL, fillForm, finding, launch, setPolicy } from './helpers.mjs';
import { SEVERAL, VALID } from './policies.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);
const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));
const ACTIONTRAIL = path.resolve(FIXTURES, '../actiontrail');
let DOCTOR_OSS;
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;

// WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no wcag22a rules).
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// builder
/** The builder with every kind of card and field showing: a raw statement, a finding on an
 * action, the action list open, an ARN field error and a condition value error. */
async function builderReady(page) {
  await page.locator('main.builder #policy').waitFor();
  await setPolicy(
    page,
    `{
  "Version": "1",
  "Statement": [
    {"Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}, "Action": "sts:AssumeRole", "Resource": "*"},
    {
      "Effect": "Allow",
      "Action": ["oss:GetObjectt"],
      "Resource": "acs:oss:*:*:examplebucket/*",
      "Condition": {"IpAddress": {"acs:SourceIp": ["not-an-ip"]}}
    }
  ]
}
`,
  );
  await page.locator('#card-1 li.finding[data-target="action"]').first().waitFor();
  await page.locator('#card-1-action-search').fill('Get');
  await page.locator('#card-1-action-results li[role="option"]').first().waitFor();
  await page.locator('#card-1-arn-shape').selectOption('oss-object');
  await page.locator('#card-1-arn-bucket').fill('Bad_Bucket');
  await page.locator('#card-1 .arn-field .field-error').first().waitFor();
  await page.locator('#template-param-bucket').fill('examplebucket');
  await page.locator('#template-explanations li').first().waitFor();
  await page.locator('#template').selectOption('oss-folder');
  await page.locator('#templates[data-template="oss-folder"]').waitFor();
  await page.locator('#template-param-bucket').fill('examplebucket');
  await page.locator('#template-param-dir').fill('team/reports');
  await page.locator('#template-explanations li').nth(4).waitFor();
}
// end builder

// Each page, and how to bring it to the state worth checking.
const PAGES = [
  {
    name: 'home',
    route: '#/',
    ready: async (page) => page.locator('#cards').waitFor(),
  },
  {
    name: 'checker with findings',
    route: '#/check',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await setPolicy(page, SEVERAL);
      await finding(page, 'RP601');
    },
  },
  {
    name: 'checker with a clean policy, in Chinese',
    route: '#/check',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await setPolicy(page, VALID);
      await page.locator('#no-findings').waitFor();
      await page.locator('button[data-lang="zh"]').click();
      await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
    },
  },
  {
    name: 'scenario, filled and ready',
    route: '#/scenario/dataworks-maxcompute',
    ready: async (page) => {
      await page.locator('main.scenario').waitFor();
      await fillForm(page, await readJson('dataworks-maxcompute/valid-account-name-columns.input.json'));
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await page.locator('#steps input.step-done').first().check();
      await page.locator('.tab-panel:not([hidden]) .copy-button').click();
      await page.locator('.tab-panel:not([hidden]) .copy-ok').waitFor();
      await page.locator('#copy-link').click();
      await page.locator('#link-status .link-ok').waitFor();
    },
  },
  {
    name: 'scenario opened from a damaged link',
    route: '#/scenario/emr-ecs-role?s=v1.not-a-payload',
    ready: async (page) => page.locator('#open-notice[data-notice="damaged"]').waitFor(),
  },
  {
    name: 'scenario with findings',
    route: '#/scenario/dataworks-hologres',
    ready: async (page) => {
      await page.locator('main.scenario').waitFor();
      // Its `instance_id` is a stray key the form has no input for.
      const { instance_id: _, ...input } = await readJson(
        'dataworks-hologres/invalid-names-and-uids.input.json',
      );
      await fillForm(page, input);
      await page.locator('#plan-status[data-ready="false"]').waitFor();
      await page.locator('li.field-finding[data-severity="error"]').first().waitFor();
      // A refused link, too.
      await page.locator('#copy-link').click();
      await page.locator('#link-status').filter({ hasText: /./ }).waitFor();
    },
  },
  // simulate and existing
  {
    name: 'checker simulating a request with context',
    route: '#/check',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await setPolicy(page, SEVERAL.replace('"Resource": "*"', '"Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}'));
      await page.locator('#sim-action').fill('oss:GetObject');
      await page.locator('#sim-resource').fill('acs:oss:*:*:my-bucket/a.txt');
      await page.locator('#sim-add-context').click();
      await page.locator('#sim-key-0').fill('acs:SourceIp');
      await page.locator('#sim-value-0').fill('192.168.0.1');
      await page.locator('#sim-decision[data-decision="implicit-deny"]').waitFor();
      await page.locator('li.sim-condition[data-matched="false"]').first().waitFor();
    },
  },
  {
    name: 'checker simulating a trust policy, in Chinese',
    route: '#/check',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await page.locator('button[data-lang="zh"]').click();
      await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
      await page.locator('#example').selectOption('dataworks-trust');
      await page.locator('#load-example').click();
      await page.locator('#sim-principal').fill('1234567890123456@engine.dataworks.aliyuncs.com');
      await page.locator('#sim-nearest-miss').waitFor();
    },
  },
  {
    name: 'scenario, checking an existing setup',
    route: '#/scenario/emr-ecs-role',
    ready: async (page) => {
      const dir = path.join(FIXTURES, '../existing/emr-ecs-role/bad-missing-bucket');
      await page.locator('main.scenario').waitFor();
      await fillForm(page, JSON.parse(await readFile(path.join(dir, 'input.json'), 'utf8')));
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await page.locator('#view-existing').click();
      for (const slot of ['trust', 'permission']) {
        await page.locator(`#existing-${slot}`).fill(await readFile(path.join(dir, `${slot}-policy.json`), 'utf8'));
      }
      await page.locator('#existing-findings li[data-code="PL710"]').waitFor();
      await page.locator('#existing-status[data-satisfied="false"]').waitFor();
    },
  },
  // end simulate and existing
  // builder
  {
    name: 'builder with cards, a raw statement, findings and open pickers',
    route: '#/build',
    ready: builderReady,
  },
  {
    name: 'builder, in Chinese',
    route: '#/build',
    ready: async (page) => {
      await builderReady(page);
      await page.locator('button[data-lang="zh"]').click();
      await page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
    },
  },
  // end builder
  {
    name: 'doctor with an implicit deny answered',
    route: '#/doctor',
    ready: async (page) => {
      await page.locator('#doctor-input').waitFor();
      await page.locator('#doctor-input').fill(DOCTOR_OSS);
      await page.locator('#doctor-fix[data-proven="true"]').waitFor();
    },
  },
  {
    name: 'generate with policies from ActionTrail files',
    route: '#/generate',
    ready: async (page) => {
      await page.locator('#generate-files').setInputFiles([
        path.join(ACTIONTRAIL, 'lookup-events.json'),
        path.join(ACTIONTRAIL, 'oss-delivered.json'),
      ]);
      await page.locator('section.generated-policy').first().waitFor();
    },
  },
  {
    name: 'embed',
    route: null, // filled in below, from a fixture
    ready: async (page) => {
      await page.locator('main.scenario[data-embed="true"]').waitFor();
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await page.locator('.tab-panel:not([hidden])').waitFor();
    },
  },
];

before(async () => {
  DOCTOR_OSS = await readFile(path.resolve(FIXTURES, '../doctor/oss-xml-implicit-deny.input.xml'), 'utf8');
  const input = await readJson('emr-ecs-role/valid-old-version-read-write-prefix.input.json');
  PAGES.find((p) => p.name === 'embed').route = `#/embed/emr-ecs-role?s=${payload(input)}`;
});

/** A page in a context that ignores the CSP, so that axe can be injected. */
async function openForAxe({ route, ready }, colorScheme) {
  // bypassCSP: only in this file, and only so the axe script can be added (see the top).
  const context = await browser.newContext({
    bypassCSP: true,
    colorScheme,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(BASE_URL).origin,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(new URL(route, BASE_URL).href);
  await page.locator('main').waitFor();
  await ready(page);
  return { context, page, errors };
}

/** axe's violations, one readable block each. */
function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`)
        .join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

async function runAxe(page) {
  await page.addScriptTag({ path: AXE });
  await page.waitForFunction(() => typeof window.axe?.run === 'function');
  return page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((results) => ({
          passed: results.passes.map((rule) => rule.id),
          violations: results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
            id,
            impact,
            help,
            helpUrl,
            nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
          })),
        })),
    WCAG_TAGS,
  );
}

for (const spec of PAGES) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds no WCAG 2 A/AA violation: ${spec.name}, ${colorScheme}`, async () => {
      const { context, page, errors } = await openForAxe(spec, colorScheme);
      assert.equal(
        await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
        colorScheme === 'dark',
      );
      const { passed, violations } = await runAxe(page);
      // The rules that matter most here did run and had something to check.
      for (const rule of ['color-contrast', 'html-has-lang', 'document-title', 'button-name']) {
        assert.ok(
          passed.includes(rule) || violations.some((v) => v.id === rule),
          `axe checked ${rule}`,
        );
      }
      assert.ok(
        violations.length === 0,
        `${violations.length} axe violation(s) on ${spec.name} (${colorScheme}):\n${describe(violations)}`,
      );
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// Colour arithmetic for the checks axe does not make (focus indicators, field boundaries),
// added to the page as a script (this file's contexts bypass the CSP, see the top).
const COLOUR_HELPERS = `
window.__colour = (() => {
  const parse = (text) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(text ?? '');
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  // What is painted behind an element: its ancestors' backgrounds, composited.
  const behind = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    const canvas = matchMedia('(prefers-color-scheme: dark)').matches
      ? { r: 0, g: 0, b: 0, a: 1 }
      : { r: 255, g: 255, b: 255, a: 1 };
    return layers.reverse().reduce((bottom, top) => over(top, bottom), canvas);
  };
  const luminance = ({ r, g, b }) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const ratio = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = ({ r, g, b }) =>
    '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const describe = (e) =>
    e.tagName.toLowerCase() +
    (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className.trim()
      ? '.' + e.className.trim().split(/\\s+/).join('.')
      : '') +
    (e.dataset.artifact ? '[data-artifact=' + e.dataset.artifact + ']' : '') +
    ' "' + (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 40) + '"';
  return { parse, over, behind, ratio, hex, describe };
})();
`;

/** Every control a keyboard user must be able to reach. */
const CONTROLS = `a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]),
  select:not([disabled]), textarea:not([disabled]), summary, [contenteditable="true"],
  [tabindex]:not([tabindex="-1"])`;

for (const spec of PAGES) {
  test(`Tab reaches every interactive control, with a visible focus: ${spec.name}`, async () => {
    const { context, page, errors } = await openForAxe(spec, 'light');
    await page.addScriptTag({ content: COLOUR_HELPERS });
    const expected = await page.evaluate((selector) => {
      const { behind, describe, over, parse, ratio } = window.__colour;
      window.__focused = new Set();
      window.__unseenFocus = [];
      // WCAG 2.4.7: where keyboard focus is must be visible; here, as an outline of at
      // least 2px that stands out 3:1 from what it is drawn on.
      document.addEventListener('focusin', (event) => {
        const e = event.target;
        window.__focused.add(e);
        // The ring may be drawn by a frame around the control (`:focus-within`).
        let ring = e;
        for (let up = e, depth = 0; up && depth < 3; up = up.parentElement, depth += 1) {
          if (getComputedStyle(up).outlineStyle !== 'none') {
            ring = up;
            break;
          }
        }
        const style = getComputedStyle(ring);
        const width = parseFloat(style.outlineWidth);
        const ground = behind(ring.parentElement);
        const colour = parse(style.outlineColor);
        const contrast = colour ? ratio(over(colour, ground), ground) : 0;
        if (style.outlineStyle === 'none' || width < 2 || contrast < 3) {
          window.__unseenFocus.push(
            `${describe(e)}: outline ${style.outlineStyle} ${style.outlineWidth}, contrast ${contrast.toFixed(2)}`,
          );
        }
      });
      const controls = [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility());
      window.__controls = controls;
      return {
        count: controls.length,
        positive: controls.filter((e) => e.tabIndex > 0).map(describe),
      };
    }, CONTROLS);
    assert.ok(expected.count > 0);
    assert.deepEqual(expected.positive, [], 'no positive tabindex: it would break the order');
    // Start before the first control, then walk; two rounds is more than enough.
    await page.evaluate(() => document.activeElement?.blur());
    let missing = expected.count;
    for (let presses = 0; presses < 2 * expected.count + 10 && missing > 0; presses += 1) {
      await page.keyboard.press('Tab');
      missing = await page.evaluate(
        () => window.__controls.filter((e) => e.isConnected && !window.__focused.has(e)).length,
      );
    }
    // A tab list is one stop for Tab (a roving tabindex); its other tabs are reached with
    // the arrow keys, as the ARIA tabs pattern has it.
    for (const list of await page.locator('[role="tablist"]').all()) {
      const tabs = list.locator('[role="tab"]');
      await list.locator('[role="tab"][tabindex="0"]').focus();
      for (let step = 1; step < (await tabs.count()); step += 1) {
        await page.keyboard.press('ArrowRight');
      }
      // Back to the first tab, so a tab list that switches views leaves the next one shown.
      await page.keyboard.press('Home');
    }
    const { unreached, unseen } = await page.evaluate(() => ({
      // A control the page took away meanwhile (Show what is missing, once nothing is
      // missing) is not one Tab failed to reach.
      unreached: window.__controls
        .filter((e) => e.isConnected && !window.__focused.has(e))
        .map(window.__colour.describe),
      unseen: [...new Set(window.__unseenFocus)],
    }));
    assert.deepEqual(unreached, [], `controls Tab never reaches on ${spec.name}`);
    assert.deepEqual(unseen, [], `controls whose keyboard focus cannot be seen on ${spec.name}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// WCAG 1.4.11 (non-text contrast): a text field, select or text area is found by its edge,
// so its border, or else its fill, must stand out 3:1 from what surrounds it. axe does not
// check this.
for (const name of [
  'checker with findings',
  'scenario, filled and ready',
  'checker simulating a request with context',
  'scenario, checking an existing setup',
]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`form fields stand out 3:1 from their surroundings: ${name}, ${colorScheme}`, async () => {
      const spec = PAGES.find((p) => p.name === name);
      const { context, page, errors } = await openForAxe(spec, colorScheme);
      await page.addScriptTag({ content: COLOUR_HELPERS });
      const faint = await page.evaluate(() => {
        const { behind, describe, hex, over, parse, ratio } = window.__colour;
        const fields = [
          ...document.querySelectorAll('input[type="text"], input:not([type]), select, textarea'),
        ].filter((e) => e.checkVisibility());
        const found = [];
        const seen = new Set();
        const bordered = (x) => {
          const style = getComputedStyle(x);
          return parseFloat(style.borderTopWidth) >= 1 && style.borderTopStyle !== 'none';
        };
        for (const field of fields) {
          // A borderless field inside a bordered frame (the policy editor) has the frame's edge.
          let e = field;
          for (let up = field, depth = 0; up && depth < 3; up = up.parentElement, depth += 1) {
            if (bordered(up)) {
              e = up;
              break;
            }
          }
          const style = getComputedStyle(e);
          const around = behind(e.parentElement);
          const fill = behind(e);
          const border = bordered(e) ? over(parse(style.borderTopColor), around) : fill;
          const edge = Math.max(ratio(border, around), ratio(fill, around));
          if (edge < 3) {
            const line = `border ${hex(border)} / fill ${hex(fill)} on ${hex(around)}: ${edge.toFixed(2)}:1`;
            // One line per kind of field and colour combination, naming the first.
            if (!seen.has(`${field.tagName} ${line}`)) {
              seen.add(`${field.tagName} ${line}`);
              found.push(`${describe(field)}${e === field ? '' : ` in ${describe(e)}`}: ${line}`);
            }
          }
        }
        return { count: fields.length, found };
      });
      assert.ok(faint.count > 0);
      assert.deepEqual(faint.found, [], `fields whose edge is too faint (${colorScheme})`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
