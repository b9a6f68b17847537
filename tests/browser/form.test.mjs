// The shorter report form and the receipt an Urdu reader can keep (issue 13, items 5 and 6).
//
// At 360 px and 1280 px, in English and Urdu, with JavaScript on and off: the first screen
// holds what happened, when and where and consent, and everything else is folded into
// sections that open without JavaScript; one "Prefer not to say" per question; a box for
// self-description; the file button in the page's language. A refused form keeps the new
// contact-safety answers and the moderator sees them on the review page. The Urdu receipt
// shows its digits first, each group unbroken, and its Urdu words, pasted into the follow-up
// page, find the report. Every page passes axe-core and no request leaves the server.

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
  tinyPng,
} from './support.mjs';
import { UR, URDU_STORY, lookUp, readReceipt, reveal, sendReport, statusLabel, tapChoice } from './steps.mjs';

/** Strings the page shows (from crates/naqsha/i18n/{en,ur}.toml). */
const TEXT = {
  en: {
    file: 'Choose files',
    none: 'No file chosen',
    preferNot: 'Prefer not to say',
    enough: 'A screenshot of the threat or message is enough. You never need to send us intimate pictures of yourself.',
    selfDescribe: 'In your own words (optional)',
  },
  ur: {
    file: 'فائلیں منتخب کریں',
    none: 'کوئی فائل منتخب نہیں کی گئی',
    preferNot: 'بتانا نہیں چاہتی / چاہتا',
    enough: 'دھمکی یا پیغام کا ایک اسکرین شاٹ کافی ہے۔ آپ کو اپنی نجی تصویریں کبھی ہمیں بھیجنے کی ضرورت نہیں۔',
    selfDescribe: 'اپنے الفاظ میں (اختیاری)',
  },
};
const SAFE_TIMES = 'صرف صبح دس سے بارہ بجے تک';
const SELF_WORDS = 'خواجہ سرا، اپنی پہچان خود بتاتی ہوں';
const PHONE = '0345-7654321';

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

/** Whether the element is inside a closed <details> (so not on show). */
async function folded(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const d = el.closest('details');
    return Boolean(d && !d.open);
  });
}

for (const lang of ['en', 'ur']) {
  for (const width of [360, 1280]) {
    for (const javaScriptEnabled of [true, false]) {
      const name = `${lang}, ${width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
      test(`the report form is short and folded (${name})`, async () => {
        const height = width === 360 ? 740 : 900;
        const { context, requests } = await newContext(browser, {
          javaScriptEnabled,
          viewport: { width, height },
        });
        const page = await context.newPage();
        const prefix = lang === 'ur' ? '/ur' : '';
        await page.goto(`${server.base}${prefix}/report`);
        const t = TEXT[lang];

        // What happened, when and where, and consent are never folded; what happened starts
        // on the first screen.
        for (const selector of ['#what_happened', '#month', '#year', '#place', '#consent-statistics_only', '#consent-publish']) {
          assert.equal(await folded(page, selector), false, `${selector} is folded away`);
          assert.equal(await page.locator(selector).isVisible(), true, `${selector} is not shown`);
        }
        const what = await page.locator('#what_happened').boundingBox();
        assert.ok(what.y < height, `what happened starts at ${what.y} px, below the first screen`);

        // The optional sections start closed and open with a tap on their heading.
        const folds = page.locator('details.form-fold');
        assert.equal(await folds.count(), 4);
        for (const id of ['fold-details', 'fold-about', 'fold-contact', 'fold-evidence']) {
          assert.equal(await page.locator(`#${id}`).evaluate((d) => d.open), false, `${id} starts open`);
        }
        const screens = (await page.evaluate(() => document.documentElement.scrollHeight)) / height;
        console.log(`# ${name}: ${screens.toFixed(1)} screens with the sections closed`);
        if (width === 360) {
          assert.ok(screens < 6, `the folded form is ${screens.toFixed(1)} screens at 360 px`);
        }
        await reveal(page, '#contact_phone');
        assert.equal(await page.locator('#contact_phone').isVisible(), true);

        // One "Prefer not to say" per question; a box for self-description.
        await reveal(page, '#survivor_gender-none');
        const gender = page.locator('#dim-survivor_gender');
        assert.deepEqual(
          (await gender.locator('label').allInnerTexts()).filter((l) => l.trim() === t.preferNot),
          [t.preferNot],
        );
        assert.equal(await gender.locator('input[value="prefer_not_to_say"]').count(), 0);
        assert.equal(await gender.locator('#survivor_gender-self_describe').count(), 1);
        assert.equal((await page.locator('label[for="self_description"]').innerText()).trim(), t.selfDescribe);
        assert.equal(await page.locator('#self_description').isVisible(), true);

        // The file button speaks the page's language and is reached by the keyboard.
        await reveal(page, '#evidence');
        const label = page.locator('label[for="evidence"]');
        assert.equal((await label.innerText()).trim(), t.file);
        assert.equal(await label.isVisible(), true);
        assert.ok(((await label.boundingBox()).height) >= 44, 'the file button is a tap target');
        assert.equal((await page.locator('#evidence-enough').innerText()).trim(), t.enough);
        await page.locator('#evidence').focus();
        assert.equal(await page.evaluate(() => document.activeElement.id), 'evidence');
        const outline = await label.evaluate((el) => getComputedStyle(el).outlineStyle);
        assert.equal(outline, 'solid', 'the focused file input shows its ring on the button');
        await page.locator('#evidence').setInputFiles({ name: 'threat.png', mimeType: 'image/png', buffer: tinyPng() });
        const names = page.locator('#evidence-names');
        if (javaScriptEnabled) {
          assert.equal((await names.innerText()).trim(), 'threat.png');
        } else {
          assert.equal(await names.isVisible(), false);
          assert.equal(await page.locator('#evidence').evaluate((i) => i.files.length), 1);
        }

        if (javaScriptEnabled) {
          await assertAccessible(page, `the report form (${name}, sections open)`);
        }
        await shot(page, `form-${lang}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}`);
        assertOnlyLocal(requests, server.port);
        await context.close();
      });
    }
  }
}

