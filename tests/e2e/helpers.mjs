// Shared set-up for the browser tests: one headless Debian Chromium per test file, driven
// by playwright-core (which never downloads a browser), against the built dist/ served by
// scripts/e2e.sh. Every page records its requests, console errors and CSP violations so a
// test can assert the page stayed on its own origin and within its Content-Security-Policy.

import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.RAMPLAN_URL ?? 'http://127.0.0.1:8080/';
const ORIGIN = new URL(BASE_URL).origin;

// The flags proven on this machine kind; the sandbox cannot run as root in CI containers.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * Opens the app at `route` (the policy checker unless told) in a fresh context and waits
 * until the wasm app has rendered.
 * Returns the page plus what it was seen doing.
 */
export async function openApp(browser, { colorScheme = 'light', viewport, route = '#/check' } = {}) {
  const context = await browser.newContext({
    colorScheme,
    viewport: viewport ?? { width: 1280, height: 900 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  const seen = { requests: [], consoleErrors: [], pageErrors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      seen.consoleErrors.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  // Collected inside the page too: a CSP violation is reported as an event even when the
  // browser does not log it.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(route, BASE_URL).href);
  if (route === '#/check') {
    await waitForApp(page);
  } else {
    await page.locator('main').waitFor();
  }
  return { context, page, seen };
}

export async function waitForApp(page) {
  await page.locator('#policy').waitFor();
  await page.locator('#finding-count').waitFor();
}

/** Replaces the policy text the way a paste does (one `input` event). */
export async function setPolicy(page, text) {
  await page.locator('#policy').fill(text);
  await page.waitForFunction(
    (expected) => document.querySelector('#policy')?.value === expected,
    text,
  );
}

/** The finding item with this code, once it is on the page. */
export async function finding(page, code) {
  const item = page.locator(`li.finding[data-code="${code}"]`);
  await item.first().waitFor();
  return item;
}

/** Asserts the page stayed on its own origin and broke no CSP rule and logged no error. */
export async function assertCleanRun(page, seen) {
  const foreign = seen.requests.filter(
    (url) =>
      !url.startsWith(`${ORIGIN}/`) &&
      !url.startsWith('data:') &&
      // A Download button saves through a same-origin object URL.
      !url.startsWith(`blob:${ORIGIN}/`),
  );
  assert.deepEqual(foreign, [], 'requests outside the page origin');
  const violations = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(seen.consoleErrors, [], 'console errors or warnings');
  assert.deepEqual(seen.pageErrors, [], 'uncaught page errors');
}

/** The element id the page gives the input for a field path such as `grants[1].object_name`. */
export const inputId = (fieldPath) => `field-${fieldPath.replace(/[[.]/g, '-').replace(/]/g, '')}`;

/** Sets one input the way a person would: type, pick, or tick. */
export async function setField(page, fieldPath, value) {
  const input = page.locator(`[id="${inputId(fieldPath)}"]`);
  const kind = await input.evaluate((element) => `${element.tagName}:${element.type}`);
  if (kind === 'SELECT:select-one') {
    await input.selectOption(String(value));
  } else if (kind === 'INPUT:checkbox') {
    await input.setChecked(Boolean(value));
  } else {
    await input.fill(Array.isArray(value) ? value.join(', ') : String(value));
  }
}

/** Fills the scenario form from an input document, adding list groups as needed. */
export async function fillForm(page, input) {
  for (const [name, value] of Object.entries(input)) {
    if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
      const groups = page.locator(`.record-list[data-field="${name}"] > .record-group`);
      while ((await groups.count()) < value.length) {
        const before = await groups.count();
        await page.locator(`.record-list[data-field="${name}"] > .add-group`).click();
        await groups.nth(before).waitFor();
      }
      for (const [index, record] of value.entries()) {
        for (const [sub, subValue] of Object.entries(record)) {
          await setField(page, `${name}[${index}].${sub}`, subValue);
        }
      }
    } else {
      await setField(page, name, value);
    }
  }
}
