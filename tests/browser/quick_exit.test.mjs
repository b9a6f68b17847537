// Quick exit: the link works without JavaScript; with JavaScript, the link, Escape and
// Shift pressed three times leave with location.replace, so Back does not return to the form.
// The exit leads to the configured outside page (`[server] exit_url`), here a stand-in on
// another loopback port.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertNoCookies,
  assertOnlyLocal,
  launchBrowser,
  newContext,
  startOutsidePage,
  startServer,
} from './support.mjs';

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

/** Every request but the top-level arrival on the outside page went to the test server. */
function assertOnlyLocalBesidesExit(requests) {
  const ours = requests.filter((url) => url !== outside.url);
  assertOnlyLocal(ours, server.port);
}

/** Opens /ur/ and follows the menu link to the Urdu form, so the history has two entries. */
async function openFormFromHome(page) {
  await page.goto(`${server.base}/ur/`);
  await Promise.all([page.waitForNavigation(), page.locator('.site-nav a[href="/ur/report"]').click()]);
  assert.equal(new URL(page.url()).pathname, '/ur/report');
}

/** Fails unless the page is the outside page, which was not told where she came from. */
async function assertOnExitPage(page) {
  await page.waitForURL(outside.url);
  assert.equal(await page.title(), 'Weather');
  assert.equal(await page.locator('a.quick-exit').count(), 0);
  const arrivals = outside.hits.filter((h) => h.path === '/weather');
  assert.ok(arrivals.length > 0, 'the outside page was not asked for');
  assert.deepEqual(arrivals.map((h) => h.referer).filter(Boolean), [], 'the outside page was told where she came from');
}

/** Fails unless Back from the exit page goes to the home page, skipping the form. */
async function assertBackSkipsForm(page) {
  await page.goBack();
  assert.equal(new URL(page.url()).pathname, '/ur/', 'Back returned to the form');
}

test('the quick-exit link works with JavaScript off', async () => {
  const { context, requests } = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await openFormFromHome(page);
  await page.locator('#what_happened').fill('کچھ لکھا ہوا');
  await Promise.all([page.waitForNavigation(), page.locator('a.quick-exit').click()]);
  await assertOnExitPage(page);
  assertOnlyLocalBesidesExit(requests);
  await assertNoCookies(context);
  await context.close();
});

test('with JavaScript the quick-exit link replaces the page in the history', async () => {
  const { context, requests } = await newContext(browser);
  const page = await context.newPage();
  await openFormFromHome(page);
  const before = await page.evaluate(() => history.length);
  await page.locator('a.quick-exit').click();
  await assertOnExitPage(page);
  assert.equal(await page.evaluate(() => history.length), before, 'the exit added a history entry');
  await assertBackSkipsForm(page);
  assertOnlyLocalBesidesExit(requests);
  await assertNoCookies(context);
  await context.close();
});

test('Escape leaves, even while typing in the form', async () => {
  const { context, requests } = await newContext(browser);
  const page = await context.newPage();
  await openFormFromHome(page);
  const before = await page.evaluate(() => history.length);
  await page.locator('#what_happened').click();
  await page.keyboard.type('میں لکھ رہی تھی');
  await page.keyboard.press('Escape');
  await assertOnExitPage(page);
  assert.equal(await page.evaluate(() => history.length), before, 'the exit added a history entry');
  await assertBackSkipsForm(page);
  assertOnlyLocalBesidesExit(requests);
  await assertNoCookies(context);
  await context.close();
});

test('Shift three times in a row leaves; Shift while typing capitals does not', async () => {
  const { context, requests } = await newContext(browser);
  const page = await context.newPage();
  await openFormFromHome(page);
  const box = page.locator('#what_happened');
  await box.click();

  // Three capitals typed quickly: three Shift presses, each followed by a letter.
  for (const key of ['KeyF', 'KeyI', 'KeyA']) {
    await page.keyboard.down('Shift');
    await page.keyboard.press(key);
    await page.keyboard.up('Shift');
  }
  // Held down, Shift repeats: that is one press, not three.
  await page.keyboard.down('Shift');
  await page.keyboard.down('Shift');
  await page.keyboard.down('Shift');
  await page.keyboard.up('Shift');
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).pathname, '/ur/report', 'typing capitals left the site');
  assert.equal(await box.inputValue(), 'FIA');

  const before = await page.evaluate(() => history.length);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await assertOnExitPage(page);
  assert.equal(await page.evaluate(() => history.length), before, 'the exit added a history entry');
  await assertBackSkipsForm(page);
  assertOnlyLocalBesidesExit(requests);
  await assertNoCookies(context);
  await context.close();
});
