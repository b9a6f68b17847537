// A survivor reports in Urdu with JavaScript on, keeps the receipt, follows up with it in
// Urdu digits, adds information and withdraws the report. Every request stays on the server
// and no cookie is set.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAccessible,
  assertNoCookies,
  assertOnlyLocal,
  launchBrowser,
  newContext,
  shot,
  startServer,
  toUrduDigits,
} from './support.mjs';
import {
  UR,
  fillUrduReport,
  lookUp,
  press,
  readReceipt,
  sendReport,
  statusLabel,
  tapChoice,
} from './steps.mjs';

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

test('report in Urdu with JavaScript on, then follow up, add and withdraw', async () => {
  const { context, requests } = await newContext(browser);
  const page = await context.newPage();

  const form = await page.goto(`${server.base}/ur/report`);
  assert.equal(form.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'ur');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

  await fillUrduReport(page);
  await shot(page, 'intake-js-filled');

  const answer = await sendReport(page);
  assert.equal(answer.status(), 200);
  // (The form's action ends in #problems, which the browser carries to the receipt: harmless.)
  assert.match(new URL(page.url()).pathname, /^\/ur\/report\/receipt\/[^/]+$/);
  const { digits } = await readReceipt(page);
  await shot(page, 'intake-js-receipt');
  await assertAccessible(page, 'the Urdu receipt page');

  // Shown once: the same address a second time finds nothing.
  const again = await page.reload();
  assert.equal(again.status(), 404, 'the receipt page could be shown twice');

  // Follow up, typing the receipt in Urdu digits.
  await page.goto(`${server.base}/ur/follow-up`);
  const urduDigits = toUrduDigits(digits);
  assert.notEqual(urduDigits, digits);
  await lookUp(page, urduDigits);
  assert.equal(await statusLabel(page), UR.statusNew);
  await assertAccessible(page, 'the Urdu follow-up status page');
  await shot(page, 'intake-js-status');

  // Add information.
  await page.locator('#text').fill('مزید: اس نے آج پھر پیغام بھیجا۔');
  const added = await press(page, UR.addSubmit);
  assert.equal(added.status(), 200);
  assert.equal((await page.getByRole('status').innerText()).trim(), UR.added);
  assert.equal(await statusLabel(page), UR.statusNew);

  // Withdrawing without ticking the confirmation box is refused, with a message.
  await press(page, UR.withdrawSubmit);
  assert.equal((await page.getByRole('alert').innerText()).trim(), UR.confirmWithdraw);
  assert.equal(await statusLabel(page), UR.statusNew);
  await shot(page, 'intake-js-withdraw-unconfirmed');

  // With the box ticked, it is withdrawn.
  await tapChoice(page, 'confirm');
  await press(page, UR.withdrawSubmit);
  assert.equal(await statusLabel(page), UR.statusWithdrawn);
  assert.equal((await page.getByRole('status').innerText()).trim(), UR.withdrawnDone);
  assert.equal(await page.getByRole('button', { name: UR.addSubmit }).count(), 0);
  await shot(page, 'intake-js-withdrawn');
  await assertAccessible(page, 'the Urdu page after a withdrawal');

  // Looking it up again later still says withdrawn.
  await page.goto(`${server.base}/ur/follow-up`);
  await lookUp(page, digits);
  assert.equal(await statusLabel(page), UR.statusWithdrawn);

  assertOnlyLocal(requests, server.port);
  await assertNoCookies(context);
  await context.close();
});

test('every choice row is a tap target at least 44 px tall, tappable anywhere', async () => {
  const { context, requests } = await newContext(browser, { viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/ur/report`);
  // The optional sections are folded: open each by tapping its heading.
  for (const summary of await page.locator('details.form-fold > summary').all()) {
    await summary.click();
  }

  const heights = await page.locator('.check').evaluateAll((rows) =>
    rows.map((row) => ({ id: row.querySelector('input').id, height: row.getBoundingClientRect().height })),
  );
  assert.ok(heights.length > 50, `only ${heights.length} choice rows`);
  const small = heights.filter((r) => r.height < 44);
  assert.deepEqual(small, [], 'choice rows shorter than 44 px');

  // A tap in the row's far corner, away from both the box and the words, still ticks it.
  const row = page.locator('.check', { has: page.locator('#platform-imo') });
  await row.scrollIntoViewIfNeeded();
  const box = await row.boundingBox();
  // In a right-to-left page the box is on the right: tap near the left edge.
  await page.mouse.click(box.x + 3, box.y + box.height - 3);
  assert.equal(await page.locator('#platform-imo').isChecked(), true, 'a tap on the row missed');

  for (const selector of ['a.quick-exit', '.report-form button[type="submit"]', '#what_happened', '#place']) {
    const b = await page.locator(selector).boundingBox();
    assert.ok(b.height >= 44, `${selector} is ${b.height} px tall`);
  }
  assertOnlyLocal(requests, server.port);
  await context.close();
});
