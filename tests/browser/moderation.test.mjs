// A survivor reports in Urdu through the public form, naming herself and the man who
// blackmails her and giving his phone number. The admin signs in for the first time (one-time
// password replaced, authenticator app set up from the QR page, TOTP code), finds the report
// in the inbox, opens the review page, keeps the engine's suggested redactions, codes the case
// and publishes it. The public story page then shows none of the personal data. Every page of
// the workspace passes axe-core and no request leaves the server.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAccessible,
  assertOnlyLocal,
  launchBrowser,
  newContext,
  shot,
  startServer,
  totpCode,
} from './support.mjs';
import { fillUrduReport, readReceipt, sendReport } from './steps.mjs';

const NAME = 'عائشہ بی بی';
const OFFENDER = 'کامران شاہ';
const PHONE = '0300-1234567';
const STORY =
  `میرا نام ${NAME} ہے۔ میرے سابق منگیتر ${OFFENDER} نے میری تصاویر لے کر مجھے واٹس ایپ پر ` +
  `دھمکیاں دیں کہ اگر میں نے پیسے نہ دیے تو وہ یہ تصاویر فیس بک پر ڈال دے گا۔ اس کا نمبر ${PHONE} ہے۔ ` +
  'میں بہت ڈری ہوئی ہوں۔';
const NEW_PASSWORD = 'a long and private passphrase';

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

async function submitAndWait(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return response;
}

