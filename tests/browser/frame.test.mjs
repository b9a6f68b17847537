// The frame of the public side (issue 13, items 3, 4 and 8), as a survivor on a shared
// 360 px phone or a 1280 px screen meets it, in English and Urdu, with JavaScript on and off:
// - help in reach: "Get help" in every header, Statistics, Data and Help in the menu, the
//   menu wrapping without sideways scrolling, the helpline box (a tel: link that reads in
//   its logical order on Urdu pages) at the top of the form and on the receipt and
//   follow-up pages;
// - a shared phone keeps the secret: the form, receipt and follow-up tabs show only the site
//   title, advice on private browsing, and quick exit leaving for the configured outside
//   page (a stand-in on another loopback port), replacing the history entry with JavaScript
//   and as a plain link without it;
// - English pages load no Urdu font; Urdu pages draw Nastaliq;
// - Urdu form controls fit their text (public pages and the staff workspace).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAccessible,
  assertNoCookies,
  assertOnlyLocal,
  firstAdminSignIn,
  launchBrowser,
  newContext,
  shot,
  startOutsidePage,
  startServer,
} from './support.mjs';
import { fillUrduReport, readReceipt, sendReport } from './steps.mjs';

const WIDTHS = [360, 1280];
const LANGS = [
  { code: 'en', prefix: '', site: 'Naqsha', help: 'Get help', menu: ['Statistics', 'Data', 'Help'] },
  { code: 'ur', prefix: '/ur', site: 'نقشہ', help: 'مدد لیں', menu: ['اعداد و شمار', 'ڈیٹا', 'مدد'] },
];
const PUBLIC_PAGES = ['/', '/report', '/follow-up', '/stats', '/strategies', '/data', '/resources'];

let server;
let browser;
let outside;

before(async () => {
  outside = await startOutsidePage();
  server = await startServer({ config: `[server]\nexit_url = "${outside.url}"\n` });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await outside?.stop();
});

/** Every request went to the test server, but for arrivals on the outside page itself. */
function assertOnlyOurs(requests) {
  assertOnlyLocal(
    requests.filter((url) => url !== outside.url),
    server.port,
  );
}

