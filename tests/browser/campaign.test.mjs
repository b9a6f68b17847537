// Campaign pages against the demo data (serve --demo adds "16 Days of Activism [Demo]",
// 25 November – 10 December of this year): in English and Urdu, with JavaScript off and on
// (axe needs JavaScript, so it runs in the second pass over the same markup), on a 360 px
// phone. During the campaign's days the home page features it above the map (title, the
// day's prompt, three stories), the whole box on the first screen; its link leads
// to the campaign page (intro, prompt, post with an anchor, stories); no foreign request and
// no cookie. Outside those days the home page has no box, and the test says so.

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

const LANGS = [
  { code: 'en', prefix: '', dir: 'ltr', title: '16 Days of Activism [Demo]', all: 'All campaigns' },
  { code: 'ur', prefix: '/ur', dir: 'rtl', title: 'سرگرمی کے سولہ دن [نمونہ]', all: 'تمام مہمات' },
];

// The demo campaign's days in Pakistan (the deployment's default time zone).
function inCampaign() {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Karachi',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date());
  const month = Number(parts.find((p) => p.type === 'month').value);
  const day = Number(parts.find((p) => p.type === 'day').value);
  return (month === 11 && day >= 25) || (month === 12 && day <= 10);
}

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

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'on' : 'off';
  for (const lang of LANGS) {
    test(`${lang.code}: the campaign from the home page on a 360 px phone, JavaScript ${mode}`, async () => {
      const { context, requests } = await newContext(browser, {
        javaScriptEnabled,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      await page.goto(`${server.base}${lang.prefix}/`);
      const feature = page.locator('.campaign-feature');
      if (inCampaign()) {
        assert.ok(await feature.isVisible(), 'the home page features the campaign');
        const link = feature.locator('.campaign-feature__title a');
        assert.equal((await link.textContent()).trim(), lang.title);
        assert.ok(await feature.locator('.campaign-feature__prompt').isVisible(), 'the day’s prompt');
        assert.equal(await feature.locator('.campaign-feature__stories a').count(), 3);
        // The whole box is on the first screen, under the page title, and stays small.
        const box = await feature.boundingBox();
        assert.ok(box.y + box.height <= 740, `the box ends at ${box.y + box.height} px`);
        assert.ok(box.height <= 300, `the box is ${box.height} px tall`);
        if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/`);
        await shot(page, `campaign-home-${lang.code}-js-${mode}`);
        await Promise.all([page.waitForNavigation(), link.click()]);
      } else {
        assert.equal(await feature.count(), 0, 'no campaign today, no box');
        await page.goto(`${server.base}${lang.prefix}/campaigns`);
        await Promise.all([
          page.waitForNavigation(),
          page.locator('.campaign-list a', { hasText: lang.title }).click(),
        ]);
      }
      assert.equal(new URL(page.url()).pathname, `${lang.prefix}/campaign/16-days-demo`);
      assert.equal(await page.getAttribute('html', 'dir'), lang.dir);
      assert.equal((await page.locator('h1').textContent()).trim(), lang.title);
      assert.equal(await page.locator('.campaign__prompt').count(), inCampaign() ? 1 : 0);
      assert.ok((await page.locator('.campaign__intro h2').count()) >= 1, 'the intro’s heading');
      const post = page.locator('.campaign-post');
      assert.equal(await post.count(), 1);
      assert.match(await post.getAttribute('id'), /^post-[0-9a-f-]{36}$/);
      const stories = page.locator('.campaign__stories a');
      assert.equal(await stories.count(), 3);
      assert.match(await stories.first().getAttribute('href'), new RegExp(`^${lang.prefix}/stories/`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
      if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/campaign/16-days-demo`);
      await shot(page, `campaign-${lang.code}-js-${mode}`);

      // A selected story opens.
      await Promise.all([page.waitForNavigation(), stories.first().click()]);
      assert.match(new URL(page.url()).pathname, new RegExp(`^${lang.prefix}/stories/`));
      assert.ok(await page.locator('h1').isVisible());

      // The list of campaigns.
      await page.goto(`${server.base}${lang.prefix}/campaigns`);
      assert.equal((await page.locator('.campaign-list a').first().textContent()).trim(), lang.title);
      if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/campaigns`);
      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }
}
