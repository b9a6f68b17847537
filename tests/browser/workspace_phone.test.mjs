// The staff workspace on a phone (360 × 740, the narrowest common Android screen), in English
// and Urdu: the inbox, a report's review page, the audit log and the news feeds. Two things
// are measured on every page: the page does not scroll sideways (its width is the screen's),
// and no word is broken across lines ("Quett / a"): every piece of text is at least as wide
// as its longest word. Every page also passes axe-core.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAccessible,
  assertOnlyLocal,
  firstAdminSignIn,
  launchBrowser,
  newContext,
  shot,
  startServer,
} from './support.mjs';

const WIDTH = 360;

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

/**
 * What does not fit at this width: { sideways } when the page is wider than the screen, and
 * one entry per element whose box is narrower than its longest word (the word is then broken
 * or hangs out), with the word and both widths.
 */
async function misfits(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const out = [];
    if (doc.scrollWidth > doc.clientWidth + 1) {
      out.push({ sideways: `page ${doc.scrollWidth} px wide on a ${doc.clientWidth} px screen` });
    }
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el)) continue;
      const text = node.textContent.trim();
      if (text.length < 3) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      // Hidden for screen readers only (1 px), or not laid out.
      if (box.width <= 1 || box.height <= 1) continue;
      if (el.closest('select, option, script, style, textarea, [aria-hidden=true]')) continue;
      seen.add(el);
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const longest = text
        .split(/\s+/)
        .reduce((a, w) => (ctx.measureText(w).width > ctx.measureText(a).width ? w : a), '');
      const need = ctx.measureText(longest).width;
      // A whole id or address may be cut on purpose; long ones are shown as code.
      if (longest.length > 24) continue;
      // The element's own box: its lines are laid out in it.
      const inner =
        box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (need > inner + 1) {
        out.push({ word: longest, needs: Math.round(need), has: Math.round(inner), tag: el.tagName, cls: el.className });
      }
    }
    return out;
  });
}

for (const lang of ['en', 'ur']) {
  test(`the workspace at ${WIDTH} px in ${lang === 'ur' ? 'Urdu' : 'English'}: no sideways scroll, no broken word`, async () => {
    const { context, requests } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Each language signs in as the first admin once per server: the second run finds the
    // password changed, so each test signs in through its own server.
    const own = lang === 'en' ? server : await startServer();
    try {
      await firstAdminSignIn(page, own, `workspace at ${WIDTH} px ${lang}`, { urdu: lang === 'ur' });
      await page.setViewportSize({ width: WIDTH, height: 740 });
      const review = await page
        .locator('tr.inbox-row .inbox-received a')
        .first()
        .getAttribute('href');
      for (const [what, path] of [
        ['the inbox', '/admin/inbox'],
        ['every report of the inbox', '/admin/inbox?status=any&assigned=anyone'],
        ['a review page', review],
        ['the audit log', '/admin/audit'],
        ['the news feeds', '/admin/feeds'],
        ['coding quality', '/admin/quality'],
      ]) {
        await page.goto(own.base + path);
        const bad = await misfits(page);
        await shot(page, `workspace-${lang}-${WIDTH}-${what.replace(/\W+/g, '-')}`, { fullPage: false });
        assert.deepEqual(bad, [], `${what} (${lang}) at ${WIDTH} px:\n${JSON.stringify(bad, null, 1)}`);
        await assertAccessible(page, `${what} (${lang}) at ${WIDTH} px`);
      }
      assertOnlyLocal(requests, own.port);
    } finally {
      await context.close();
      if (own !== server) await own.stop();
    }
  });
}
