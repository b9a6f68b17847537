// Responses to a story (issue 20), in English and Urdu, with JavaScript off and on, on a
// 360 px phone: a reader finds the form under a demo story, sends a message (first without
// her words: the form comes back with what she chose and typed, and the message beside the
// field), is sent to her receipt, shown once, which says it waits for a moderator; the story
// does not show it; on the page for her responses she types the receipt, sees it waiting, and
// deletes it. In a flood (forced by the setting) the proof-of-work script fills the form
// before it is sent. axe-core on every page with JavaScript on; no foreign request, no cookie.

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
import { readReceipt, tapChoice } from './steps.mjs';

/** Strings the test looks for (crates/naqsha/i18n/public/responses.*.toml). */
const LANGS = [
  {
    code: 'en',
    prefix: '',
    dir: 'ltr',
    words: 'You are not alone. What happened was not your fault.',
    textRequired: 'Please write your response.',
    receiptTitle: 'Your response was received',
    pending: 'Waiting for a moderator',
    deleted: 'Your response was deleted, with anything published from it.',
  },
  {
    code: 'ur',
    prefix: '/ur',
    dir: 'rtl',
    words: 'آپ اکیلی نہیں ہیں۔ جو ہوا اس میں آپ کا کوئی قصور نہیں۔ ہیلپ لائن 0800-39393',
    textRequired: 'براہِ کرم اپنا جواب لکھیں۔',
    receiptTitle: 'آپ کا جواب مل گیا',
    pending: 'ماڈریٹر کا انتظار',
    deleted: 'آپ کا جواب، اور اس سے شائع ہونے والی ہر چیز، مٹا دی گئی۔',
  },
];

let server;
let flooded;
let browser;

before(async () => {
  // Each test is a reader on a network of her own (as behind the deployment's proxy), so the
  // per-network limit of one does not throttle the next.
  server = await startServer({ config: '[server]\nclient_ip_header = "X-Forwarded-For"\n' });
  flooded = await startServer({ config: '[intake]\nforce_flood = true\n' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await flooded?.stop();
});

/** The address of a published demo story on `srv` (read off its home page). */
async function aStory(srv) {
  const html = await (await fetch(`${srv.base}/`)).text();
  const m = html.match(/href="(\/stories\/[0-9a-f-]+)"/);
  assert.ok(m, 'the home page links to a story');
  return m[1];
}

const go = (page, locator) => Promise.all([page.waitForNavigation(), locator.click()]);

/** The page never scrolls sideways at 360 px. */
async function assertFits(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
}

let network = 0;
for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'on' : 'off';
  for (const lang of LANGS) {
    network += 1;
    const address = `10.${network}.0.1`;
    test(`${lang.code}: respond, read the receipt once, find it waiting and delete it, JavaScript ${mode}`, async () => {
      const { context, requests } = await newContext(browser, {
        javaScriptEnabled,
        viewport: { width: 360, height: 800 },
        extraHTTPHeaders: { 'X-Forwarded-For': address },
      });
      const page = await context.newPage();
      const story = `${lang.prefix}${await aStory(server)}`;
      await page.goto(`${server.base}${story}`);
      assert.equal(await page.getAttribute('html', 'dir'), lang.dir);
      const form = page.locator('form.respond-form');
      assert.equal(await form.count(), 1, 'the form is under the story');
      await assertFits(page);
      if (javaScriptEnabled) await assertAccessible(page, `${story} (responses)`);

      // Sent without words: it comes back with her choice and her pseudonym kept.
      await tapChoice(page, 'respond-kind-helped');
      await page.locator('#respond-pseudonym').fill('Noor');
      await page.locator('#respond-text').evaluate((t) => t.removeAttribute('required'));
      const again = await go(page, form.locator('button[type=submit]'));
      assert.equal(again[0].status(), 422);
      assert.equal(
        (await page.locator('#respond-field-text .field-error').innerText()).trim(),
        lang.textRequired,
      );
      assert.ok(await page.locator('#respond-kind-helped').isChecked());
      assert.equal(await page.locator('#respond-pseudonym').inputValue(), 'Noor');
      await assertFits(page);
      if (javaScriptEnabled) await assertAccessible(page, `${story} (form with an error)`);
      await shot(page, `responses-form-error-${lang.code}-js-${mode}`);

      // With her words: to the receipt, which says it waits for a moderator.
      await tapChoice(page, 'respond-kind-support');
      await page.locator('#respond-text').fill(lang.words);
      const [sent] = await go(page, page.locator('form.respond-form button[type=submit]'));
      assert.equal(sent.status(), 200);
      const receiptUrl = page.url();
      assert.ok(new URL(receiptUrl).pathname.startsWith(`${lang.prefix}/respond/receipt/`));
      assert.equal((await page.locator('h1').innerText()).trim(), lang.receiptTitle);
      const receipt = await readReceipt(page);
      await assertFits(page);
      if (javaScriptEnabled) await assertAccessible(page, 'response receipt');
      await shot(page, `responses-receipt-${lang.code}-js-${mode}`);

      // Shown once (asked for again in another tab: the form's fragment stays on this one).
      const other = await context.newPage();
      const second = await other.goto(receiptUrl.split('#')[0]);
      assert.equal(second.status(), 404);
      await other.close();

      // Not public.
      await page.goto(`${server.base}${story}`);
      assert.ok(!(await page.locator('#responses').innerText()).includes(lang.words.slice(0, 12)));

      // The page for her responses, from the link under the form.
      await go(page, page.locator('.responses__manage a'));
      assert.equal(new URL(page.url()).pathname, `${lang.prefix}/responses/manage`);
      await page.locator('#receipt').fill(receipt.digits);
      await go(page, page.locator('form.manage-form button[type=submit]'));
      assert.equal((await page.locator('.status__label').innerText()).trim(), lang.pending);
      await assertFits(page);
      if (javaScriptEnabled) await assertAccessible(page, 'response status');
      await shot(page, `responses-manage-${lang.code}-js-${mode}`);

      await tapChoice(page, 'confirm');
      await go(page, page.locator('.form-section--danger button[type=submit]'));
      assert.equal((await page.locator('.notice').innerText()).trim(), lang.deleted);

      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }
}

test('in a flood the proof-of-work script fills the response form before it is sent', async () => {
  const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const story = await aStory(flooded);
  await page.goto(`${flooded.base}${story}`);
  const form = page.locator('form.respond-form[data-pow-challenge]');
  assert.equal(await form.count(), 1, 'the form asks for a proof of work');
  const challenge = await form.getAttribute('data-pow-challenge');
  await page.locator('#respond-text').fill('Strength to you.');
  const [sent, request] = await Promise.all([
    page.waitForNavigation(),
    page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/respond')),
    form.locator('button[type=submit]').click(),
  ]);
  assert.equal(sent.status(), 200);
  const body = new URLSearchParams(request.postData());
  assert.ok(body.get('pow_solution'), 'a solution was sent');
  assert.equal(body.get('pow_challenge'), challenge, 'for the challenge of this form');
  assert.ok(new URL(page.url()).pathname.startsWith('/respond/receipt/'));
  await assertAccessible(page, 'response receipt in a flood');
  assertOnlyLocal(requests, flooded.port);
  await assertNoCookies(context);
  await context.close();
});
