// The approval loop of issue 19, in Urdu: a survivor asks to see her anonymised story before
// it is published; the moderator drafts it and sends it for her approval; publishing is
// refused while she has not answered; she approves on /ur/follow-up with her receipt; the
// story is published as she saw it. A second survivor chooses "statistics only" instead:
// nothing of hers is published, and the case is counted. No request leaves the server.

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
import { fillUrduReport, lookUp, press, readReceipt, sendReport, tapChoice } from './steps.mjs';

/** Urdu strings the test looks for (crates/naqsha/i18n/ur/…/*.ftl). */
const UR = {
  decide: 'میرا جواب بھیجیں',
  choseApproved: 'آپ نے یہ خلاصہ منظور کر دیا۔ اب یہ اسی طرح شائع ہو سکتا ہے جیسے آپ نے دیکھا۔',
  choseStatistics: 'آپ کا انتخاب: کہانی شائع نہ کی جائے، صرف اعداد و شمار میں گنی جائے۔',
  gateWaiting: 'انہوں نے شائع ہونے سے پہلے اپنی کہانی دیکھنے کو کہا ہے، اور ابھی جواب نہیں دیا۔',
  proposalSent: 'گمنام ورژن ان کی منظوری کے لیے بھیج دیا گیا۔',
  statisticsOnly: 'صرف اعداد و شمار',
};
const TITLE = 'واٹس ایپ پر تصاویر کے ذریعے بلیک میلنگ';
const NEW_PASSWORD = 'a long and private passphrase';

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

const go = (page, locator) => Promise.all([page.waitForNavigation(), locator.click()]);

/** A report from /ur/report in Gilgit-Baltistan, asking to see the story first; her receipt. */
async function reportAskingToSeeFirst() {
  const { context } = await newContext(browser);
  const form = await context.newPage();
  await form.goto(`${server.base}/ur/report`);
  await fillUrduReport(form, { evidence: false });
  await form.locator('#place').selectOption('pk-gb-gilgit');
  await tapChoice(form, 'approve_first');
  assert.equal((await sendReport(form)).status(), 200);
  const receipt = await readReceipt(form);
  await context.close();
  return receipt;
}

/** Opens, on `page`, the review page of the Gilgit-Baltistan report not in `seen`. */
async function openNewReport(page, seen) {
  await page.goto(`${server.base}/admin/inbox?province=pk-gb`);
  const hrefs = await page
    .locator('a[href^="/admin/submissions/"]:has(time)')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const fresh = hrefs.filter((h) => !seen.includes(h));
  assert.equal(fresh.length, 1, `one new report from Gilgit-Baltistan: ${hrefs}`);
  await page.goto(`${server.base}${fresh[0]}`);
  return fresh[0];
}

/** Saves the draft with an Urdu title and sends it for her approval. */
async function draftAndSend(page) {
  await page.locator('#title_ur').fill(TITLE);
  await page.locator('input[name="label.act"][value="blackmail_sextortion"]').check();
  await go(page, page.locator('button[name=action][value=save]'));
  assert.equal(await page.locator('#approval-state').count(), 1, 'the review page says where her approval stands');
  await go(page, page.locator('#conversation-link'));
  assert.equal(await page.locator('#no-key').count(), 0, 'her reply key was made with her report');
  await go(page, page.locator('#proposal-form button[type=submit]'));
  assert.equal((await page.locator('.form-ok').innerText()).trim(), UR.proposalSent);
  assert.equal(await page.locator('.approval-state--waiting').count(), 1);
  assert.equal((await page.locator('.message-proposal h3').first().innerText()).startsWith(TITLE), true);
}

/** On /ur/follow-up with her receipt: the proposal as she sees it, and her answer. */
async function answerOnFollowUp(receipt, answer, { confirm = false } = {}) {
  const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${server.base}/ur/follow-up`);
  await lookUp(page, receipt.words);
  assert.equal(await page.locator('#approval').count(), 1, 'the proposal waits for her');
  assert.equal((await page.locator('#approval .proposal__title').first().innerText()).trim(), TITLE);
  await assertAccessible(page, 'her follow-up page with a proposal');
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'the proposal fits a 360 px phone without sideways scrolling',
  );
  await tapChoice(page, `answer-${answer}`);
  if (confirm) await tapChoice(page, 'approval-confirm');
  await press(page, UR.decide);
  const said = (await page.locator('main').innerText());
  assertOnlyLocal(requests, server.port);
  await context.close();
  return said;
}

test('she approves her story on /ur/follow-up before it is published; a second chooses statistics only', async () => {
  const first = await reportAskingToSeeFirst();

  const { context, requests } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await firstAdminSignIn(page, server, NEW_PASSWORD, { urdu: true });
  const firstHref = await openNewReport(page, []);
  await draftAndSend(page);
  await assertAccessible(page, 'the conversation page');
  await shot(page, 'admin-conversation');

  // Publishing waits for her answer.
  await page.goto(`${server.base}${firstHref}`);
  await go(page, page.locator('button[name=action][value=publish]'));
  assert.equal(
    (await page.locator('.review-errors li').allInnerTexts()).map((t) => t.trim()).join('|'),
    UR.gateWaiting,
  );
  assert.equal(await page.locator('a[href^="/stories/"]').count(), 0, 'nothing published');

  // She approves on /ur/follow-up.
  assert.ok((await answerOnFollowUp(first, 'approved')).includes(UR.choseApproved));

  // Now the same version is published.
  await page.goto(`${server.base}${firstHref}`);
  await go(page, page.locator('button[name=action][value=publish]'));
  const storyLink = page.locator('a[href^="/stories/"]');
  assert.equal(await storyLink.count(), 1, `published: ${await page.locator('main').innerText()}`);
  const story = await storyLink.getAttribute('href');
  await page.goto(`${server.base}${story.replace('/stories/', '/ur/stories/')}`);
  assert.ok((await page.content()).includes(TITLE), 'the approved Urdu title is public');

  // The second survivor chooses statistics only: nothing is published, the case is counted.
  const second = await reportAskingToSeeFirst();
  const secondHref = await openNewReport(page, [firstHref]);
  await draftAndSend(page);
  assert.ok(
    (await answerOnFollowUp(second, 'statistics_only', { confirm: true })).includes(UR.choseStatistics),
  );
  await page.goto(`${server.base}${secondHref}`);
  assert.equal(await page.locator('.review-consent--statistics_only').count(), 1, 'her consent changed');
  assert.equal(await page.locator('button[name=action][value=publish]').count(), 0, 'no publish button');
  await go(page, page.locator('button[name=action][value=statistics]'));
  assert.equal((await page.locator('.case-status').innerText()).trim(), UR.statisticsOnly);
  assert.equal(await page.locator('a[href^="/stories/"]').count(), 0, 'nothing of hers is public');

  assertOnlyLocal(requests, server.port);
  await context.close();
});