/** The page's width against its window: nothing may need sideways scrolling. */
async function assertNoSidewaysScroll(page, label) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${label} is ${scroll} px wide in a ${client} px window`);
}

/**
 * The helpline number as drawn: the tel: link, left to right, and its characters laid out
 * in their logical order (each digit group to the right of the one before it), which is what
 * a reader sees whatever the page's direction.
 */
async function assertHelplineReadsForwards(page, label) {
  const box = page.locator('.help-box');
  assert.equal(await box.count(), 1, `${label}: one helpline box`);
  assert.ok(await box.isVisible(), `${label}: the helpline box is visible`);
  const link = box.locator('a[href^="tel:"]');
  assert.equal(await link.getAttribute('href'), 'tel:080039393', label);
  assert.equal(await link.getAttribute('dir'), 'ltr', label);
  assert.equal((await link.innerText()).trim(), '0800-39393', label);
  const order = await link.evaluate((a) => {
    const text = a.querySelector('bdi').firstChild;
    const x = (i) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().left;
    };
    return [0, 3, 4, 5, 9].map(x); // "0", the last "0" of 0800, "-", "3", the last "3"
  });
  for (let i = 1; i < order.length; i++) {
    assert.ok(order[i] > order[i - 1], `${label}: the number is drawn out of order: ${order}`);
  }
}

describe('help in reach', () => {
  for (const width of WIDTHS) {
    for (const js of [false, true]) {
      test(`Get help, the menu and the helpline box at ${width} px, JavaScript ${js ? 'on' : 'off'}`, async () => {
        const { context, requests } = await newContext(browser, {
          viewport: { width, height: 800 },
          javaScriptEnabled: js,
        });
        const page = await context.newPage();
        for (const lang of LANGS) {
          for (const p of PUBLIC_PAGES) {
            const path = `${lang.prefix}${p}`;
            const res = await page.goto(server.base + path);
            assert.equal(res.status(), 200, path);
            const help = page.locator('.site-header a.get-help');
            assert.equal((await help.innerText()).trim(), lang.help, path);
            assert.equal(await help.getAttribute('href'), `${lang.prefix}/resources`, path);
            assert.ok(await help.isVisible(), `${path}: Get help is visible`);
            const nav = page.locator('.site-nav');
            for (const name of lang.menu) {
              const item = nav.getByRole('link', { name, exact: true });
              assert.ok(await item.isVisible(), `${path}: the menu shows ${name}`);
              const box = await item.boundingBox();
              assert.ok(box.x >= 0 && box.x + box.width <= width, `${path}: ${name} is off screen at ${width} px`);
            }
            // No sideways scrolling: only measurable with JavaScript (the layout is the same).
            if (js) await assertNoSidewaysScroll(page, `${path} at ${width} px`);
          }
          // Get help leads to the help page.
          await page.goto(`${server.base}${lang.prefix}/report`);
          await Promise.all([page.waitForNavigation(), page.locator('a.get-help').click()]);
          assert.equal(new URL(page.url()).pathname, `${lang.prefix}/resources`);
          assert.ok((await page.locator('#helplines').count()) === 1, 'the help page lists the helplines');

          // The helpline box: at the top of the form (before its first section) and on the
          // follow-up page.
          await page.goto(`${server.base}${lang.prefix}/report`);
          if (js) await assertHelplineReadsForwards(page, `${lang.code} form`);
          const [boxTop, formTop] = await Promise.all([
            page.locator('.help-box').boundingBox(),
            page.locator('form.report-form').boundingBox(),
          ]);
          assert.ok(boxTop.y < formTop.y, 'the helpline box comes before the form');
          assert.ok(boxTop.y < 800 * 1.5, `the helpline box is near the top (${boxTop.y} px)`);
          await shot(page, `frame-report-${lang.code}-${width}${js ? '' : '-nojs'}`, { fullPage: false });
          await page.goto(`${server.base}${lang.prefix}/follow-up`);
          if (js) await assertHelplineReadsForwards(page, `${lang.code} follow-up`);
          else assert.equal(await page.locator('.help-box a[href="tel:080039393"]').count(), 1);
        }
        assertOnlyOurs(requests);
        await assertNoCookies(context);
        await context.close();
      });
    }
  }

  test('no axe violation on the pages with the new frame, the box and the advice', async () => {
    const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const lang of LANGS) {
      for (const p of PUBLIC_PAGES) {
        await page.goto(`${server.base}${lang.prefix}${p}`);
        await assertAccessible(page, `${lang.prefix}${p}`);
      }
      // The advice opened, as she would read it.
      await page.goto(`${server.base}${lang.prefix}/report`);
      await page.locator('details.hide-visit summary').click();
      await assertAccessible(page, `${lang.prefix}/report with the advice open`);
    }
    assertOnlyOurs(requests);
    await context.close();
  });
});

describe('a shared phone keeps the secret', () => {
  for (const js of [false, true]) {
    test(`the form, receipt and follow-up show only the site title; the advice is there (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const { context, requests } = await newContext(browser, {
        viewport: { width: 360, height: 800 },
        javaScriptEnabled: js,
      });
      const page = await context.newPage();
      for (const lang of LANGS) {
        for (const p of ['/report', '/follow-up']) {
          await page.goto(`${server.base}${lang.prefix}${p}`);
          assert.equal(await page.title(), lang.site, `${lang.prefix}${p}`);
        }
        await page.goto(`${server.base}${lang.prefix}/report`);
        const advice = page.locator('details.hide-visit');
        assert.equal(await advice.count(), 1);
        await advice.locator('summary').click();
        const items = await advice.locator('li').allInnerTexts();
        assert.equal(items.length, 3);
        assert.ok(await advice.locator('li').first().isVisible(), 'the advice opens without JavaScript');
        const expected = lang.code === 'en' ? /private or incognito/ : /پرائیویٹ یا اِنکوگنیٹو/;
        assert.match(items[0], expected);
      }

      // The receipt of an Urdu report.
      await page.goto(`${server.base}/ur/report`);
      await fillUrduReport(page, { evidence: false });
      assert.equal((await sendReport(page)).status(), 200);
      await readReceipt(page);
      assert.equal(await page.title(), 'نقشہ', 'the receipt tab shows only the site title');
      assert.equal(await page.locator('details.hide-visit[open] li').count(), 3, 'the advice is open on the receipt');
      assert.ok(await page.locator('details.hide-visit li').first().isVisible());
      if (js) {
        await assertHelplineReadsForwards(page, 'receipt');
        await assertAccessible(page, 'the receipt');
      } else {
        assert.equal(await page.locator('.help-box a[href="tel:080039393"][dir="ltr"] bdi').count(), 1);
      }
      await shot(page, `frame-receipt-ur${js ? '' : '-nojs'}`);
      // The history holds no page title that says what was done.
      assertOnlyOurs(requests);
      await assertNoCookies(context);
      await context.close();
    });
  }

  for (const width of WIDTHS) {
    test(`without JavaScript the quick-exit link leaves for the outside page (${width} px)`, async () => {
      const { context, requests } = await newContext(browser, {
        viewport: { width, height: 800 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      for (const lang of LANGS) {
        await page.goto(`${server.base}${lang.prefix}/report`);
        const link = page.locator('a.quick-exit');
        assert.equal(await link.getAttribute('href'), outside.url);
        assert.equal(await link.getAttribute('rel'), 'noreferrer');
        const before = outside.hits.length;
        await Promise.all([page.waitForURL(outside.url), link.click()]);
        assert.equal(await page.title(), 'Weather');
        const arrivals = outside.hits.slice(before).filter((h) => h.path === '/weather');
        assert.equal(arrivals.length, 1, 'one arrival on the outside page');
        assert.equal(arrivals[0].referer, null, 'the outside page is not told where she came from');
      }
      // Our pages asked the outside host for nothing (no prefetch, no image): its only
      // requests are her arrivals.
      assert.deepEqual(
        requests.filter((u) => new URL(u).port === String(outside.port) && u !== outside.url),
        [],
      );
      assertOnlyOurs(requests);
      await context.close();
    });

    test(`with JavaScript quick exit replaces the page in the history (${width} px)`, async () => {
      const { context, requests } = await newContext(browser, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      for (const lang of LANGS) {
        // Home, then the form: Back from the outside page must skip the form.
        await page.goto(`${server.base}${lang.prefix}/`);
        await Promise.all([page.waitForNavigation(), page.locator(`.site-nav a[href="${lang.prefix}/report"]`).click()]);
        const length = await page.evaluate(() => history.length);
        await Promise.all([page.waitForURL(outside.url), page.locator('a.quick-exit').click()]);
        assert.equal(await page.evaluate(() => history.length), length, 'the exit added a history entry');
        await page.goBack();
        assert.equal(new URL(page.url()).pathname, `${lang.prefix}/`, 'Back returned to the form');
      }
      // The old address still leaves, without a referrer.
      const res = await page.goto(`${server.base}/exit`);
      assert.equal(page.url(), outside.url);
      assert.equal(res.request().redirectedFrom().url(), `${server.base}/exit`);
      assertOnlyOurs(requests);
      await assertNoCookies(context);
      await context.close();
    });
  }
});

describe('fonts', () => {
  test('English pages load no Urdu font; Urdu pages preload Nastaliq and draw with it', async () => {
    for (const js of [false, true]) {
      for (const lang of LANGS) {
        const { context, requests } = await newContext(browser, {
          viewport: { width: 360, height: 800 },
          javaScriptEnabled: js,
        });
        const page = await context.newPage();
        for (const p of ['/', '/report', '/resources']) {
          await page.goto(`${server.base}${lang.prefix}${p}`, { waitUntil: 'networkidle' });
        }
        const nastaliq = requests.filter((u) => /nastaliq/i.test(u));
        if (lang.code === 'en') {
          assert.deepEqual(nastaliq, [], 'an English page loaded the Urdu font');
          // The language switch still says «اردو».
          assert.equal((await page.locator('.lang-switch [lang=ur]').innerText()).trim(), 'اردو');
        } else {
          assert.ok(nastaliq.length > 0, 'the Urdu pages loaded no Nastaliq');
          assert.ok(nastaliq.every((u) => /noto-nastaliq-urdu-urdu-400-normal\.[0-9a-f]{12}\.woff2$/.test(u)), nastaliq.join());
          if (js) {
            const drawn = await page.evaluate(async () => {
              await document.fonts.ready;
              return document.fonts.check('20px "Noto Nastaliq Urdu"', 'کوئی بھی سال');
            });
            assert.equal(drawn, true, 'Nastaliq is not in use');
          }
        }
        assertOnlyLocal(requests, server.port);
        await context.close();
      }
    }
  });
});

/**
 * Every visible form control of the page that shows text, measured against the box Chromium
 * draws (and clips) its text in. A <select> and an <input> clip their text to their content
 * box: to one line of the font's height, centred, and at the start edge (a textarea clips at
 * its padding box and is left out). Their text is not in the page's DOM, so it is measured
 * in a canvas in the control's own font, shaped as drawn: the chosen option, the value or
 * the placeholder, or a sample when empty (Urdu, or a phone number in a left-to-right
 * field). The ink must fit: above and below the baseline within the line, and at the start
 * within the control's text-indent. Nastaliq needs the last: a word's first letter is raised
 * and «ک» reaches about 0.4 em beyond the point where the word begins, so «کوئی بھی سال»
 * lost the top of its «ک» at the edge of a select. A select also keeps room for its arrow.
 * A <button> does not clip but must hold its text: a Range over its text gives the lines as
 * drawn, which must lie inside its padding box, and the first letter's overhang must stay
 * inside its padding. A tick box or radio button must lie inside its row. Returns misfits.
 */
async function misfits(page, sample = 'کوئی بھی سال') {
  return page.evaluate(async (SAMPLE) => {
    await document.fonts.ready;
    const LTR_SAMPLE = '0300-1234567';
    const ARROW = 12; // the room Chromium's select keeps for its arrow (measured on a shot), px
    const canvas = document.createElement('canvas').getContext('2d');
    const out = [];
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' &&
        !el.closest('[aria-hidden="true"], .visually-hidden');
    };
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.name ? `[name=${el.name}]` : ''}`;
    const px = (cs, v) => parseFloat(cs[v]) || 0;
    /** The ink of `text` in the font of `el`, from where its first letter starts. */
    const ink = (el, text) => {
      const cs = getComputedStyle(el);
      canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      canvas.direction = cs.direction;
      canvas.textAlign = 'start';
      const m = canvas.measureText(text);
      const rtl = cs.direction === 'rtl';
      return {
        ascent: m.actualBoundingBoxAscent,
        descent: m.actualBoundingBoxDescent,
        fontAscent: m.fontBoundingBoxAscent,
        fontDescent: m.fontBoundingBoxDescent,
        // Beyond the start point (right of it in Urdu, left of it in English).
        start: rtl ? m.actualBoundingBoxRight : m.actualBoundingBoxLeft,
        width: m.width,
      };
    };
    /** Whether the text fits a control that clips to its content box; what is wrong if not. */
    const clipped = (el, text) => {
      const cs = getComputedStyle(el);
      const i = ink(el, text);
      const height = el.clientHeight - px(cs, 'paddingTop') - px(cs, 'paddingBottom');
      const width = el.clientWidth - px(cs, 'paddingLeft') - px(cs, 'paddingRight');
      const line = i.fontAscent + i.fontDescent;
      // The line is centred in the content box; what is left over is room above and below.
      const spare = Math.max(0, (height - line) / 2);
      const indent = px(cs, 'textIndent');
      const wrong = [];
      if (height + 1 < line) wrong.push(`content box ${height} px high for a ${line} px line`);
      if (i.ascent > i.fontAscent + spare + 1) wrong.push(`ink ${i.ascent} px above the baseline, room ${i.fontAscent + spare}`);
      if (i.descent > i.fontDescent + spare + 1) wrong.push(`ink ${i.descent} px below the baseline, room ${i.fontDescent + spare}`);
      if (i.start > indent + 0.5) wrong.push(`first letter reaches ${i.start} px before the start, indent ${indent}`);
      const arrow = el.tagName === 'SELECT' ? ARROW : 0;
      if (el.tagName === 'SELECT' && i.width + arrow + indent > width + 1) {
        wrong.push(`text ${i.width} px wide (+ ${arrow} arrow, ${indent} indent) in ${width} px`);
      }
      return wrong;
    };
    const TEXT_INPUTS = ['text', 'search', 'url', 'tel', 'email', 'number', 'password'];
    for (const el of document.querySelectorAll('select, input, button')) {
      if (!visible(el)) continue;
      const tag = el.tagName.toLowerCase();
      if (tag === 'select' && !el.multiple && el.size <= 1) {
        // Every option: she reads each choice in the closed select once it is chosen.
        const texts = [...el.options].map((o) => o.textContent.trim()).filter(Boolean);
        for (const text of texts.length ? texts : [SAMPLE]) {
          const wrong = clipped(el, text);
          if (wrong.length) out.push({ control: name(el), text, wrong });
        }
      } else if (tag === 'input' && TEXT_INPUTS.includes(el.type)) {
        const ltr = el.dir === 'ltr' || ['url', 'tel', 'email', 'number', 'password'].includes(el.type);
        const text = el.value || el.placeholder || (ltr ? LTR_SAMPLE : SAMPLE);
        const wrong = clipped(el, text);
        if (wrong.length) out.push({ control: name(el), text, wrong });
      } else if (tag === 'input' && (el.type === 'checkbox' || el.type === 'radio')) {
        const row = el.closest('.check, label, li, div');
        if (row) {
          const r = el.getBoundingClientRect();
          const c = row.getBoundingClientRect();
          if (r.top < c.top - 1 || r.bottom > c.bottom + 1) {
            out.push({ control: name(el), wrong: [`box ${r.top}–${r.bottom} outside its row ${c.top}–${c.bottom}`] });
          }
        }
      } else if (tag === 'button') {
        const text = el.textContent.trim();
        if (!text) continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        const t = range.getBoundingClientRect();
        const b = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        const inner = {
          top: b.top + px(cs, 'borderTopWidth'),
          bottom: b.bottom - px(cs, 'borderBottomWidth'),
          left: b.left + px(cs, 'borderLeftWidth'),
          right: b.right - px(cs, 'borderRightWidth'),
        };
        const wrong = [];
        // The Range's box is the union of the lines' content areas, as drawn.
        if (t.top < inner.top - 1 || t.bottom > inner.bottom + 1 || t.left < inner.left - 1 || t.right > inner.right + 1) {
          wrong.push(`text ${JSON.stringify([t.top, t.bottom, t.left, t.right])} outside ${JSON.stringify(inner)}`);
        }
        const first = ink(el, text.split(/\s+/)[0]);
        const room = cs.direction === 'rtl' ? inner.right - t.right : t.left - inner.left;
        if (first.start > room + 1) wrong.push(`first letter reaches ${first.start} px before the start, room ${room}`);
        if (wrong.length) out.push({ control: name(el), text, wrong });
      }
    }
    return out;
  }, sample);
}

// The other languages set in an Arabic-script font, with a sample of the letters their own
// font must hold up in a control: Sindhi's and Pashto's in Naskh, Punjabi's in Nastaliq.
const OTHER_RTL = [
  { code: 'sd', sample: 'ڪجهه ٻڌايو ڄاڻ' },
  { code: 'ps', sample: 'ښځې ګټه ډېر' },
  { code: 'pa', sample: 'کوئی ݨ ݪ پنجابی' },
];

describe('Sindhi, Pashto and Punjabi form controls fit their text', () => {
  for (const { code, sample } of OTHER_RTL) {
    test(`/${code}/ forms at 360 and 1280 px`, async (t) => {
      // A language whose pages are not routed yet is reported as skipped, not passed.
      const first = await fetch(`${server.base}/${code}/`, { redirect: 'manual' });
      if (first.status !== 200) {
        t.skip(`/${code}/ is not served yet (${first.status})`);
        return;
      }
      const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 900 } });
      const page = await context.newPage();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const p of ['/', '/stats', '/follow-up', '/report']) {
          await page.goto(`${server.base}/${code}${p}`);
          assert.equal(await page.getAttribute('html', 'lang'), code);
          const bad = await misfits(page, sample);
          assert.deepEqual(bad, [], `/${code}${p} at ${width} px: controls clip their text:\n${JSON.stringify(bad, null, 1)}`);
        }
        await shot(page, `frame-report-${code}-${width}`, { fullPage: false });
      }
      await context.close();
      assertOnlyLocal(requests, server.port);
    });
  }
});

describe('Urdu form controls fit their text', () => {
  for (const width of WIDTHS) {
    test(`public forms and the staff workspace in Urdu at ${width} px`, async () => {
      const { context, requests } = await newContext(browser, { viewport: { width, height: 900 } });
      const page = await context.newPage();
      const checked = [];
      const check = async (label) => {
        const bad = await misfits(page);
        checked.push(label);
        assert.deepEqual(bad, [], `${label} at ${width} px: controls clip their text:\n${JSON.stringify(bad, null, 1)}`);
      };
      for (const p of ['/ur/report', '/ur/', '/ur/stats', '/ur/follow-up']) {
        await page.goto(server.base + p);
        await check(p);
      }
      // A filter set to "any year" and a province, as she would choose them.
      await page.goto(`${server.base}/ur/stats?province=pk-pb`);
      await check('/ur/stats filtered');
      await page.goto(`${server.base}/admin/login?lang=ur`);
      assert.equal(await page.getAttribute('html', 'lang'), 'ur');
      await check('the Urdu sign-in page');
      await shot(page, `frame-admin-login-ur-${width}`, { fullPage: false });
      await context.close();
      assertOnlyLocal(requests, server.port);
    });
  }

  test('the Urdu inbox and its filters, signed in', async () => {
    assert.ok(server.adminPassword, 'serve --demo printed the admin one-time password');
    const { context, requests } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await firstAdminSignIn(page, server, 'frame test passphrase 2026', { urdu: true });
    assert.equal(await page.getAttribute('html', 'lang'), 'ur');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const bad = await misfits(page);
      assert.deepEqual(bad, [], `the Urdu inbox at ${width} px: controls clip their text:\n${JSON.stringify(bad, null, 1)}`);
      await shot(page, `frame-admin-inbox-ur-${width}`, { fullPage: false });
    }
    assertOnlyLocal(requests, server.port);
    await context.close();
  });
});
