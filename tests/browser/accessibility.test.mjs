// axe-core on every page a survivor or the public reaches without a report of their own, in
// both languages. The receipt, follow-up status and validation-error pages are checked in
// the flows that reach them (intake_js.test.mjs, validation.test.mjs).

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

const PAGES = ['/', '/ur/', '/report', '/ur/report', '/follow-up', '/ur/follow-up'];

describe('accessibility of the public pages', () => {
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

  // With JavaScript on: axe needs it to run (see assertAccessible). The markup is the same
  // without it; the no-JS flows check that those pages work.
  test('no axe violation on any public page', async () => {
    const { context, requests } = await newContext(browser);
    const page = await context.newPage();

    // A story: the first one linked from the home page, in each language.
    const storyPaths = [];
    for (const home of ['/', '/ur/']) {
      await page.goto(server.base + home);
      const href = await page.locator('.story-card__title a').first().getAttribute('href');
      assert.ok(href, `the home page ${home} links no story (the demo seeds 300)`);
      storyPaths.push(href);
    }

    for (const p of [...PAGES, ...storyPaths]) {
      const res = await page.goto(server.base + p);
      assert.equal(res.status(), 200, `${p} answered ${res.status()}`);
      // Every page carries the quick exit.
      assert.equal(await page.locator('a.quick-exit').count(), 1, p);
      await assertAccessible(page, p);
      await shot(page, `page${p.replace(/[^a-z0-9]+/gi, '_')}`);
    }

    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });

  test('a phone 320 px wide never needs sideways scrolling', async () => {
    const { context, requests } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const p of PAGES) {
      await page.goto(server.base + p);
      await page.evaluate(() => document.fonts.ready);
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${p} is ${scroll} px wide in a ${client} px window`);
    }
    assertOnlyLocal(requests, server.port);
    await context.close();
  });
});
