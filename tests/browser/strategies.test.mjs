// The survivor strategies page (/strategies, /ur/strategies) against the demo data, in
// English and Urdu, with JavaScript off and on (axe needs JavaScript, so it runs in the
// second pass over the same markup): the table of actions by outcomes, reached from the
// resources page, on a 360 px phone without the page scrolling sideways (the table
// scrolls in its own box), no foreign request and no cookie.

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
  { code: 'en', prefix: '', dir: 'ltr', title: 'What others did, and what happened', police: 'Police', fewer: 'fewer than 3' },
  { code: 'ur', prefix: '/ur', dir: 'rtl', title: 'دوسروں نے کیا کیا، اور کیا ہوا', police: 'پولیس', fewer: '3 سے کم' },
];

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
    test(`${lang.code}: actions and outcomes on a 360 px phone, JavaScript ${mode}`, async () => {
      const { context, requests } = await newContext(browser, {
        javaScriptEnabled,
        viewport: { width: 360, height: 800 },
      });
      const page = await context.newPage();
      // Reached from the resources page, as a survivor looking for help would.
      await page.goto(`${server.base}${lang.prefix}/resources`);
      await Promise.all([
        page.waitForNavigation(),
        page.locator(`.resources__content a[href="${lang.prefix}/strategies"]`).click(),
      ]);
      assert.equal(new URL(page.url()).pathname, `${lang.prefix}/strategies`);
      assert.equal(await page.getAttribute('html', 'dir'), lang.dir);
      assert.equal((await page.locator('h1').textContent()).trim(), lang.title);
      // The demo counts 300 stories and 60 statistics-only cases.
      assert.equal(Number(await page.locator('.stats-total__number').textContent()), 360);

      const table = page.locator('.strategies__table');
      assert.ok(await table.isVisible());
      const rows = await table.locator('tbody tr').allInnerTexts();
      assert.equal(rows.length, 8, 'one row per action');
      const police = rows.find((r) => r.trim().startsWith(lang.police));
      assert.ok(police, `a row for ${lang.police}: ${rows}`);
      const cells = await table.locator('tbody td').allTextContents();
      for (const cell of cells) {
        const text = cell.trim();
        assert.ok(text === lang.fewer || /^\d+$/.test(text), `a published count: ${text}`);
        assert.ok(text !== '1' && text !== '2', 'no small count is shown');
      }

      // The page itself never scrolls sideways; the table's own box may.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px too wide`);
      const scroll = page.locator('.strategies__scroll');
      const box = await scroll.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360 + 1, `the table's box fits: ${JSON.stringify(box)}`);
      if (lang.dir === 'rtl') {
        // The first column (the actions) is on the right.
        const head = await table.locator('thead th').first().boundingBox();
        const last = await table.locator('thead th').last().boundingBox();
        assert.ok(head.x > last.x, 'right to left');
      }

      if (javaScriptEnabled) await assertAccessible(page, `${lang.prefix}/strategies`);
      await shot(page, `strategies-${lang.code}-js-${mode}`);
      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }
}
