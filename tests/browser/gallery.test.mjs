// The demo campaign's gallery and its creative response form (issue 20 item 4), in English
// and Urdu, with JavaScript off and on (axe needs JavaScript, so it runs in the second pass
// over the same markup), on a 360 px phone. From the campaign page to the gallery: the demo
// works with their credit and licence, the drawing served by us, the video only a link (no
// iframe, video or audio; no request to another host). Then the form: a drawing with a
// mistake comes back with the words kept and asks for the picture again; sent again, it
// ends on the receipt, and the gallery does not show it (a moderator has not approved it).

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
  tinyPng,
} from './support.mjs';

const SLUG = '16-days-demo';
const LANGS = [
  { code: 'en', prefix: '', dir: 'ltr', gallery: 'See the gallery', anonymous: 'Anonymous', title: 'Poem for the test' },
  { code: 'ur', prefix: '/ur', dir: 'rtl', gallery: 'گیلری دیکھیں', anonymous: 'گمنام', title: 'آزمائشی نظم' },
];

let server;
let browser;

before(async () => {
  // Each test sends from a network of its own (as behind the deployment's proxy), so the
  // per-network limit on responses (5 at once) does not throttle the next test.
  server = await startServer({ config: '[server]\nclient_ip_header = "X-Forwarded-For"\n' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
}

let network = 0;
for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'on' : 'off';
  for (const lang of LANGS) {
    network += 1;
    const address = `10.${network}.0.1`;
    test(`${lang.code}: the gallery and the creative form on a 360 px phone, JavaScript ${mode}`, async () => {
      const { context, requests } = await newContext(browser, {
        javaScriptEnabled,
        viewport: { width: 360, height: 740 },
        extraHTTPHeaders: { 'X-Forwarded-For': address },
      });
      const page = await context.newPage();

      // From the campaign page to its gallery.
      await page.goto(`${server.base}${lang.prefix}/campaign/${SLUG}`);
      await Promise.all([
        page.waitForNavigation(),
        page.locator('.campaign__creative a', { hasText: lang.gallery }).click(),
      ]);
      assert.equal(new URL(page.url()).pathname, `${lang.prefix}/campaign/${SLUG}/gallery`);
      assert.equal(await page.getAttribute('html', 'dir'), lang.dir);
      const works = page.locator('.work');
      assert.equal(await works.count(), 3, 'the three demo works');
      const credits = await page.locator('.work__credit').allTextContents();
      assert.ok(credits.some((c) => c.includes(lang.anonymous)), 'a work without a name');
      assert.ok(credits.some((c) => c.includes('Mahnoor')), 'a work under a pseudonym');
      // The drawing is ours and it loaded.
      const img = page.locator('.work__image');
      assert.equal(await img.count(), 1);
      assert.match(await img.getAttribute('src'), /^\/responses\/[0-9a-f-]{36}\/image$/);
      assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the drawing loads');
      // The video is a link, never embedded.
      const link = page.locator('.work__link a');
      assert.equal(await link.getAttribute('href'), 'https://video.example.org/watch/sixteen-days');
      assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener noreferrer');
      assert.equal(await page.locator('iframe, video, audio, embed, object').count(), 0);
      assert.ok((await page.locator('.work__licence a').count()) >= 1, 'a CC licence links to its text');
      await noOverflow(page);
      if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/campaign/${SLUG}/gallery`);
      await shot(page, `gallery-${lang.code}-js-${mode}`);

      // The form, with a mistake: a drawing without a licence.
      await Promise.all([
        page.waitForNavigation(),
        page.locator('a.button[href$="/create"]').click(),
      ]);
      assert.equal(new URL(page.url()).pathname, `${lang.prefix}/campaign/${SLUG}/create`);
      await noOverflow(page);
      if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/campaign/${SLUG}/create`);
      await page.fill('#title', lang.title);
      await page.locator('label[for="what-artwork"]').click();
      await page.fill('#text', 'first line\nsecond line');
      await page.locator('#image').setInputFiles({ name: 'drawing.png', mimeType: 'image/png', buffer: tinyPng(16) });
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()]);
      assert.equal(await page.locator('#field-licence .field-error').count(), 1, 'the licence is asked for');
      assert.equal(await page.locator('#image-again').count(), 1, 'the picture is asked for again');
      assert.equal(await page.inputValue('#title'), lang.title);
      assert.equal(await page.inputValue('#text'), 'first line\nsecond line');
      assert.ok(await page.isChecked('#what-artwork'));
      await noOverflow(page);
      if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/campaign/${SLUG}/create (errors)`);
      await shot(page, `creative-form-errors-${lang.code}-js-${mode}`);

      // Corrected and sent: the receipt, once.
      await page.locator('label[for="licence-cc_by"]').click();
      await page.locator('#image').setInputFiles({ name: 'drawing.png', mimeType: 'image/png', buffer: tinyPng(16) });
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()]);
      assert.match(new URL(page.url()).pathname, new RegExp(`^${lang.prefix}/campaign/${SLUG}/create/receipt/`));
      assert.ok((await page.locator('.receipt__words').textContent()).trim().length > 0);
      await noOverflow(page);
      if (javaScriptEnabled) await assertAccessible(page, 'creative receipt');
      await shot(page, `creative-receipt-${lang.code}-js-${mode}`);

      // Not in the gallery: no moderator has approved it.
      await page.goto(`${server.base}${lang.prefix}/campaign/${SLUG}/gallery`);
      assert.equal(await page.locator('.work').count(), 3);
      assert.equal(await page.locator('.work__title', { hasText: lang.title }).count(), 0);

      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }
}
