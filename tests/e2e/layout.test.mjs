// Layout on a phone (360×740) and a tablet (768×1024): no page scrolls sideways, and the
// controls a person needs (language toggle, page and file buttons, form inputs, links) are
// all on screen, unclipped, and clear of one another. In English and, on the phone, Chinese.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { assertCleanRun, fillForm, finding, launch, openApp, setPolicy } from './helpers.mjs';
import { SEVERAL } from './policies.mjs';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenarios',
);
const readJson = async (file) => JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8'));
const payload = (input) => `v1.${Buffer.from(JSON.stringify(input)).toString('base64url')}`;

// The trust policy the dataworks-emr scenario writes for the fixture's accounts.
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

const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  tablet: { width: 768, height: 1024 },
};

const SCENARIOS = {
  'dataworks-emr': 'valid-basic-hadoop',
  'dataworks-maxcompute': 'valid-account-name-columns',
  'dataworks-hologres': 'valid-custom-names',
  'dataworks-di': 'valid-hive',
  'emr-default-roles': 'valid-new-version',
  'emr-ecs-role': 'valid-old-version-read-write-prefix',
};
const validInput = (id) => readJson(`${id}/${SCENARIOS[id]}.input.json`);

/** Shows every artifact tab once, so the widest file has been on screen; ends on the first. */
async function showEveryFile(page, check) {
  const ids = await page
    .locator('button.tab[data-artifact]')
    .evaluateAll((tabs) => tabs.map((t) => t.dataset.artifact));
  for (const id of [...ids.slice(1), ids[0]]) {
    await page.locator(`button.tab[data-artifact="${id}"]`).click();
    await page.locator(`.tab-panel[data-artifact="${id}"]`).waitFor();
    await check(`file ${id}`);
  }
}

