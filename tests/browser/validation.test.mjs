// A mistake in the form (a month without a year) brings the form back in Urdu with the
// message in words, at the top and beside the field, and with everything typed still there;
// fixing it sends the report.

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
} from './support.mjs';
import { UR, URDU_STORY, fillUrduReport, readReceipt, reveal, sendReport } from './steps.mjs';

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

for (const javaScriptEnabled of [true, false]) {
  test(`a validation error keeps every value (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
    const { context, requests } = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${server.base}/ur/report`);
    // With JavaScript on the form also carries a file, which must be kept for the retry.
    await fillUrduReport(page, { evidence: javaScriptEnabled });
    await page.locator('#month').selectOption('3');
    await page.locator('#place_text').fill('شاہدرہ');
    await reveal(page, '#contact_email');
    await page.locator('#contact_email').fill('someone@example.org');

    const answer = await sendReport(page);
    assert.equal(answer.status(), 422);
    assert.equal(new URL(page.url()).pathname, '/ur/report');
    assert.equal(await page.getAttribute('html', 'lang'), 'ur');

    // The summary at the top, in Urdu, scrolled to without JavaScript (the #problems fragment).
    const summary = page.locator('.error-summary');
    assert.equal((await summary.locator('h2').innerText()).trim(), UR.problemsHeading);
    assert.equal((await summary.locator('a[href="#field-when"]').innerText()).trim(), UR.whenIncomplete);
    assert.equal(new URL(page.url()).hash, '#problems');
    const box = await summary.boundingBox();
    assert.ok(box.y >= 0 && box.y < 200, `the summary is not in view (top at ${box.y} px)`);

    // The message beside the field, tied to it for screen readers.
    const fieldError = page.locator('#field-when .field-error');
    assert.equal(await fieldError.isVisible(), true);
    assert.equal((await fieldError.innerText()).trim(), UR.whenIncomplete);
    assert.match(await page.locator('#field-when').getAttribute('aria-describedby'), /\bwhen-error\b/);
    assert.equal(await page.locator('#month').getAttribute('aria-invalid'), 'true');

    // Every value kept.
    assert.equal(await page.locator('#what_happened').inputValue(), URDU_STORY);
    assert.equal(await page.locator('#month').inputValue(), '3');
    assert.equal(await page.locator('#year').inputValue(), '');
    assert.equal(await page.locator('#place').inputValue(), 'pk-pb-lahore');
    assert.equal(await page.locator('#place_text').inputValue(), 'شاہدرہ');
    assert.equal(await page.locator('#contact_email').inputValue(), 'someone@example.org');
    for (const id of ['platform-whatsapp', 'act-blackmail_sextortion', 'whose-own', 'consent-publish']) {
      assert.equal(await page.locator(`#${id}`).isChecked(), true, `${id} was not kept`);
    }
    const js = javaScriptEnabled ? 'js' : 'nojs';
    await shot(page, `validation-${js}-top`, { fullPage: false });
    await page.locator('#field-when').scrollIntoViewIfNeeded();
    await shot(page, `validation-${js}-field`, { fullPage: false });
    if (javaScriptEnabled) {
      assert.match(await page.locator('.kept').innerText(), /\(1\)/, 'the evidence file was not kept');
    }
    if (javaScriptEnabled) {
      await assertAccessible(page, 'the Urdu form with a validation error');
    }

    // Fixed, it goes through.
    // Last year: March of it is always in the past.
    await page.locator('#year').selectOption(String(new Date().getFullYear() - 1));
    const fixed = await sendReport(page);
    assert.equal(fixed.status(), 200);
    await readReceipt(page);

    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });
}
