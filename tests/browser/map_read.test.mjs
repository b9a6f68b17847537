// A map you can read (issue 13, item 9), in a real browser at 360 and 1280 px, with and
// without JavaScript, in English and Urdu: no two counts on the map overlap, counts read at
// least 12 px on a phone, the active filter is named above the map with a link to clear it,
// the legend follows the filter, the view holds every circle, no count of 1 or 2 is shown
// anywhere on the page (only "fewer than 3"), and on a desktop the map takes most of the width.

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

const FILTER = 'act=blackmail_sextortion';
const FEWER = { '/': 'fewer than 3', '/ur/': '3 سے کم' };

/**
 * axe-core needs JavaScript, so a page seen without it is checked in a context that runs
 * axe but none of the page's own scripts (the server-rendered SVG map stays).
 */
async function assertAccessibleAsIs(browser, js, url, label, viewport) {
  if (js) return;
  const { context } = await newContext(browser, { viewport });
  await context.route(/\/assets\/(js|vendor\/leaflet)\//, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url);
  assert.equal(await page.locator('svg.map__svg').count(), 1);
  await assertAccessible(page, label);
  await context.close();
}

/** Boxes of the counts the visitor sees on the map (SVG labels or Leaflet markers). */
async function countBoxes(page) {
  return page.$$eval('svg.map__svg .map__labels text, .map__leaflet .map-dot', (els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect();
        const size = el.tagName === 'text'
          ? parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a
          : parseFloat(getComputedStyle(el).fontSize);
        return { text: el.textContent.trim(), x: r.left, y: r.top, w: r.width, h: r.height, size };
      })
      .filter((b) => b.w > 0 && b.h > 0),
  );
}

function overlapping(boxes) {
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
        pairs.push([a.text, b.text]);
      }
    }
  }
  return pairs;
}

/** Every circle's box lies inside the visible map (the SVG or Leaflet's box). */
async function circlesOutside(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('svg.map__svg, .map__leaflet').getBoundingClientRect();
    const circles = [...document.querySelectorAll('svg.map__svg .map__dot circle, .map__leaflet .map-dot')];
    return circles
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.left < frame.left - 0.5 || r.top < frame.top - 0.5
        || r.right > frame.right + 0.5 || r.bottom > frame.bottom + 0.5)
      .map((r) => [r.left, r.top, r.right, r.bottom]);
  });
}

/** The whole text of the map, totals, table and timeline, where every count appears. */
async function countsText(page) {
  return page.$$eval(
    '.map-totals, figure.map, .counts__table td, .timeline td, .timeline__chart text, .timeline__chart title, .map__leaflet .map-dot',
    (els) => els.map((e) => e.textContent + ' ' + (e.getAttribute('title') || '')).join('\n'),
  );
}

