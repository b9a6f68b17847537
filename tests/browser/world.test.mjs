// The world map (/world) in a real browser, in English and Urdu, on a 360 px phone and a wide
// screen: without JavaScript the SVG map, its zoom links and the tables work and nothing
// overflows; with JavaScript Leaflet draws the same circles over the country outlines this
// site serves, and a circle leads to the country's zoom. Every view: no request to another
// host, no cookie; axe-core clean.

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

/** Fails if the page is wider than its viewport (a phone would scroll sideways). */
async function assertNoSidewaysScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `the page is ${scroll} px wide in a ${client} px viewport`);
}

describe('world map', () => {
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

  for (const prefix of ['', '/ur']) {
    test(`without JavaScript the SVG world map zooms by links at 360 px (${prefix || '/'})`, async () => {
      const { context, requests } = await newContext(browser, {
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      await page.goto(`${server.base}${prefix}/world`);
      assert.equal(await page.locator('svg.world-map__svg').count(), 1);
      assert.ok((await page.locator('svg.world-map__svg path.map__land').count()) > 150);
      const worldDots = await page.locator('svg.world-map__svg .map__dot').count();
      assert.ok(worldDots >= 1, 'the demo has cases in at least one country');
      const box = await page.locator('svg.world-map__svg').boundingBox();
      assert.ok(box.width > 300 && box.width <= 360, `the map is ${box.width} px wide`);
      await assertNoSidewaysScroll(page);
      await shot(page, `world-nojs${prefix.replace('/', '_')}`);

      // The first country in the table leads to its zoom: a circle per place.
      const link = page.locator('.world-countries tbody a').first();
      const href = await link.getAttribute('href');
      await Promise.all([page.waitForURL(server.base + href), link.click()]);
      const placeDots = await page.locator('svg.world-map__svg .map__dot').count();
      assert.ok(placeDots > worldDots, `${placeDots} places in the country`);
      assert.equal(await page.locator('.world-crumbs li').count(), 2);
      await assertNoSidewaysScroll(page);

      // A circle's link zooms into its region.
      const region = await page.locator('svg.world-map__svg .map__dots a').first().getAttribute('href');
      assert.match(region, /region=/);
      await page.goto(server.base + region);
      assert.equal(await page.locator('.world-crumbs li').count(), 3);
      assert.ok((await page.locator('.world-cases .story-card').count()) > 0);
      await assertNoSidewaysScroll(page);

      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }

  for (const [prefix, width] of [['', 360], ['/ur', 360], ['', 1280]]) {
    test(`with JavaScript Leaflet draws the same circles (${prefix || '/'} at ${width} px)`, async () => {
      const { context, requests } = await newContext(browser, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.base}${prefix}/world`);
      await page.waitForSelector('.world-map__leaflet path.world-dot');
      assert.equal(await page.locator('svg.world-map__svg').count(), 0, 'the SVG map was replaced');
      const expected = Number(await page.getAttribute('.world-map__leaflet', 'data-dots'));
      assert.ok(expected >= 1);
      assert.equal(await page.locator('.world-map__leaflet path.world-dot').count(), expected);
      // The country outlines came from this site and are drawn.
      await page.waitForFunction(
        () => document.querySelectorAll('.world-map__leaflet .leaflet-overlay-pane path').length > 150,
      );
      await assertNoSidewaysScroll(page);
      await shot(page, `world-js${prefix.replace('/', '_')}-${width}`);
      assert.deepEqual(errors, []);
      await assertAccessible(page, `${prefix}/world with the interactive map`);

      // A circle leads to its country's zoom, where Leaflet draws the places.
      await Promise.all([
        page.waitForURL(/country=/),
        page.locator('.world-map__leaflet path.world-dot').first().click({ force: true }),
      ]);
      await page.waitForSelector('.world-map__leaflet path.world-dot');
      assert.ok((await page.locator('.world-map__leaflet path.world-dot').count()) > expected);
      assert.deepEqual(errors, []);

      assertOnlyLocal(requests, server.port);
      await assertNoCookies(context);
      await context.close();
    });
  }
});
