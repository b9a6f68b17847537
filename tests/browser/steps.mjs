// What a survivor does on the Urdu pages, step by step, as the flows share it. Controls are
// reached the way a person reaches them: choices by tapping their label, buttons by their
// visible Urdu text.

import assert from 'node:assert/strict';

import { tinyPng } from './support.mjs';

/** Urdu strings the tests look for (from crates/naqsha/i18n/ur/site.ftl). */
export const UR = {
  submitReport: 'میری رپورٹ بھیجیں',
  showStatus: 'میری رپورٹ کی صورتِ حال دکھائیں',
  addSubmit: 'میری رپورٹ میں شامل کریں',
  withdrawSubmit: 'میری رپورٹ واپس لیں',
  statusNew: 'موصول ہو گئی',
  statusWithdrawn: 'واپس لے لی گئی',
  added: 'آپ کی معلومات آپ کی رپورٹ میں شامل کر دی گئی ہیں۔',
  withdrawnDone: 'آپ کی رپورٹ واپس لے لی گئی اور مٹا دی گئی ہے۔',
  confirmWithdraw: 'رپورٹ واپس لینے کی تصدیق کے لیے براہِ کرم خانے پر نشان لگائیں۔',
  problemsHeading: 'براہِ کرم فارم دیکھ لیں',
  whenIncomplete: 'براہِ کرم مہینہ اور سال دونوں منتخب کریں، یا دونوں خالی چھوڑ دیں۔',
};

/** A report in Urdu with a phone number in it, as survivors often write. */
export const URDU_STORY =
  'ایک شخص نے میری تصاویر لے کر مجھے واٹس ایپ پر دھمکیاں دیں۔ اس کا نمبر 0300-1234567 ہے۔ ' +
  'وہ پیسے مانگ رہا ہے اور کہتا ہے کہ تصاویر فیس بک پر ڈال دے گا۔';

/**
 * Opens the folded form section (a closed <details>) that holds `selector`, by tapping its
 * heading as a person does; does nothing when the element is already on show.
 */
export async function reveal(page, selector) {
  const closed = await page.locator(selector).evaluate((el) => {
    const details = el.closest('details');
    return details && !details.open ? details.id : null;
  });
  if (closed) {
    await page.locator(`#${closed} > summary`).click();
    assert.equal(await page.locator(`#${closed}`).evaluate((d) => d.open), true, `${closed} did not open`);
  }
}

/** Ticks a choice by tapping its label, as a person does, and checks that it took. */
export async function tapChoice(page, inputId) {
  await reveal(page, `#${inputId}`);
  await page.locator(`label[for="${inputId}"]`).click();
  assert.equal(await page.locator(`#${inputId}`).isChecked(), true, `${inputId} did not get ticked`);
}

/**
 * Fills the Urdu report form: what happened (with a phone number), a district, a platform,
 * an act, "my own story", consent to publish, and a small PNG as evidence.
 */
export async function fillUrduReport(page, { text = URDU_STORY, evidence = true } = {}) {
  await page.locator('#what_happened').fill(text);
  await page.locator('#place').selectOption('pk-pb-lahore');
  await tapChoice(page, 'platform-whatsapp');
  await tapChoice(page, 'act-blackmail_sextortion');
  await tapChoice(page, 'whose-own');
  await tapChoice(page, 'consent-publish');
  if (evidence) {
    await page.locator('#evidence').setInputFiles({
      name: 'screenshot.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
  }
}

/** Sends the report form and waits for the page that answers it. */
export async function sendReport(page) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: UR.submitReport }).click(),
  ]);
  return response;
}

/** On the receipt page: the digits form and the words form, checked for their shape. */
export async function readReceipt(page) {
  const digits = (await page.locator('.receipt__digits code').innerText()).trim();
  const words = (await page.locator('.receipt__words code').innerText()).trim();
  assert.match(digits, /^[1-6]{5}( [1-6]{5}){6}$/, `receipt digits look wrong: ${digits}`);
  assert.match(words, /^[a-z]+(-[a-z]+)*$/, `receipt words look wrong: ${words}`);
  return { digits, words };
}

/** Submits the receipt on /ur/follow-up (already open) and waits for the status page. */
export async function lookUp(page, receipt) {
  await page.locator('#receipt').fill(receipt);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: UR.showStatus }).click(),
  ]);
}

/** The status shown on a follow-up page. */
export async function statusLabel(page) {
  return (await page.locator('.status__label').innerText()).trim();
}

/** Clicks a button by its Urdu name and waits for the page that answers. */
export async function press(page, name) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name }).click(),
  ]);
  return response;
}
