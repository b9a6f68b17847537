// The survivor's path in Sindhi, Pashto and Punjabi (issue 21), with JavaScript on and off, on a phone
// 360 px wide: the home page, the report form filled and sent (→ the receipt), follow-up
// with that receipt, the resources and a 404. Each page is in its language and right to
// left, wholly in its language (no fallback note), offers every language in the switch, needs
// no sideways scrolling, clips no text, and (with JavaScript, which axe needs) has no axe
// violation. Every character shown is also checked to be drawn by a font the page serves
// for it (assets/vendor/fonts/coverage.json).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import {
  REPO,
  languages,
  assertAccessible,
  assertNoCookies,
  assertOnlyLocal,
  launchBrowser,
  newContext,
  shot,
  startServer,
} from './support.mjs';

const ALL = languages();
const TESTED = ALL.filter((l) => ['sd', 'ps', 'pa'].includes(l.code));

const STORY = {
  sd: 'ڪنهن منهنجي نالي سان جعلي پروفائل ٺاهي ۽ منهنجون تصويرون لڳائي ڇڏيون. هو مون کي ڌمڪيون ڏئي ٿو.',
  ps: 'یو چا زما په نوم جعلي پروفایل جوړ کړ او زما انځورونه یې پرې واچول. هغه ما ګواښي.',
  pa: 'کسے نے میرے ناں تے جعلی پروفائل بݨا کے میریاں تصویراں لا دتیاں نیں۔ اوہ مینوں دھمکیاں دیندا اے۔',
};

const COVERAGE_FILE = path.join(REPO, 'assets/vendor/fonts/coverage.json');

/** Checks the page as a phone shows it: language, direction, switch, width, clipping. */
async function checkPage(page, lang, label, { js }) {
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    switch: [...document.querySelectorAll('.languages a')].map((a) => ({
      text: a.innerText.trim(),
      lang: a.lang,
      hreflang: a.hreflang,
    })),
    // The note a page shows when some of its words came from another language.
    fellBack: document.querySelector('.fallback-note')?.innerText ?? null,
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    // Text cut off: an element that hides its overflow and has more content than room. The
    // interactive map is a viewport onto a larger map by design, not text.
    // A select's scroll size is its longest option's, not what it shows: frame.test.mjs
    // checks each control's text by its ink instead.
    clipped: [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.leaflet-container') && el.tagName !== 'SELECT')
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = [style.overflow, style.overflowX, style.overflowY].some((o) => o === 'hidden' || o === 'clip');
        return (
          hides &&
          el.innerText?.trim() &&
          style.display !== 'none' &&
          !el.classList.contains('visually-hidden') &&
          (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        );
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  }));
  assert.equal(seen.lang, lang.code, `${label}: lang`);
  assert.equal(seen.dir, 'rtl', `${label}: dir`);
  assert.deepEqual(
    seen.switch,
    ALL.filter((l) => l.code !== lang.code).map((l) => ({ text: l.native, lang: l.code, hreflang: l.code })),
    `${label}: the switch names every other language in its own name`,
  );
  assert.equal(seen.fellBack, null, `${label}: the survivor's path is translated whole, no word falls back`);
  assert.ok(seen.scroll <= seen.client, `${label} is ${seen.scroll} px wide in a ${seen.client} px window`);
  assert.deepEqual(seen.clipped, [], `${label}: clipped text`);
  if (js) await assertAccessible(page, label);
  await shot(page, `languages_${lang.code}_${js ? 'js' : 'nojs'}_${label.replace(/[^a-z0-9]+/gi, '_')}`);
}

