// A troll flood and one real report. 200 junk reports from a template with a number changed
// arrive through the API (each from its own /24 of 127.60/16, as a botnet's would), and one
// survivor reports through the Urdu form with a picture as evidence. The moderator, at
// desktop width, finds the flood folded into one line of the inbox (or one per hour, when
// the flood straddles one), archives it as spam in one click per line, and the real report
// is left; she opens it, sees the picture blurred until she reveals it, codes it and
// publishes it, and goes on to the next report. Clicks and requests from the inbox to the
// published story are counted (issue 15's "review → publish → next" figure).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import {
  assertAccessible,
  assertOnlyLocal,
  firstAdminSignIn,
  launchBrowser,
  newContext,
  shot,
  startServer,
} from './support.mjs';
import { fillUrduReport, readReceipt, sendReport } from './steps.mjs';

const JUNK = 200;
const STORY =
  'میرے سابق منگیتر نے میری تصاویر لے کر مجھے واٹس ایپ پر دھمکیاں دیں کہ اگر میں نے پیسے نہ ' +
  'دیے تو وہ یہ تصاویر فیس بک پر ڈال دے گا۔ میں بہت ڈری ہوئی ہوں۔';

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

/** POSTs one JSON report to the API from `localAddress`; resolves to the status. */
function postReport(localAddress, body) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/v1/submissions',
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': data.length },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function go(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return response;
}

test('a moderator clears a flood of 200 junk reports and publishes the real one', async () => {
  // The flood, ten at a time.
  let accepted = 0;
  for (let n = 0; n < JUNK; n += 10) {
    const batch = [];
    for (let k = n; k < n + 10; k += 1) {
      const text =
        `This campaign is a lie spread by people paid from abroad, everyone can see it, stop ` +
        `this drama number ${k} now and go home before you regret it.`;
      batch.push(postReport(`127.60.${k % 250}.${1 + Math.floor(k / 250)}`, { what_happened: text }));
    }
    accepted += (await Promise.all(batch)).filter((s) => s === 201).length;
  }
  assert.equal(accepted, JUNK, 'every junk report was taken (flagged, not refused)');

  // The survivor, with a picture, from a district no demo report is in.
  const survivor = await newContext(browser);
  const form = await survivor.context.newPage();
  await form.goto(`${server.base}/ur/report`);
  await fillUrduReport(form, { text: STORY, evidence: true });
  await form.locator('#place').selectOption('pk-gb-gilgit');
  assert.equal((await sendReport(form)).status(), 200);
  await readReceipt(form);
  await survivor.context.close();

  const { context, requests } = await newContext(browser, {
    viewport: { width: 1280, height: 900 },
  });
  const documents = [];
  context.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(r.url());
  });
  const page = await context.newPage();
  await firstAdminSignIn(page, server, 'a long and private passphrase');

  // The flood is folded: one line per hour it arrived in, not 200 rows.
  await page.goto(`${server.base}/admin/inbox`);
  const lines = page.locator('.inbox-wave');
  const waves = await lines.count();
  assert.ok(waves >= 1 && waves <= 2, `${waves} wave lines`);
  const summaries = await page.locator('.inbox-wave__summary').allInnerTexts();
  const inWaves = summaries
    .map((s) => Number((s.match(/(\d+) near-identical/) || [])[1]))
    .reduce((a, b) => a + b, 0);
  assert.equal(inWaves, JUNK, `the waves hold every junk report: ${summaries}`);
  const rows = await page.locator('tr.inbox-row').count();
  assert.ok(rows < 100, `the list is not drowned: ${rows} rows`);
  await assertAccessible(page, 'the inbox with a wave');
  await shot(page, 'admin-inbox-wave');

  // "Show them": the wave as a list, every report openable.
  const show = page.locator('.inbox-wave__summary a').first();
  await go(page, show);
  assert.ok((await page.locator('.inbox-wave-alone').innerText()).includes('near-identical'));
  const listed = await page.locator('tr.inbox-row .inbox-received a').count();
  assert.ok(listed >= 10, `${listed} reports of the wave listed`);
  await go(page, page.locator('.inbox-wave-alone a'));

  // Archived: one click per line.
  let archived = 0;
  while ((await page.locator('.inbox-wave').count()) > 0) {
    await go(page, page.locator('.inbox-wave__archive button').first());
    const notice = await page.locator('.inbox-notice').innerText();
    const m = notice.match(/Archived (\d+) of the (\d+) chosen reports/);
    assert.ok(m, notice);
    assert.equal(m[1], m[2], notice);
    archived += Number(m[1]);
  }
  assert.equal(archived, JUNK);

  // The real report: found, opened, its picture blurred until revealed.
  const clicks = { count: 0 };
  const countedGo = async (locator) => {
    clicks.count += 1;
    return go(page, locator);
  };
  const before = requests.length;
  const documentsBefore = documents.length;
  await page.goto(`${server.base}/admin/inbox?province=pk-gb`);
  const urgent = await page.locator('tr.inbox-row .inbox-urgent').allInnerTexts();
  assert.deepEqual(urgent, ['Urgent: A threat to leak images or chats'], 'her threat is urgent');
  await countedGo(page.locator('tr.inbox-row .inbox-received a').first());
  const preview = page.locator('img.evidence-preview');
  assert.equal(await preview.count(), 1, 'the picture is shown blurred');
  assert.equal(await page.locator('.review-evidence img:not(.evidence-preview)').count(), 0);
  await countedGo(page.locator('a.evidence-hidden'));
  assert.equal(await page.locator('.review-evidence img:not(.evidence-preview)').count(), 1, 'revealed');

  await page.locator('#title_ur').fill('واٹس ایپ پر تصاویر کے ذریعے بلیک میلنگ');
  await page.locator('input[name="label.kind"][value="intimate_partner_violence"]').check();
  await page.locator('input[name="label.act"][value="blackmail_sextortion"]').check();
  clicks.count += 3; // the title field, and the two categories
  await countedGo(page.locator('button[name=action][value=publish]'));
  const story = page.locator('a[href^="/stories/"]');
  assert.equal(await story.count(), 1, `published: ${await page.locator('main').innerText()}`);
  console.log(
    `inbox → review → reveal → publish: ${clicks.count} clicks (fields included), ` +
      `${documents.length - documentsBefore} page requests (the inbox load included), ` +
      `${requests.length - before} requests in all`,
  );
  await assertAccessible(page, 'the review page after publishing');
  assertOnlyLocal(requests, server.port);
  await context.close();
});
