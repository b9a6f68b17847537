// Numbers, phone numbers, codes, dates and addresses inside Urdu text must read in their
// logical order on screen: "0800-39393" must not show as "39393-0800". The test reads what
// Chromium laid out: for each such run in the text of every Urdu page, the characters on one
// line must go from left to right in the order they are written.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertOnlyLocal,
  firstAdminSignIn,
  launchBrowser,
  newContext,
  startServer,
} from './support.mjs';
import { fillUrduReport, readReceipt, sendReport } from './steps.mjs';

// Runs that the bidi algorithm can reorder in right-to-left text: digits (any script) joined
// to digits or Latin letters by separators (0800-39393, 24-A, 2024-03), phone numbers with
// spaces between digit groups, web and e-mail addresses. ("10 MB" is two words, which an Urdu
// reader reads right to left like the rest.)
const RUN =
  '(?:\\+?[0-9\u06F0-\u06F9]+(?:(?:[-\u2010\u2011./:][0-9\u06F0-\u06F9A-Za-z]+)|(?: [0-9\u06F0-\u06F9]+))+)' +
  '|(?:[A-Za-z0-9.-]+@[A-Za-z0-9-]+\\.[A-Za-z.]{2,})' +
  '|(?:(?:https?:\\/\\/)?[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:pk|org|com|net|gov\\.pk)(?:\\/[^\\s\u0600-\u06FF)]*)?)';

/**
 * In the page: every match of RUN in a visible text node, with its characters' boxes. Returns
 * the runs whose characters on one line are not laid out left to right in written order.
 */
async function reversedRuns(page) {
  return page.evaluate((source) => {
    const re = new RegExp(source, 'g');
    const bad = [];
    const checked = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // Text split over elements (a run inside <bdi>) is read per text node: the test looks at
    // what a run looks like where it is written whole.
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, [hidden], title, .visually-hidden')) continue;
      if (el.closest('input, textarea, select, option')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const text = node.data;
      for (const m of text.matchAll(re)) {
        const run = m[0].replace(/[ .:/-]+$/, '');
        if (run.length < 3) continue;
        const boxes = [];
        for (let i = 0; i < run.length; i += 1) {
          if (run[i] === ' ') continue;
          const range = document.createRange();
          range.setStart(node, m.index + i);
          range.setEnd(node, m.index + i + 1);
          const r = range.getClientRects()[0];
          if (r && r.width > 0) boxes.push({ i, x: r.left + r.width / 2, top: Math.round(r.top) });
        }
        checked.push(run);
        for (let k = 1; k < boxes.length; k += 1) {
          const [a, b] = [boxes[k - 1], boxes[k]];
          if (Math.abs(a.top - b.top) < 4 && b.x < a.x) {
            bad.push(`${run} (in "${text.trim().slice(0, 80)}")`);
            break;
          }
        }
      }
    }
    return { bad, checked };
  }, RUN);
}

const URDU_PAGES = [
  '/ur/',
  '/ur/report',
  '/ur/follow-up',
  '/ur/resources',
  '/ur/stats',
  '/ur/stats/report',
  '/ur/strategies',
  '/ur/data',
];

describe('numbers and addresses read in order on Urdu pages', () => {
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

  for (const width of [360, 1280]) {
    test(`every Urdu public page at ${width} px`, async () => {
      const { context, requests } = await newContext(browser, {
        viewport: { width, height: 800 },
      });
      const page = await context.newPage();
      await page.goto(`${server.base}/ur/`);
      const story = await page.locator('.story-card__title a').first().getAttribute('href');
      const problems = [];
      let runs = 0;
      for (const p of [...URDU_PAGES, story]) {
        const res = await page.goto(server.base + p);
        assert.equal(res.status(), 200, `${p} answered ${res.status()}`);
        const { bad, checked } = await reversedRuns(page);
        runs += checked.length;
        problems.push(...bad.map((b) => `${p}: ${b}`));
      }
      assert.ok(runs >= 10, `only ${runs} runs were found to check`);
      assert.deepEqual(problems, [], 'runs laid out out of order');

      // The helpline, as the issue found it.
      await page.goto(`${server.base}/ur/resources`);
      const helpline = page.locator('a[href="tel:080039393"]').first();
      const box = await helpline.evaluate((a) => {
        const node = a.firstChild?.nodeType === 3 ? a.firstChild : a.querySelector('*')?.firstChild;
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(node, node.data.length - 1);
        range.setEnd(node, node.data.length);
        return { text: node.data, first, last: range.getBoundingClientRect().left };
      });
      assert.equal(box.text, '0800-39393');
      assert.ok(box.first < box.last, `0800-39393 is laid out right to left: ${JSON.stringify(box)}`);

      assertOnlyLocal(requests, server.port);
      await context.close();
    });
  }

  test('the receipt and the Urdu workspace: the survivor\'s phone number in order', async () => {
    // Her report, in Urdu with a phone number, from a district no demo report is in.
    const survivor = await newContext(browser, { viewport: { width: 360, height: 800 } });
    const form = await survivor.context.newPage();
    await form.goto(`${server.base}/ur/report`);
    await fillUrduReport(form, {
      text: 'اس نے مجھے 0300-1234567 اور 0321 7654321 سے فون کیا، دفعہ 24-A دیکھیں۔',
      evidence: false,
    });
    await form.locator('#place').selectOption('pk-gb-gilgit');
    assert.equal((await sendReport(form)).status(), 200);
    await readReceipt(form);
    const onReceipt = await reversedRuns(form);
    assert.deepEqual(onReceipt.bad, [], 'the receipt page');
    await survivor.context.close();

    // The moderator, in Urdu.
    const { context, requests } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const go = (locator) => Promise.all([page.waitForNavigation(), locator.click()]);
    await firstAdminSignIn(page, server, 'bidi test passphrase 2026', { urdu: true });
    assert.equal(await page.getAttribute('html', 'lang'), 'ur');
    const inbox = await reversedRuns(page);
    assert.deepEqual(inbox.bad, [], 'the Urdu inbox');
    await page.goto(`${server.base}/admin/inbox?province=pk-gb`);
    await go(page.locator('a[href^="/admin/submissions/"]:has(time)').first());
    const review = await reversedRuns(page);
    assert.deepEqual(review.bad, [], 'the Urdu review page');
    for (const phone of ['0300-1234567', '0321 7654321', '24-A']) {
      assert.ok(review.checked.includes(phone), `${phone} was checked: ${review.checked}`);
    }
    assertOnlyLocal(requests, server.port);
    await context.close();
  });

  test('a reversed run is caught (the check can fail)', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.setContent(
      '<html dir="rtl" lang="ur"><body><p>ٹول فری 0800-39393 پر کال کریں</p>' +
        '<p>ٹول فری <bdi dir="ltr">0800-39393</bdi> پر</p></body></html>',
    );
    const { bad } = await reversedRuns(page);
    assert.equal(bad.length, 1, JSON.stringify(bad));
    await context.close();
  });
});
