// The moderation queue of responses (/admin/responses) against the demo's waiting responses
// (crates/naqsha/src/demo/responses.rs: five messages, one with a made-up phone number, and
// a troll wave of 8 near-identical flagged copies), on a 360 px phone. With JavaScript on
// (axe needs it), in English and Urdu: the queue and one response pass axe and fit the
// screen. With JavaScript off, in Urdu: the wave is rejected as one group, the clean ones
// approved in bulk, and the one with personal data approved alone after the number is
// removed from it. No request leaves the server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAccessible,
  assertOnlyLocal,
  firstAdminSignIn,
  launchBrowser,
  newContext,
  shot,
  startServer,
} from './support.mjs';

const NEW_PASSWORD = 'a long and private passphrase';
const PHONE = '0300-7654321';
const PHONE_LINE = `[demo] What helped me was calling Rukhsana Baig on ${PHONE}, she knows a lawyer.`;
const EDITED = '[demo] What helped me was calling a lawyer a friend knew.';

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

/** Visible text without the Unicode isolates Urdu messages wrap their values in. */
const plain = (s) => s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

const go = (page, locator) => Promise.all([page.waitForNavigation(), locator.click()]);

async function fitsThePhone(page, label) {
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    `${label} fits a 360 px phone without sideways scrolling`,
  );
}

test('the responses queue: a wave rejected as one group, bulk approval, one approved after an edit', async () => {
  const phone = { viewport: { width: 360, height: 800 } };
  // JavaScript on: sign in, look at the queue in English and Urdu, check it with axe.
  const withJs = await newContext(browser, phone);
  const page = await withJs.context.newPage();
  await firstAdminSignIn(page, server, NEW_PASSWORD);
  const menuLink = page.locator('.site-nav a[href="/admin/responses"]');
  assert.equal(plain(await menuLink.innerText()), 'Responses (13 waiting)');
  await go(page, menuLink);
  assert.equal(plain(await page.locator('#queue-count').innerText()), '13 responses waiting (8 flagged).');
  const group = page.locator('.response-group');
  assert.equal(await group.count(), 1, 'the wave is one entry');
  assert.equal(plain(await group.locator('.response-group__summary').innerText()), '8 near-identical responses');
  assert.equal(await page.locator('.response-entry').count(), 6);
  // The number is highlighted and the response marked to be checked.
  const marked = page.locator('article.response--check', { hasText: PHONE });
  assert.equal(await marked.count(), 1);
  assert.ok((await marked.locator('mark.sugg').allInnerTexts()).some((t) => t.includes(PHONE)));
  // The creative response's link is text, never a link out.
  assert.equal(await page.locator('a[href^="https://video.example.org"]').count(), 0);
  assert.equal(
    (await page.locator('.response-link').innerText()).trim(),
    'https://video.example.org/sixteen-days',
  );
  await fitsThePhone(page, 'the English queue');
  await assertAccessible(page, 'the English queue');
  await shot(page, 'admin-responses-en');
  const oneHref = await marked.locator('a.response-check').getAttribute('href');
  await page.goto(`${server.base}${oneHref}`);
  await fitsThePhone(page, 'one response');
  await assertAccessible(page, 'one response (English)');

  // Urdu.
  await page.goto(`${server.base}/admin/responses`);
  await go(page, page.locator('form[action="/admin/lang"] button'));
  await page.goto(`${server.base}/admin/responses`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal((await page.locator('h1').innerText()).trim(), 'منتظر جوابات');
  assert.equal(plain(await page.locator('.response-group__summary').innerText()), '8 تقریباً ایک جیسے جوابات');
  // An English response keeps its direction inside the Urdu page.
  assert.equal(await marked.locator('.response-text').getAttribute('dir'), 'ltr');
  await fitsThePhone(page, 'the Urdu queue');
  await assertAccessible(page, 'the Urdu queue');
  await shot(page, 'admin-responses-ur');
  await page.goto(`${server.base}${oneHref}`);
  await assertAccessible(page, 'one response (Urdu)');

  // JavaScript off, the same session (in Urdu now): the decisions.
  const noJs = await newContext(browser, { ...phone, javaScriptEnabled: false });
  await noJs.context.addCookies(await withJs.context.cookies());
  const form = await noJs.context.newPage();
  await form.goto(`${server.base}/admin/responses`);
  assert.equal(await form.getAttribute('html', 'lang'), 'ur');

  // The wave, rejected at once.
  await go(form, form.locator('.response-group__actions button[value="reject"]'));
  assert.equal(plain(await form.locator('#queue-notice').innerText()), '8 مسترد ہوئے');
  assert.equal(await form.locator('.response-group').count(), 0);
  assert.equal(await form.locator('.response-reject-flagged').count(), 0, 'no flagged response waits');

  // Every remaining one ticked and approved in bulk: the one with the number stays waiting.
  for (const box of await form.locator('input[form="bulk"][name="id"]').all()) await box.check();
  await go(form, form.locator('#bulk button[value="approve"]'));
  const said = plain(await form.locator('#queue-notice').innerText());
  assert.ok(said.includes('منظور'), said);
  assert.ok(said.includes('منتظر'), `personal data is held back: ${said}`);
  assert.equal(await form.locator('article.response', { hasText: PHONE }).count(), 1);

  // Alone, with the number edited out, then approved.
  await go(form, form.locator('article.response', { hasText: PHONE }).locator('a.response-check'));
  assert.equal((await form.locator('#text').inputValue()).trim(), PHONE_LINE);
  await form.locator('#text').fill(EDITED);
  await go(form, form.locator('.response-decide button[value="approve"]'));
  assert.equal(plain(await form.locator('#queue-notice').innerText()), '1 منظور ہوا');
  assert.ok((await form.locator('article.response', { hasText: PHONE }).count()) === 0);

  assertOnlyLocal(withJs.requests, server.port);
  assertOnlyLocal(noJs.requests, server.port);
  await noJs.context.close();
  await withJs.context.close();
});