describe('a map you can read', () => {
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

  for (const js of [false, true]) {
    for (const width of [360, 1280]) {
      for (const home of ['/', '/ur/']) {
        const name = `${js ? 'JS' : 'no JS'}, ${width} px, ${home}`;
        test(`counts never overlap and read at 12 px or more (${name})`, async () => {
          const { context, requests } = await newContext(browser, {
            viewport: { width, height: 900 },
            javaScriptEnabled: js,
          });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(server.base + home);
          if (js) await page.waitForSelector('.map__leaflet .map-dot');
          await page.evaluate(() => document.fonts.ready);

          const boxes = await countBoxes(page);
          assert.ok(boxes.length >= 3, `${boxes.length} counts are on the map`);
          assert.deepEqual(overlapping(boxes), [], 'two counts overlap');
          const smallest = Math.min(...boxes.map((b) => b.size));
          assert.ok(smallest >= 12, `a count is ${smallest.toFixed(1)} px`);
          assert.deepEqual(await circlesOutside(page), [], 'a circle lies outside the view');

          const mapWidth = await page.$eval('figure.map', (f) => f.getBoundingClientRect().width);
          if (width === 1280) assert.ok(mapWidth >= 0.6 * width, `the map is ${mapWidth} px wide`);
          else assert.ok(mapWidth >= width - 40, `the map is ${mapWidth} px wide`);

          // Every place on the map is in the table with its count, never 1 or 2.
          const dots = await page.$$eval('svg.map__svg .map__dot, .map__leaflet', (els) => els.length);
          assert.ok(dots > 0);
          if (!js) {
            const places = await page.locator('svg.map__svg .map__dot').count();
            const rows = await page.locator('.counts__table tr.counts__place').count();
            assert.equal(rows, places, 'one row per circle');
          }
          const text = await countsText(page);
          assert.ok(text.includes(FEWER[home]), 'small counts say "fewer than 3"');
          assert.doesNotMatch(text, /(^|[^0-9])[12]([^0-9]|$)/m, 'a count of 1 or 2 is shown');

          assert.deepEqual(errors, []);
          const label = `${home} at ${width} px, ${js ? 'JS' : 'no JS'}`;
          if (js) await assertAccessible(page, label);
          else await assertAccessibleAsIs(browser, js, server.base + home, label, { width, height: 900 });
          await shot(page, `map-read-${js ? 'js' : 'nojs'}-${width}${home.replace(/\//g, '_')}`);
          assertOnlyLocal(requests, server.port);
          await assertNoCookies(context);
          await context.close();
        });
      }
    }
  }

  for (const js of [false, true]) {
    for (const home of ['/', '/ur/']) {
      test(`a filtered map names the filter, its legend follows it, and the view fits (${js ? 'JS' : 'no JS'}, ${home})`, async () => {
        const { context, requests } = await newContext(browser, {
          viewport: { width: 1280, height: 900 },
          javaScriptEnabled: js,
        });
        const page = await context.newPage();
        await page.goto(server.base + home);
        const legendAll = (await page.textContent('.map__key')).trim();
        assert.equal(await page.locator('.map-active').count(), 0, 'nothing is named unfiltered');
        if (js) await page.waitForSelector('.map__leaflet .map-dot');
        const zoomAll = js ? Number(await page.getAttribute('.map__leaflet', 'data-zoom')) : null;
        const boxAll = js ? null : await page.getAttribute('svg.map__svg', 'viewBox');

        // The filter, chosen as a visitor does.
        await page.goto(server.base + home + '?' + FILTER + '&province=pk-pb');
        if (js) await page.waitForSelector('.map__leaflet .map-dot');
        const term = (await page.textContent(`label[for="f-act-blackmail_sextortion"]`)).trim();
        const province = (await page.textContent('#f-province option:checked')).trim();

        // Named above the map, in the page's language, with a way back.
        const named = await page.locator('.map-active').textContent();
        assert.ok(named.includes(term), `${named} names ${term}`);
        assert.ok(named.includes(province), `${named} names ${province}`);
        const above = await page.evaluate(() =>
          document.querySelector('.map-active').getBoundingClientRect().bottom
          <= document.querySelector('figure.map').getBoundingClientRect().top);
        assert.ok(above, 'the filter is named above the map');
        assert.equal(await page.getAttribute('.map-active__clear', 'href'), home);

        const legend = (await page.textContent('.map__key')).trim();
        assert.notEqual(legend, legendAll);
        assert.ok(legend.includes(term), `the legend "${legend}" names ${term}`);

        // The view closes in on Punjab: a smaller viewBox, a closer zoom.
        if (js) {
          const zoom = Number(await page.getAttribute('.map__leaflet', 'data-zoom'));
          assert.ok(zoom > zoomAll, `zoom ${zoom} after ${zoomAll}`);
        } else {
          const w = (box) => Number(box.split(' ')[2]);
          const box = await page.getAttribute('svg.map__svg', 'viewBox');
          assert.ok(w(box) < w(boxAll), `${box} within ${boxAll}`);
        }
        assert.deepEqual(await circlesOutside(page), []);
        assert.deepEqual(overlapping(await countBoxes(page)), []);
        const text = await countsText(page);
        assert.doesNotMatch(text, /(^|[^0-9])[12]([^0-9]|$)/m);

        if (js) await assertAccessible(page, `${home}?${FILTER}`);
        else await assertAccessibleAsIs(browser, js, page.url(), `${home}?${FILTER}`, { width: 1280, height: 900 });
        await shot(page, `map-read-filtered-${js ? 'js' : 'nojs'}${home.replace(/\//g, '_')}`);

        await Promise.all([page.waitForURL(server.base + home), page.click('.map-active__clear')]);
        assert.equal(await page.locator('.map-active').count(), 0);
        assertOnlyLocal(requests, server.port);
        await assertNoCookies(context);
        await context.close();
      });
    }
  }
});