// Each page, how to open it, and the controls it must show.
const PAGES = [
  {
    name: 'home',
    route: '#/',
    main: 'main.home',
    ready: (page) => page.locator('#cards').waitFor(),
    must: ['.lang-option[data-lang="en"]', '.lang-option[data-lang="zh"]', '.brand-link', '.card-link'],
  },
  {
    name: 'checker',
    route: '#/check',
    main: 'main.checker',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await setPolicy(page, SEVERAL);
      await finding(page, 'RP601');
    },
    must: ['.lang-option[data-lang="en"]', '.lang-option[data-lang="zh"]', '#policy', '#kind', 'button.finding-target'],
  },
  ...Object.keys(SCENARIOS).map((id) => ({
    name: `scenario ${id}`,
    route: `#/scenario/${id}`,
    main: `main.scenario[data-scenario="${id}"][data-embed="false"]`,
    ready: async (page, check) => {
      await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
      await fillForm(page, await validInput(id));
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await page.locator('#copy-link').click();
      await page.locator('#link-status .link-ok').waitFor();
      await showEveryFile(page, check);
    },
    must: [
      '.lang-option[data-lang="en"]',
      '.lang-option[data-lang="zh"]',
      '#copy-link',
      '#clear-draft',
      '#download-all',
      'button.tab',
      '.tab-panel .copy-button',
      '.tab-panel .download-button',
      '.scenario-form input',
      '#steps input.step-done',
    ],
  })),
  {
    name: 'scenario with findings',
    route: '#/scenario/dataworks-hologres',
    main: 'main.scenario[data-scenario="dataworks-hologres"]',
    ready: async (page) => {
      // Its `instance_id` is a stray key the form has no input for.
      const { instance_id: _, ...input } = await readJson(
        'dataworks-hologres/invalid-names-and-uids.input.json',
      );
      await fillForm(page, input);
      await page.locator('#plan-status[data-ready="false"]').waitFor();
      await page.locator('li.field-finding[data-severity="error"]').first().waitFor();
      await page.locator('#copy-link').click();
      await page.locator('#link-status > *').waitFor();
    },
    must: ['.lang-option[data-lang="en"]', '.lang-option[data-lang="zh"]', '#copy-link', '#clear-draft', 'li.field-finding'],
  },
  // simulate and existing
  {
    name: 'checker simulating a request',
    route: '#/check',
    main: 'main.checker',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await setPolicy(page, SEVERAL.replace('"Resource": "*"', '"Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}'));
      await page.locator('#sim-action').fill('oss:GetObject');
      await page.locator('#sim-resource').fill('acs:oss:*:*:my-bucket/a-rather-long-object-key/with/several/levels.txt');
      for (const [row, value] of ['192.168.0.1', '10.1.2.3'].entries()) {
        await page.locator('#sim-add-context').click();
        await page.locator(`#sim-key-${row}`).fill('acs:SourceIp');
        await page.locator(`#sim-value-${row}`).fill(value);
      }
      await page.locator('#sim-decision[data-decision="allow"]').waitFor();
    },
    must: ['#sim-action', '#sim-resource', '#sim-key-1', '#sim-value-1', '.sim-remove', '#sim-add-context', 'button.sim-statement-target'],
  },
  {
    name: 'checker simulating a trust policy',
    route: '#/check',
    main: 'main.checker',
    ready: async (page) => {
      await page.locator('#policy').waitFor();
      await page.locator('#kind').selectOption('trust');
      await setPolicy(page, DATAWORKS_TRUST);
      await page.locator('#sim-principal').fill('1234567890123456@engine.dataworks.aliyuncs.com');
      await page.locator('#sim-nearest-miss').waitFor();
    },
    must: ['#sim-principal', '#sim-add-context', 'button.sim-statement-target'],
  },
  ...['dataworks-emr', 'emr-ecs-role'].map((id) => ({
    name: `scenario ${id}, checking an existing setup`,
    route: `#/scenario/${id}`,
    main: `main.scenario[data-scenario="${id}"]`,
    ready: async (page) => {
      await page.locator(`main.scenario[data-scenario="${id}"]`).waitFor();
      await fillForm(page, await validInput(id));
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await page.locator('#view-existing').click();
      await page.locator('#existing-trust').fill(DATAWORKS_TRUST.replace('@emr.', '@engine.'));
      await page.locator('#existing-status[data-satisfied="false"]').waitFor();
      await page.locator('#existing-findings li.finding').first().waitFor();
    },
    must: ['#view-plan', '#view-existing', '#existing-trust', '#existing-trust-kind', '#existing-checks'],
  })),
  // end simulate and existing
  // builder
  {
    name: 'builder',
    route: '#/build',
    main: 'main.builder',
    ready: async (page) => {
      await page.locator('main.builder #policy').waitFor();
      await setPolicy(
        page,
        `{"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["a-rather-long-service-name.aliyuncs.com"]}, "Action": "sts:AssumeRole", "Resource": "*"}, {"Effect": "Allow", "Action": ["oss:GetObjectt", "oss:ListObjects"], "Resource": ["acs:oss:*:*:a-rather-long-bucket-name-for-layout/with/a/long/prefix/*"], "Condition": {"IpAddress": {"acs:SourceIp": ["203.0.113.0/24"]}}}]}`,
      );
      await page.locator('#card-1 li.finding[data-target="action"]').first().waitFor();
      await page.locator('#card-1-action-search').fill('Object');
      await page.locator('#card-1-action-results li[role="option"]').first().waitFor();
      await page.locator('#template').selectOption('oss-folder');
      await page.locator('#templates[data-template="oss-folder"]').waitFor();
      await page.locator('#template-param-bucket').fill('examplebucket');
      await page.locator('#template-param-dir').fill('team/reports');
      await page.locator('#template-explanations li').nth(4).waitFor();
    },
    must: ['#add-statement', '#card-1-effect', '#card-1-service', '#card-1-action-search', '.chip-remove', '#card-1-arn-shape', '#card-1-add-condition', '#card-0-raw', '#template', '#template-append', '#builder-policy-copy', '#builder-policy-download'],
  },
  // end builder
  ...Object.keys(SCENARIOS).map((id) => ({
    name: `embed ${id}`,
    route: `#/embed/${id}`,
    main: `main.scenario[data-scenario="${id}"][data-embed="true"]`,
    embedInput: id,
    ready: async (page, check) => {
      await page.locator(`main.scenario[data-embed="true"][data-scenario="${id}"]`).waitFor();
      await page.locator('#plan-status[data-ready="true"]').waitFor();
      await showEveryFile(page, check);
    },
    must: ['#download-all', 'button.tab', '.tab-panel .copy-button', '.tab-panel .download-button', '.scenario-form input'],
  })),
];

// Everything a person may need to see, tap or type into, wherever it is on the page.
const CONTROLS = [
  '.lang-option',
  '.brand-link',
  '.breadcrumb a',
  'main a[href]',
  'main button',
  'main input',
  'main select',
  'main textarea',
  '.severity',
  '.file-name',
].join(', ');