/** Signs the demo admin in for the first time (new password, TOTP) and returns the page. */
async function signIn(context) {
  const page = await context.newPage();
  const go = async (locator) => Promise.all([page.waitForNavigation(), locator.click()]);
  await page.goto(`${server.base}/admin/login`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill(server.adminPassword);
  await go(page.locator('form.stack-form button[type=submit]'));
  await page.locator('#new_password').fill('a long and private passphrase');
  await page.locator('#repeat').fill('a long and private passphrase');
  await go(page.locator('form.stack-form button[type=submit]'));
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  await page.locator('#code').fill(totpCode(secret));
  await go(page.locator('form.stack-form button[type=submit]'));
  assert.equal(new URL(page.url()).pathname, '/admin/inbox');
  return page;
}

test('contact safety and self-description survive a refused form and reach the moderator (JavaScript off)', async () => {
  const { context, requests } = await newContext(browser, {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  await page.goto(`${server.base}/ur/report`);
  await page.locator('#what_happened').fill(URDU_STORY);
  await page.locator('#month').selectOption('3'); // no year: refused
  await page.locator('#place').selectOption('pk-gb-gilgit');
  await tapChoice(page, 'survivor_gender-self_describe');
  await page.locator('#self_description').fill(SELF_WORDS);
  await reveal(page, '#contact_phone');
  await page.locator('#contact_phone').fill(PHONE);
  await tapChoice(page, 'contact_safe_text');
  await page.locator('#contact_safe_times').fill(SAFE_TIMES);

  assert.equal((await sendReport(page)).status(), 422);
  // The sections she filled in open by themselves, with everything kept.
  for (const id of ['fold-about', 'fold-contact']) {
    assert.equal(await page.locator(`#${id}`).evaluate((d) => d.open), true, `${id} is closed after the refusal`);
  }
  assert.equal(await page.locator('#fold-evidence').evaluate((d) => d.open), false);
  assert.equal(await page.locator('#contact_phone').inputValue(), PHONE);
  assert.equal(await page.locator('#contact_safe_text').isChecked(), true);
  assert.equal(await page.locator('#contact_safe_call').isChecked(), false);
  assert.equal(await page.locator('#contact_safe_times').inputValue(), SAFE_TIMES);
  assert.equal(await page.locator('#survivor_gender-self_describe').isChecked(), true);
  assert.equal(await page.locator('#self_description').inputValue(), SELF_WORDS);
  assert.equal(await page.locator('#what_happened').inputValue(), URDU_STORY);

  await page.locator('#year').selectOption('2025');
  assert.equal((await sendReport(page)).status(), 200);
  await readReceipt(page);
  assertOnlyLocal(requests, server.port);
  await context.close();

  // The moderator opens the report and reveals the contact details.
  const staff = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const admin = await signIn(staff.context);
  await admin.goto(`${server.base}/admin/inbox?province=pk-gb`);
  const links = admin.locator('a[href^="/admin/submissions/"]:has(time)');
  assert.equal(await links.count(), 1);
  await Promise.all([admin.waitForNavigation(), links.first().click()]);
  assert.ok((await admin.locator('.review-raw').innerText()).includes(SELF_WORDS), 'the self-description is on the review page');
  const show = admin.locator('.review-contact button[name="show"]');
  await Promise.all([admin.waitForNavigation(), show.click()]);
  const contact = admin.locator('#contact-details');
  assert.ok((await contact.innerText()).includes(PHONE));
  const safety = (await admin.locator('#contact-safety').innerText()).trim();
  assert.equal(safety, 'Safe to text');
  assert.equal((await admin.locator('#contact-safe-times').innerText()).trim(), SAFE_TIMES);
  await assertAccessible(admin, 'the review page with contact safety');
  assertOnlyLocal(staff.requests, server.port);
  await staff.context.close();
});

// Three reports, not four: with the two of the test above, five is what one network may send
// in the rate limiter's window; the receipt page's layout is the same with or without scripts.
for (const [width, javaScriptEnabled] of [[360, false], [360, true], [1280, true]]) {
  {
    const name = `${width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
    test(`the Urdu receipt leads with unbroken digit groups and its Urdu words find the report (${name})`, async () => {
      const { context, requests } = await newContext(browser, {
        javaScriptEnabled,
        viewport: { width, height: width === 360 ? 740 : 900 },
      });
      const page = await context.newPage();
      await page.goto(`${server.base}/ur/report`);
      await page.locator('#what_happened').fill(URDU_STORY);
      assert.equal((await sendReport(page)).status(), 200);
      const { digits } = await readReceipt(page);

      // Digits first: before the Urdu words in the page and on the screen, left to right.
      const order = await page.evaluate(() => {
        const d = document.querySelector('.receipt__digits');
        const u = document.querySelector('.receipt__urdu');
        const w = document.querySelector('.receipt__words');
        return {
          digitsFirst: Boolean(d.compareDocumentPosition(u) & Node.DOCUMENT_POSITION_FOLLOWING),
          urduBeforeEnglish: Boolean(u.compareDocumentPosition(w) & Node.DOCUMENT_POSITION_FOLLOWING),
          dTop: d.getBoundingClientRect().top,
          uTop: u.getBoundingClientRect().top,
          dir: getComputedStyle(d.querySelector('code')).direction,
          select: getComputedStyle(d.querySelector('code')).userSelect,
        };
      });
      assert.ok(order.digitsFirst && order.urduBeforeEnglish && order.dTop < order.uTop, JSON.stringify(order));
      assert.equal(order.dir, 'ltr');
      assert.equal(order.select, 'all');
      assert.equal(await page.locator('.receipt__digits bdi[dir="ltr"]').count(), 1);
      assert.ok(await page.locator('#receipt-copy-hint').isVisible());

      // Each group of five digits and each Urdu word sits on one line box.
      const groups = await page.locator('.receipt__group').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length })),
      );
      assert.equal(groups.length, 7);
      assert.deepEqual(groups.map((g) => g.lines), [1, 1, 1, 1, 1, 1, 1], JSON.stringify(groups));
      assert.equal(groups.map((g) => g.text).join(' '), digits);
      // The groups read left to right in the order of the digits form.
      const lefts = await page.locator('.receipt__group').evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()),
      );
      for (let i = 1; i < lefts.length; i++) {
        const a = lefts[i - 1];
        const b = lefts[i];
        assert.ok(b.top > a.top + 1 || b.left > a.left, `group ${i + 1} is left of group ${i} on its line`);
      }
      const words = await page.locator('.receipt__word').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length, top: e.getBoundingClientRect().top })),
      );
      assert.equal(words.length, 7);
      assert.deepEqual(words.map((w) => w.lines), [1, 1, 1, 1, 1, 1, 1]);
      for (let i = 1; i < words.length; i++) {
        assert.ok(words[i].top > words[i - 1].top, 'the Urdu words stand one per line');
      }
      for (const w of words) {
        assert.match(w.text, /^[\u0600-\u06FF]+$/, `not an Urdu word: ${w.text}`);
      }
      if (javaScriptEnabled) {
        await assertAccessible(page, `the Urdu receipt (${name})`);
      }
      await shot(page, `receipt-ur-${width}-${javaScriptEnabled ? 'js' : 'nojs'}`);

      // The Urdu words, as copied from the page, find the report.
      const copied = await page.locator('.receipt__urdu code').innerText();
      await page.goto(`${server.base}/ur/follow-up`);
      await lookUp(page, copied);
      assert.equal(await statusLabel(page), UR.statusNew);
      assertOnlyLocal(requests, server.port);
      await context.close();
    });
  }
}
