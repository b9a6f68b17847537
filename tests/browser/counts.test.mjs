// Counts against the demo (300 published stories and 60 cases coded "statistics only"):
// /stats takes every filter of the map, with JavaScript off and on, at 360 and 1280 px, in
// English and Urdu; the printed summary names the filter in its heading and prints links in
// full; "fewer than 3" is shown the same on the page and in the API; axe-core finds nothing.

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

const PUBLIC_URL = 'https://naqsha.example.org';

let server;
let browser;

before(async () => {
  // Printed links are written with the configured public address.
  process.env.NAQSHA_PUBLIC_URL = PUBLIC_URL;
  server = await startServer();
  delete process.env.NAQSHA_PUBLIC_URL;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The published total of a statistics page, as shown. */
async function total(page) {
  return (await page.locator('.stats-total__number').textContent()).trim();
}

test('statistics-only cases are counted by the API and the pages, and listed by neither', async () => {
  const stats = await (await fetch(`${server.base}/api/v1/stats?group_by=year`)).json();
  const cases = await (await fetch(`${server.base}/api/v1/cases?limit=1`)).json();
  assert.equal(stats.total, 360, '300 stories and 60 statistics-only cases');
  assert.equal(stats.rounded_to, 5);
  assert.equal(cases.total, 300, 'only the stories are listed');
  const csv = await (await fetch(`${server.base}/data/cases.csv`)).text();
  assert.equal(csv.trim().split('\n').length, 301, 'a header and the 300 stories');
});

for (const lang of ['en', 'ur']) {
  const prefix = lang === 'ur' ? '/ur' : '';
  for (const width of [360, 1280]) {
    for (const javaScriptEnabled of [false, true]) {
      const mode = `${lang} ${width}px JS ${javaScriptEnabled ? 'on' : 'off'}`;

      test(`every map filter works on /stats and names itself in print (${mode})`, async () => {
        const { context, requests } = await newContext(browser, {
          javaScriptEnabled,
          viewport: { width, height: 900 },
        });
        const page = await context.newPage();
        await page.goto(`${server.base}${prefix}/stats`);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ur' ? 'rtl' : 'ltr');
        const all = await total(page);
        // Every filter dimension of the map is offered, closed until used.
        const groups = await page.locator('.stats-filter__group input[type=checkbox]').evaluateAll(
          (inputs) => [...new Set(inputs.map((i) => i.name))].sort(),
        );
        assert.deepEqual(groups, ['act', 'harm', 'kind', 'perpetrator', 'platform']);
        // Choose a kind of act, a province and a first year, then submit the plain GET form.
        await page.locator('.stats-filter__group:has(input[name=act]) summary').click();
        await page.locator('label[for=sf-act-blackmail_sextortion]').click();
        await page.locator('.stats-filter__group:has(input[name=platform]) summary').click();
        await page.locator('label[for=sf-platform-whatsapp]').click();
        await page.selectOption('#filter-province', 'pk-pb');
        await page.selectOption('#filter-from', '2018');
        await Promise.all([
          page.waitForNavigation(),
          page.locator('.stats-filter button[type=submit]').click(),
        ]);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('act'), 'blackmail_sextortion');
        assert.equal(url.searchParams.get('platform'), 'whatsapp');
        assert.equal(url.searchParams.get('province'), 'pk-pb');
        assert.equal(url.searchParams.get('from'), '2018');
        // The choices are kept: ticked, their groups open, the selects on their values.
        assert.ok(await page.locator('#sf-act-blackmail_sextortion').isChecked());
        assert.ok(await page.locator('#sf-platform-whatsapp').isVisible(), 'its group is open');
        assert.equal(await page.locator('#filter-province').inputValue(), 'pk-pb');
        assert.equal(await page.locator('#filter-from').inputValue(), '2018');
        const narrowed = await total(page);
        assert.notEqual(narrowed, all, `${narrowed} of ${all}`);
        // The same selection in the API says the same, "fewer than 3" included.
        const api = await (
          await fetch(`${server.base}/api/v1/stats?group_by=province&${url.searchParams}`)
        ).json();
        const fewer = lang === 'ur' ? '3 سے کم' : 'fewer than 3';
        assert.equal(narrowed, api.total === null ? fewer : String(api.total));
        if (javaScriptEnabled) await assertAccessible(page, `${prefix}/stats (filtered)`);
        // The page is no wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 1, `${overflow}px too wide`);
        await shot(page, `counts-stats-${lang}-${width}-js-${javaScriptEnabled}`);

        // The printable summary of this selection names every filter in its heading.
        await page.locator('.stats-links a').first().click();
        await page.waitForURL(/\/stats\/report\?/);
        await page.emulateMedia({ media: 'print' });
        const scope = (await page.locator('.report__scope').innerText()).replace(/\s+/g, ' ');
        const act = lang === 'ur' ? 'بلیک میل' : 'Blackmail';
        assert.ok(scope.includes(act), `${scope} names the act`);
        assert.ok(scope.includes('WhatsApp') || scope.includes('واٹس ایپ'), `${scope} names the platform`);
        assert.ok(scope.includes(lang === 'ur' ? 'پنجاب' : 'Punjab'), scope);
        assert.ok(scope.includes('2018'), scope);
        assert.ok(await page.locator('.report__scope').isVisible(), 'the heading prints');
        assert.equal(await page.locator('.stats-filter').isVisible(), false, 'no form on paper');
        assert.equal(await page.locator('.report__total').innerText(), narrowed);
        // Links print in full, left to right even on the Urdu page.
        const links = await page.locator('.report__method a.report__url').allInnerTexts();
        assert.deepEqual(
          links.map((l) => l.trim().split('?')[0]),
          [`${PUBLIC_URL}${prefix}/data`, `${PUBLIC_URL}${prefix}/stats`],
        );
        const direction = await page.locator('.report__method a.report__url').first().evaluate(
          (a) => getComputedStyle(a).direction,
        );
        assert.equal(direction, 'ltr');
        // One table layout: every table's first column is equally wide.
        const widths = await page.locator('.report__section table th[scope=col]:first-child').evaluateAll(
          (ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)),
        );
        assert.ok(widths.length >= 3, `${widths.length} tables`);
        assert.ok(widths.every((w) => Math.abs(w - widths[0]) <= 1), `column widths ${widths}`);
        if (lang === 'ur') {
          const font = await page.locator('.report h1').evaluate((e) => getComputedStyle(e).fontFamily);
          assert.match(font, /Nastaliq/, font);
          assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        }
        await shot(page, `counts-report-print-${lang}-${width}-js-${javaScriptEnabled}`);
        await page.emulateMedia({ media: 'screen' });
        if (javaScriptEnabled) await assertAccessible(page, `${prefix}/stats/report (filtered)`);

        assertOnlyLocal(requests, server.port);
        await assertNoCookies(context);
        await context.close();
      });
    }
  }
}

