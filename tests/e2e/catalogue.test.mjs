// The full service catalogue arrives after the page starts, and the checker reads OSS bucket
// policies as their own kind.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertCleanRun, finding, launch, openApp, setPolicy } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const policy = (statement) =>
  `{\n  "Version": "1",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

test('services beyond the curated 19 are known once the catalogue is in, and typos are named', async () => {
  const { page, seen, context } = await openApp(browser);
  await setPolicy(
    page,
    policy(
      '{"Effect": "Allow", "Action": ["slb:DescribeLoadBalancers", "cms:DescribeMetricList", "sbl:DescribeLoadBalancers"], "Resource": "*"}',
    ),
  );
  // The one unknown code is the typo, with the real code as the suggestion.
  const unknown = await finding(page, 'RP205');
  await page.waitForFunction(() => !document.querySelector('#catalogue-note'));
  assert.equal(await unknown.count(), 1);
  assert.match(await unknown.textContent(), /sbl is not the RAM code[\s\S]*did you mean slb\?/);
  // A resource type spelt in the wrong case is caught for a service whose types are known.
  await setPolicy(
    page,
    policy('{"Effect": "Allow", "Action": "log:PostLogStoreLogs", "Resource": "acs:log:*:*:project/app/Logstore/events"}'),
  );
  const type = await finding(page, 'RP307');
  assert.match(await type.textContent(), /project\/app\/logstore\/events/);
  await assertCleanRun(page, seen);
  await context.close();
});

test('a bucket policy is recognised, and public access is a security finding', async () => {
  const { page, seen, context } = await openApp(browser);
  await setPolicy(
    page,
    policy(
      '{"Effect": "Allow", "Action": ["oss:GetObject"], "Principal": ["*"], "Resource": ["acs:oss:*:1234567890123456:examplebucket/*"]}',
    ),
  );
  const item = await finding(page, 'RP509');
  assert.equal(await item.getAttribute('data-severity'), 'security');
  await page.locator('#kind-detected[data-kind="bucket-policy"]').waitFor();
  assert.equal(await page.locator('li.finding[data-code="RP502"]').count(), 0);
  // The simulator asks for the requester and answers for an anonymous one.
  await page.locator('#sim-action').fill('oss:GetObject');
  await page.locator('#sim-resource').fill('acs:oss:*:1234567890123456:examplebucket/a.txt');
  await page.locator('#sim-decision[data-decision="allow"]').waitFor();
  // The kind can be chosen by hand too.
  await page.locator('#kind').selectOption('bucket-policy');
  await page.locator('#kind option[value="bucket-policy"]:checked').waitFor({ state: 'attached' });
  await assertCleanRun(page, seen);
  await context.close();
});