/** What is wrong with the layout right now, as readable lines; empty when all is well. */
const layoutProblems = (page, must) =>
  page.evaluate(
    ({ selector, must }) => {
      const problems = [];
      const name = (e) =>
        `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${
          typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''
        }${e.dataset.artifact ? `[data-artifact=${e.dataset.artifact}]` : ''}${
          e.dataset.lang ? `[data-lang=${e.dataset.lang}]` : ''
        } "${(e.textContent || e.value || '').trim().slice(0, 30)}"`;
      const scroller = document.scrollingElement;
      if (scroller.scrollWidth > scroller.clientWidth) {
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > scroller.clientWidth + 0.5)
          .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= scroller.clientWidth + 0.5)
          .slice(0, 5)
          .map((e) => `${name(e)} ends at ${Math.round(e.getBoundingClientRect().right)}px`);
        problems.push(
          `the page scrolls sideways: scrollWidth ${scroller.scrollWidth} > clientWidth ${scroller.clientWidth}; ${wide.join('; ')}`,
        );
      }
      for (const m of must) {
        if (![...document.querySelectorAll(m)].some((e) => e.checkVisibility())) {
          problems.push(`no visible ${m}`);
        }
      }
      const viewWidth = scroller.clientWidth;
      const controls = [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility());
      const boxes = new Map(controls.map((e) => [e, e.getBoundingClientRect()]));
      for (const [e, r] of boxes) {
        if (r.width < 1 || r.height < 1) {
          problems.push(`${name(e)} has no size (${r.width}×${r.height})`);
          continue;
        }
        if (r.left < -0.5 || r.right > viewWidth + 0.5) {
          problems.push(`${name(e)} is off screen: ${Math.round(r.left)}..${Math.round(r.right)} of ${viewWidth}px`);
        }
        // Cut off by a scrolling or clipping box around it?
        for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
            const c = a.getBoundingClientRect();
            if (r.left < c.left - 0.5 || r.right > c.right + 0.5) {
              problems.push(`${name(e)} is cut off by ${name(a)}`);
            }
          }
        }
        // Text or children wider than the control itself spill out of it.
        if (e.matches('button, .severity') && e.scrollWidth > e.clientWidth + 1) {
          problems.push(`${name(e)}: its label (${e.scrollWidth}px) is wider than it (${e.clientWidth}px)`);
        }
      }
      // A step's values stay readable: not squeezed into a sliver beside a long name.
      for (const dd of document.querySelectorAll('.step-parameters dd')) {
        if (dd.checkVisibility() && dd.getBoundingClientRect().width < 96) {
          problems.push(`${name(dd)} is only ${Math.round(dd.getBoundingClientRect().width)}px wide`);
        }
      }
      // No two controls on top of each other (a control may contain another, e.g. a finding
      // button holds its severity chip).
      for (let i = 0; i < controls.length; i += 1) {
        for (let j = i + 1; j < controls.length; j += 1) {
          const [a, b] = [controls[i], controls[j]];
          if (a.contains(b) || b.contains(a)) continue;
          const [ra, rb] = [boxes.get(a), boxes.get(b)];
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 1 && h > 1) {
            problems.push(`${name(a)} and ${name(b)} overlap by ${Math.round(w)}×${Math.round(h)}px`);
          }
        }
      }
      return problems;
    },
    { selector: CONTROLS, must },
  );

const RUNS = [
  ['phone', 'en'],
  ['phone', 'zh'],
  ['tablet', 'en'],
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// One browser tab per device and language, going from page to page by hash as links do
// (the app renders the same either way, and a fresh load per page would be slow).
for (const [device, lang] of RUNS) {
  describe(`on a ${device} (${lang})`, () => {
    let session;
    before(async () => {
      session = await openApp(browser, { viewport: VIEWPORTS[device], route: '#/' });
      if (lang === 'zh') {
        await session.page.locator('button[data-lang="zh"]').click();
        await session.page.locator('html[lang="zh-Hans"]').waitFor({ state: 'attached' });
      }
    });
    after(async () => {
      await assertCleanRun(session.page, session.seen);
      await session.context.close();
    });

    for (const spec of PAGES) {
      test(`layout: ${spec.name}`, async () => {
        const { page } = session;
        const route = spec.embedInput
          ? `${spec.route}?s=${payload(await validInput(spec.embedInput))}`
          : spec.route;
        await page.evaluate((hash) => {
          location.hash = hash;
        }, route);
        await page.locator(spec.main).waitFor();
        const problems = [];
        const check = async (where) => {
          for (const line of await layoutProblems(page, [])) problems.push(`${where}: ${line}`);
        };
        await check('opened');
        await spec.ready(page, check);
        for (const line of await layoutProblems(page, spec.must)) problems.push(`ready: ${line}`);
        assert.deepEqual([...new Set(problems)], [], `layout problems on ${spec.name}`);
      });
    }
  });
}
