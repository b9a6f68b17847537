// The same report with JavaScript off (Tor Browser "Safest"): the form, the receipt and the
// follow-up all work as plain HTML forms.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoCookies, assertOnlyLocal, launchBrowser, newContext, shot, startServer } from './support.mjs';
import { UR, fillUrduReport, lookUp, press, readReceipt, sendReport, statusLabel } from './steps.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('report in Urdu with JavaScript off, then follow up with the words receipt', async () => {
  const { context, requests } = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const scripts = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));

  await page.goto(`${server.base}/ur/report`);
  await fillUrduReport(page);
  const answer = await sendReport(page);
  assert.equal(answer.status(), 200);
  assert.match(new URL(page.url()).pathname, /^\/ur\/report\/receipt\/[^/]+$/);
  const { words, digits } = await readReceipt(page);
  await shot(page, 'intake-nojs-receipt');

  // The follow-up link on the receipt page leads to the Urdu follow-up form.
  await Promise.all([page.waitForNavigation(), page.locator('.receipt-replies a.button').click()]);
  assert.equal(new URL(page.url()).pathname, '/ur/follow-up');

  // Typed by hand: upper case, spaces instead of hyphens.
  await lookUp(page, words.replaceAll('-', ' ').toUpperCase());
  assert.equal(await statusLabel(page), UR.statusNew);
  await shot(page, 'intake-nojs-status');

  await page.locator('#text').fill('ایک اور بات: اس نے نیا اکاؤنٹ بنا لیا ہے۔');
  await press(page, UR.addSubmit);
  assert.equal((await page.getByRole('status').innerText()).trim(), UR.added);

  // The digits form finds the same report.
  await page.goto(`${server.base}/ur/follow-up`);
  await lookUp(page, digits);
  assert.equal(await statusLabel(page), UR.statusNew);

  assert.deepEqual(scripts, [], 'a script was fetched with JavaScript off');
  assertOnlyLocal(requests, server.port);
  await assertNoCookies(context);
  await context.close();
});