test('"fewer than 3" is the same on the statistics page and in the API', async () => {
  const { context } = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  // A small selection: one rare act in one small province.
  const api = await (await fetch(`${server.base}/api/v1/stats?group_by=province&act=defamation`)).json();
  const withheld = api.groups.filter((g) => g.suppressed);
  assert.ok(withheld.length > 0, 'the demo has a withheld province for this act');
  assert.ok(withheld.every((g) => g.count === null));
  await page.goto(`${server.base}/stats?act=defamation`);
  const rows = await page
    .locator('section[aria-labelledby="chart-province-heading"] tbody tr td:nth-of-type(1)')
    .allTextContents();
  const fewer = rows.filter((r) => r.trim() === 'fewer than 3');
  assert.equal(fewer.length, withheld.length, `${JSON.stringify(api.groups)} vs ${rows}`);
  // The other rows show the API's rounded numbers.
  const shown = rows.filter((r) => r.trim() !== 'fewer than 3').map(Number).sort();
  const counted = api.groups.filter((g) => g.count > 0).map((g) => g.count).sort();
  assert.deepEqual(shown, counted);
  for (const g of api.groups.filter((x) => !x.suppressed && x.count > 0)) {
    assert.equal(g.count % 5, 0, `${g.key}: ${g.count} is rounded`);
  }
  await context.close();
});
