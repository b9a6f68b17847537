// Addresses people type: a trailing slash leads to the page without it (the issue found
// `/admin/` a 404), with JavaScript on and off, in both languages, and never off this host.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertOnlyLocal, launchBrowser, newContext, startServer } from './support.mjs';

describe('a trailing slash leads to the page', () => {
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
    test(`typed addresses with a slash at the end (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const { context, requests } = await newContext(browser, { javaScriptEnabled: js });
      const page = await context.newPage();
      for (const [typed, landed, heading] of [
        ['/admin/', '/admin/login', /sign in/i],
        ['/stats/', '/stats', /statistics/i],
        ['/ur/stats/?year=2024', '/ur/stats?year=2024', /اعداد/],
        ['/resources/', '/resources', /help/i],
        ['/ur/follow-up/', '/ur/follow-up', /./],
      ]) {
        const res = await page.goto(server.base + typed);
        assert.equal(res.status(), 200, `${typed} answered ${res.status()}`);
        const url = new URL(page.url());
        assert.equal(url.pathname + url.search, landed, typed);
        assert.match(await page.locator('h1').first().innerText(), heading, typed);
      }
      const res = await page.goto(`${server.base}/no-such-page/`);
      assert.equal(res.status(), 404);
      assertOnlyLocal(requests, server.port);
      await context.close();
    });
  }
});