test('a moderator signs in with TOTP, redacts, codes and publishes an Urdu report', async () => {
  assert.ok(server.adminPassword, 'serve --demo printed the admin one-time password');

  // The survivor: Urdu form, JavaScript on, a district in Gilgit-Baltistan (no demo report
  // is there, so the inbox filter finds only this one).
  const survivor = await newContext(browser);
  const form = await survivor.context.newPage();
  await form.goto(`${server.base}/ur/report`);
  await fillUrduReport(form, { text: STORY, evidence: false });
  await form.locator('#place').selectOption('pk-gb-gilgit');
  assert.equal((await sendReport(form)).status(), 200);
  await readReceipt(form);
  await survivor.context.close();

  // The admin's first sign-in.
  const { context, requests } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/admin/login`);
  await assertAccessible(page, 'the sign-in page');
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill(server.adminPassword);
  await submitAndWait(page, page.locator('form.stack-form button[type=submit]'));
  assert.equal(new URL(page.url()).pathname, '/admin/login/password');
  await page.locator('#new_password').fill(NEW_PASSWORD);
  await page.locator('#repeat').fill(NEW_PASSWORD);
  await submitAndWait(page, page.locator('form.stack-form button[type=submit]'));
  assert.equal(new URL(page.url()).pathname, '/admin/login/enrol');
  assert.equal(await page.locator('figure.totp-qr svg').count(), 1, 'the QR code is drawn inline');
  await assertAccessible(page, 'the enrolment page');
  await shot(page, 'admin-enrol');
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  await page.locator('#code').fill(totpCode(secret));
  await submitAndWait(page, page.locator('form.stack-form button[type=submit]'));
  assert.equal(new URL(page.url()).pathname, '/admin/inbox');

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === '__Host-naqsha-staff');
  assert.ok(session, `a __Host- session cookie: ${cookies.map((c) => c.name)}`);
  assert.equal(session.httpOnly, true);
  assert.equal(session.secure, true);
  assert.equal(session.sameSite, 'Strict');
  await assertAccessible(page, 'the inbox');

  // The inbox, filtered to the survivor's province, has her report and shows no raw text.
  await page.goto(`${server.base}/admin/inbox?province=pk-gb`);
  const body = await page.locator('main').innerText();
  assert.ok(!body.includes(NAME) && !body.includes(PHONE), 'the inbox shows no report text');
  // Rows link to their review page from the arrival time; other links are hints.
  const links = page.locator('a[href^="/admin/submissions/"]:has(time)');
  assert.equal(await links.count(), 1, 'one report from Gilgit-Baltistan');
  await submitAndWait(page, links.first());

  // The review page: the name and the number are highlighted as suggested redactions.
  assert.match(new URL(page.url()).pathname, /^\/admin\/submissions\/[0-9a-f-]+$/);
  const raw = await page.locator('#raw-text').innerText();
  assert.ok(raw.includes(PHONE), 'the raw report is shown to the moderator');
  const marked = await page.locator('#raw-text mark.sugg').allInnerTexts();
  assert.ok(marked.some((m) => m.includes('1234567')), `the phone is suggested: ${marked}`);
  assert.ok(marked.some((m) => m.includes('عائشہ')), `the name is suggested: ${marked}`);
  await assertAccessible(page, 'the review page');
  await shot(page, 'admin-review');

  // Accept every suggestion (they start accepted), code the case, write an Urdu title; the
  // Urdu text starts as the report with the redactions applied.
  const suggestions = await page.locator('#suggestions input[value=accept]').count();
  assert.ok(suggestions >= 2, `${suggestions} suggestions`);
  for (let i = 0; i < suggestions; i += 1) {
    assert.equal(await page.locator('#suggestions input[value=accept]').nth(i).isChecked(), true);
  }
  const draft = await page.locator('#text_ur').inputValue();
  assert.ok(!draft.includes(PHONE) && !draft.includes('عائشہ'), `the draft is redacted: ${draft}`);
  await page.locator('#title_ur').fill('واٹس ایپ پر تصاویر کے ذریعے بلیک میلنگ');
  await page.locator('input[name="label.kind"][value="intimate_partner_violence"]').check();
  await page.locator('input[name="label.act"][value="blackmail_sextortion"]').check();
  await submitAndWait(page, page.locator('button[name=action][value=publish]'));
  const storyLink = page.locator('a[href^="/stories/"]');
  assert.equal(await storyLink.count(), 1, `published: ${await page.locator('main').innerText()}`);
  const storyPath = await storyLink.getAttribute('href');
  await assertAccessible(page, 'the review page after publishing');

  // The public story, in Urdu and English: none of the personal data of the report.
  for (const path of [storyPath.replace('/stories/', '/ur/stories/'), storyPath]) {
    const res = await page.goto(`${server.base}${path}`);
    assert.equal(res.status(), 200, path);
    const html = await page.content();
    for (const secretText of [NAME, 'عائشہ', OFFENDER, PHONE, '1234567']) {
      assert.ok(!html.includes(secretText), `${path} contains ${secretText}`);
    }
  }
  assert.ok(
    (await page.content()).includes('واٹس ایپ پر تصاویر کے ذریعے بلیک میلنگ') ||
      (await page.goto(`${server.base}${storyPath.replace('/stories/', '/ur/stories/')}`),
      (await page.content()).includes('واٹس ایپ پر تصاویر کے ذریعے بلیک میلنگ')),
    'the Urdu title is published',
  );

  // The admin's other pages: news feeds (with a refused form, which re-renders with its
  // values) and the audit log.
  await page.goto(`${server.base}/admin/feeds`);
  await assertAccessible(page, 'the news feeds page');
  // A URL the browser accepts and the server refuses (feeds are http or https).
  await page.locator('#feed-url').fill('ftp://news.example.org/feed.xml');
  await page.locator('#feed-name').fill('Daily Example');
  await submitAndWait(page, page.locator('form[action="/admin/feeds"] button[type=submit]'));
  assert.equal(await page.locator('#feed-url').inputValue(), 'ftp://news.example.org/feed.xml');
  assert.equal(await page.locator('#feed-name').inputValue(), 'Daily Example');
  assert.equal(await page.locator('.form-error[role=alert]').count(), 1, 'the error is shown');
  await assertAccessible(page, 'the news feeds page with a refused form');
  await page.goto(`${server.base}/admin/audit`);
  await assertAccessible(page, 'the audit log');

  // The workspace in Urdu: right to left, and still accessible.
  await page.goto(`${server.base}/admin/inbox`);
  await submitAndWait(page, page.locator('form[action="/admin/lang"] button'));
  assert.equal(new URL(page.url()).pathname, '/admin/inbox');
  assert.equal(await page.getAttribute('html', 'lang'), 'ur');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await assertAccessible(page, 'the Urdu inbox');
  await shot(page, 'admin-inbox-ur');
  await page.goto(`${server.base}/admin/feeds`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await assertAccessible(page, 'the Urdu news feeds page');

  // Signing out ends the session: the workspace asks for a sign-in again.
  await submitAndWait(page, page.locator('form[action="/admin/logout"] button'));
  assert.equal(new URL(page.url()).pathname, '/admin/login');
  await page.goto(`${server.base}/admin/inbox`);
  assert.equal(new URL(page.url()).pathname, '/admin/login');

  assertOnlyLocal(requests, server.port);
  await context.close();
});
