// Statistics, the printable summary, the resources page and a story page, against the demo
// data: with JavaScript off and on (axe needs JavaScript, so it runs in the second pass over
// the same markup), accessible, no foreign request, no cookie; the summary
// printed without the site's header; the story's copy button only with JavaScript.

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

/** The first story linked from the home page. */
async function firstStoryPath(page, prefix = '') {
  await page.goto(`${server.base}${prefix}/`);
  const href = await page.locator('a[href*="/stories/"]').first().getAttribute('href');
  assert.ok(href, 'the home page links to a story');
  return href;
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'on' : 'off';

  test(`statistics draw charts and filter with JavaScript ${mode}`, async () => {
    const { context, requests } = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${server.base}/stats`);
    const total = Number(await page.locator('.stats-total__number').textContent());
    assert.equal(total, 360, 'the demo counts 300 stories and 60 statistics-only cases');
    assert.ok((await page.locator('svg.chart__svg rect.chart__bar').count()) > 10);
    // The filter form is a plain GET form.
    await page.selectOption('#filter-province', 'pk-pb');
    await Promise.all([page.waitForNavigation(), page.locator('.stats-filter button[type=submit]').click()]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('province'), 'pk-pb');
    const punjab = Number(await page.locator('.stats-total__number').textContent());
    assert.ok(punjab > 0 && punjab < total, `${punjab} of ${total}`);
    if (javaScriptEnabled) await assertAccessible(page, '/stats?province=pk-pb');
    // The tables open without JavaScript (details/summary).
    await page.locator('.chart__table summary').first().click();
    assert.ok(await page.locator('.chart__table table').first().isVisible());
    await shot(page, `stats-js-${mode}`);

    await page.goto(`${server.base}/ur/stats`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    if (javaScriptEnabled) await assertAccessible(page, '/ur/stats');
    // Right to left, a bar ends at the right edge of its chart.
    const box = await page.locator('svg.chart__svg').first().boundingBox();
    const bar = await page.locator('svg.chart__svg rect.chart__bar').first().boundingBox();
    assert.ok(Math.abs(bar.x + bar.width - (box.x + box.width)) < 2, 'bars grow from the right');
    await shot(page, `stats-ur-js-${mode}`);

    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });

  test(`the printable summary and resources with JavaScript ${mode}`, async () => {
    const { context, requests } = await newContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${server.base}/stats/report?from=2020&province=pk-sd`);
    assert.deepEqual(await page.locator('.report__scope dd').allTextContents(), ['From 2020', 'Sindh']);
    if (javaScriptEnabled) await assertAccessible(page, '/stats/report');
    assert.ok(await page.locator('.site-header').isVisible());
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'no header on paper');
    assert.equal(await page.locator('.stats-filter').isVisible(), false, 'no form on paper');
    assert.equal(await page.locator('a.quick-exit').isVisible(), false);
    assert.ok(await page.locator('.report__method').isVisible());
    if (javaScriptEnabled) {
      const colour = await page.locator('.report h1').evaluate((e) => getComputedStyle(e).color);
      assert.equal(colour, 'rgb(0, 0, 0)', 'black on white');
    }
    await shot(page, `stats-report-print-js-${mode}`);
    await page.emulateMedia({ media: 'screen' });

    for (const path of ['/resources', '/ur/resources']) {
      await page.goto(`${server.base}${path}`);
      assert.ok(await page.locator('#helplines').isVisible(), path);
      assert.equal(await page.locator('a[href="tel:080039393"]').first().getAttribute('rel'), 'noreferrer');
      if (javaScriptEnabled) await assertAccessible(page, path);
    }
    // Only the links a visitor follows leave the site; loading the page did not.
    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });

  test(`a story page offers help and a plain link with JavaScript ${mode}`, async () => {
    const { context, requests } = await newContext(browser, {
      javaScriptEnabled,
      permissions: javaScriptEnabled ? ['clipboard-read', 'clipboard-write'] : [],
    });
    const page = await context.newPage();
    const path = await firstStoryPath(page);
    await page.goto(`${server.base}${path}`);
    assert.equal(await page.locator('#share-url').inputValue(), `${server.base}${path}`);
    assert.ok((await page.locator('.story__resources a').count()) >= 2);
    const copy = page.locator('button.share__copy');
    if (javaScriptEnabled) {
      await copy.click();
      await page.locator('.share__status', { hasText: 'Link copied.' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, `${server.base}${path}`);
    } else {
      assert.equal(await copy.isVisible(), false, 'no copy button without JavaScript');
    }
    if (javaScriptEnabled) await assertAccessible(page, path);
    await page.locator('.story__resources a').first().click();
    assert.equal(new URL(page.url()).pathname, '/resources');
    assertOnlyLocal(requests, server.port);
    await assertNoCookies(context);
    await context.close();
  });
}
