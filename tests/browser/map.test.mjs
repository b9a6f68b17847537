// The map page and the embed in a real browser, in English and Urdu: with JavaScript the
// Leaflet map draws the same places as the server's SVG, merged when zoomed out, every number
// a published one (a multiple of 5; one or two cases are a hollow circle without a number);
// without JavaScript the SVG map and the GET filter form do the work. Every view: no request
// to another host, no cookie; axe-core clean with JavaScript (map_read.test.mjs checks the
// rest of item 9 of issue 13).

import { after, before, describe, test } from 'node:test';
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

/** The numbers on the interactive map's circles. */
async function leafletCounts(page) {
  return page.$$eval('.map__leaflet .map-dot__count', (els) => els.map((el) => el.textContent));
}

/** Every number is published: a multiple of 5, never 1 or 2. */
function assertPublished(counts) {
  for (const c of counts) assert.ok(/^[0-9]+$/.test(c) && Number(c) % 5 === 0, `"${c}" on the map`);
}

/** The sum of the published counts of the SVG map's circles ("<3" counted as 1). */
async function svgSum(page) {
  return page.$$eval('svg.map__svg .map__dot', (els) =>
    els.reduce((s, el) => s + (Number(el.dataset.count) || Number(el.dataset.weight)), 0),
  );
}

/**
 * "data-mapped" of the totals line: how many matching cases have a place on the map, as
 * published (1 or 2 as "<3", others rounded to the nearest 5).
 */
async function mapped(page) {
  return page.getAttribute('.map-totals', 'data-mapped');
}

describe('map page', () => {
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

  for (const home of ['/', '/ur/']) {
    test(`with JavaScript the interactive map's counts are published ones at every zoom (${home})`, async () => {
      const { context, requests } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.base + home);
      await page.waitForSelector('.map__leaflet .map-dot');
      await page.waitForSelector('.map__leaflet path.leaflet-interactive, .map__leaflet svg path');
      assert.equal(await page.locator('svg.map__svg').count(), 0, 'the SVG map was replaced');

      const total = await mapped(page);
      assert.ok(Number(total) > 0, 'the demo places cases on the map');
      const dotsOut = await page.locator('.map__leaflet .map-dot').count();
      assertPublished(await leafletCounts(page));

      // Zoom in three steps: groups split, the sum stays.
      for (let i = 0; i < 3; i++) {
        const before = await page.getAttribute('.map__leaflet', 'data-zoom');
        await page.locator('.leaflet-control-zoom-in').click();
        await page.waitForFunction(
          (z) => document.querySelector('.map__leaflet').dataset.zoom !== z,
          before,
        );
      }
      assertPublished(await leafletCounts(page));
      assert.ok(
        (await page.locator('.map__leaflet .map-dot').count()) > dotsOut,
        'zooming in splits groups',
      );

      // Place names are in the page language (a DOM tooltip, so Urdu shows in Nastaliq).
      const title = await page.locator('.map__leaflet .map-dot').first().getAttribute('title');
      if (home === '/ur/') assert.match(title, /[\u0600-\u06FF]/, title);
      else assert.match(title, /^[A-Za-z]/, title);

      assert.deepEqual(errors, []);
      await assertAccessible(page, `${home} with the interactive map`);
      await shot(page, `map-js${home.replace(/\//g, '_')}`);
      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }

  test('with JavaScript a filter narrows map and list, and a story opens', async () => {
    const { context, requests } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.base + '/');
    await page.waitForSelector('.map__leaflet .map-dot');
    const all = Number(await page.getAttribute('.map-totals', 'data-total'));

    await page.locator('details.filter-group').nth(2).locator('summary').click();
    const box = page.locator('input[name=platform]').first();
    const term = await box.getAttribute('value');
    // The whole row is the tap target (its label covers the box), as a visitor taps it.
    await page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    assert.ok(await box.isChecked());
    await Promise.all([page.waitForURL(new RegExp(`platform=${term}`)), page.locator('.filter-form button[type=submit]').click()]);
    await page.waitForSelector('.map__leaflet .map-dot');
    const some = Number(await page.getAttribute('.map-totals', 'data-total'));
    assert.ok(some > 0 && some < all, `${some} of ${all} cases use that platform`);
    assertPublished(await leafletCounts(page));

    const story = page.locator('.story-card__title a').first();
    const href = await story.getAttribute('href');
    await Promise.all([page.waitForURL(server.base + href), story.click()]);
    assert.equal(await page.locator('h1').count(), 1);

    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });

  for (const home of ['/', '/ur/']) {
    test(`without JavaScript the SVG map and the filter form work (${home})`, async () => {
      const { context, requests } = await newContext(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(server.base + home);
      assert.equal(await page.locator('svg.map__svg').count(), 1);
      // Published counts are rounded, so their sum is near the total, not equal to it.
      const sum = await svgSum(page);
      const total = await mapped(page);
      assert.ok(Math.abs(sum - total) <= total / 4, `circles ${sum}, on the map ${total}`);

      // Choose a province and a year range, and send the form.
      const province = await page.locator('#f-province option').nth(1).getAttribute('value');
      await page.selectOption('#f-province', province);
      const years = await page.$$eval('#f-from option', (os) => os.map((o) => o.value).filter(Boolean));
      await page.selectOption('#f-from', years[0]);
      await Promise.all([
        page.waitForURL(new RegExp(`province=${province}`)),
        page.locator('.filter-form button[type=submit]').click(),
      ]);
      assert.equal(await page.locator('#f-province option:checked').getAttribute('value'), province);
      assert.ok((await svgSum(page)) > 0);
      assert.ok(await page.locator('.map-active').isVisible(), 'the filter is named');
      assert.equal(await page.locator('.map__province--chosen').count(), 1);

      // Paging keeps the filter.
      const older = page.locator('.paging__older');
      if (await older.count()) {
        assert.match(await older.getAttribute('href'), new RegExp(`province=${province}.*page=2`));
      }
      await shot(page, `map-nojs${home.replace(/\//g, '_')}`);

      // A story opens from the list.
      const story = page.locator('.story-card__title a').first();
      const href = await story.getAttribute('href');
      await Promise.all([page.waitForURL(server.base + href), story.click()]);

      assertOnlyLocal(requests, server.port);
      assert.ok(!requests.some((u) => u.includes('leaflet.') && u.endsWith('.css')), 'no Leaflet CSS without JS');
      await assertNoCookies(context);
      await context.close();
    });
  }

  test('the embed shows the map alone and links to the full page', async () => {
    const { context, requests } = await newContext(browser);
    const page = await context.newPage();
    const res = await page.goto(server.base + '/ur/embed?from=2020');
    assert.equal(res.status(), 200);
    assert.ok(!(res.headers()['content-security-policy'] || '').includes('frame-ancestors'));
    await page.waitForSelector('.map__leaflet .map-dot');
    assertPublished(await leafletCounts(page));
    assert.equal(await page.locator('.site-header').count(), 0);
    assert.equal(await page.getAttribute('.embed__site a', 'href'), '/ur/?from=2020');
    await assertAccessible(page, '/ur/embed');
    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });
});