describe('the survivor’s path in Sindhi, Pashto and Punjabi', () => {
  let server;
  let browser;

  before(async () => {
    // Each run below sends a report: each comes from an address of its own, as from
    // different people, so the per-network limit on reports is not what is tested.
    server = await startServer({ config: '[server]\nclient_ip_header = "X-Forwarded-For"\n' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [n, lang] of TESTED.entries()) {
    for (const js of [true, false]) {
      test(`${lang.code}, JavaScript ${js ? 'on' : 'off'}, 360 px`, async () => {
        const { context, requests } = await newContext(browser, {
          viewport: { width: 360, height: 740 },
          javaScriptEnabled: js,
          extraHTTPHeaders: { 'X-Forwarded-For': `10.${20 + 2 * n + (js ? 0 : 1)}.0.1` },
        });
        const page = await context.newPage();
        const prefix = `/${lang.code}`;

        let res = await page.goto(`${server.base}${prefix}/`);
        assert.equal(res.status(), 200);
        await checkPage(page, lang, 'home', { js });

        // The language switch leads to the same page in another language, without JS.
        const urdu = page.locator('.languages a[hreflang=ur]');
        await Promise.all([page.waitForNavigation(), urdu.click()]);
        assert.equal(new URL(page.url()).pathname, '/ur/');
        await page.goto(`${server.base}${prefix}/`);

        // The report, filled and sent in the language.
        res = await page.goto(`${server.base}${prefix}/report`);
        assert.equal(res.status(), 200);
        await checkPage(page, lang, 'report', { js });
        await page.locator('#what_happened').fill(STORY[lang.code]);
        await Promise.all([
          page.waitForNavigation(),
          page.locator('form.report-form [type=submit]').last().click(),
        ]);
        assert.match(new URL(page.url()).pathname, new RegExp(`^${prefix}/report/receipt/`));
        await checkPage(page, lang, 'receipt', { js });
        const words = (await page.locator('.receipt__words code').innerText()).trim();
        assert.match(words, /^[a-z]+(-[a-z]+)*$/, `receipt words look wrong: ${words}`);

        // Follow-up with that receipt, from the receipt page's own link.
        await Promise.all([page.waitForNavigation(), page.locator(`a[href="${prefix}/follow-up"]`).first().click()]);
        await checkPage(page, lang, 'follow-up', { js });
        await page.locator('#receipt').fill(words);
        await Promise.all([
          page.waitForNavigation(),
          page.locator('form.follow-up-form [type=submit]').first().click(),
        ]);
        assert.equal(new URL(page.url()).pathname, `${prefix}/follow-up`);
        assert.ok((await page.locator('.status__label').innerText()).trim().length > 0, 'no status shown');
        await checkPage(page, lang, 'follow-up status', { js });

        res = await page.goto(`${server.base}${prefix}/resources`);
        assert.equal(res.status(), 200);
        await checkPage(page, lang, 'resources', { js });

        res = await page.goto(`${server.base}${prefix}/no-such-page`);
        assert.equal(res.status(), 404);
        await checkPage(page, lang, '404', { js });
        assert.equal(await page.locator('.error-page__languages a').count(), ALL.length);

        assertOnlyLocal(requests, server.port);
        await assertNoCookies(context);
        await context.close();
      });
    }
  }

  // The public pages beyond the survivor's path, translated later (statistics, data, the
  // world map, what others did, campaigns, a story), on the same phone with JavaScript.
  for (const lang of TESTED) {
    test(`${lang.code}: the other public pages at 360 px`, async () => {
      const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${server.base}/${lang.code}/`);
      const story = await page.locator('a[href*="/stories/"]').first().getAttribute('href');
      assert.ok(story, 'the home page links a story');
      for (const p of ['/stats', '/data', '/world', '/strategies', '/campaigns', story.replace(/^\/[a-z]+\//, '/')]) {
        const res = await page.goto(`${server.base}/${lang.code}${p}`);
        assert.equal(res.status(), 200, p);
        await checkPage(page, lang, p, { js: true });
      }
      assertOnlyLocal(requests, server.port);
      await context.close();
    });
  }

  test('an unknown language is a 404 in English that links to every language', async () => {
    const { context } = await newContext(browser, { viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const res = await page.goto(`${server.base}/fr/report`);
    assert.equal(res.status(), 404);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const links = await page.locator('.error-page__languages a').evaluateAll((as) =>
      as.map((a) => ({ text: a.innerText.trim(), href: a.getAttribute('href'), lang: a.lang })),
    );
    assert.deepEqual(
      links,
      ALL.map((l, i) => ({ text: l.native, href: i === 0 ? '/' : `/${l.code}/`, lang: l.code })),
    );
    await assertAccessible(page, '/fr/report');
    await context.close();
  });

  test('every character shown is drawn by a font the page serves', async () => {
    const coverage = JSON.parse(fs.readFileSync(COVERAGE_FILE, 'utf8')).files;
    for (const lang of TESTED) {
      const families = [lang.family, 'Noto Sans'];
      const covered = new Set(
        Object.values(coverage)
          .filter((f) => families.includes(f.family))
          .flatMap((f) => f.code_points),
      );
      const { context } = await newContext(browser, { viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      for (const p of ['/', '/report', '/follow-up', '/resources']) {
        await page.goto(`${server.base}/${lang.code}${p}`);
        const { text, family, drawn } = await page.evaluate(async (fam) => {
          await document.fonts.ready;
          const text = document.body.innerText;
          return {
            text,
            family: getComputedStyle(document.querySelector('main p, main h1')).fontFamily,
            drawn: document.fonts.check(`16px "${fam}"`, text.replace(/[\u0000-\u007f]/g, '')),
          };
        }, lang.family);
        assert.ok(family.startsWith(`"${lang.family}"`), `${lang.code}${p}: text set in ${family}`);
        assert.ok(drawn, `${lang.code}${p}: ${lang.family} not ready for the page's text`);
        const missing = [...new Set([...text])].filter((c) => {
          const cp = c.codePointAt(0);
          // Controls, line breaks and the bidi marks (LRM, RLM, isolates) draw nothing.
          return !(cp < 0x20 || (cp >= 0x200c && cp <= 0x200f) || (cp >= 0x2066 && cp <= 0x2069)) && !covered.has(cp);
        });
        assert.deepEqual(missing, [], `${lang.code}${p}: characters no served font draws`);
      }
      await context.close();
    }
  });
});
