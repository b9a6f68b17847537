// First load of a page in Debian's chromium: every request it makes, with the bytes that
// crossed the wire (compressed body + headers), as a browser on a fresh profile sees it.
//
//   node benches/public/page-weight.mjs http://127.0.0.1:18080/ [--js-off]
//
// Prints one line per request and the total, with and without the Urdu (Nastaliq) font.
import { chromium } from 'playwright-core';

const url = process.argv[2];
const jsOff = process.argv.includes('--js-off');
const browser = await chromium.launch({
  executablePath: process.env.NAQSHA_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});
const context = await browser.newContext({ javaScriptEnabled: !jsOff, viewport: { width: 390, height: 844 } });
const page = await context.newPage();
const requests = [];
page.on('requestfinished', (req) => requests.push(req));
await page.goto(url, { waitUntil: 'networkidle' });
let total = 0;
let withoutUrdu = 0;
const rows = [];
for (const req of requests) {
  const sizes = await req.sizes();
  const res = await req.response();
  const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
  const encoding = (res && (await res.headerValue('content-encoding'))) || 'identity';
  const path = new URL(req.url()).pathname + new URL(req.url()).search;
  rows.push(`${String(bytes).padStart(8)}  ${encoding.padEnd(8)}  ${path}`);
  total += bytes;
  if (!/nastaliq/i.test(path)) withoutUrdu += bytes;
}
console.log(rows.join('\n'));
console.log(`${requests.length} requests, ${(total / 1024).toFixed(1)} KiB in all, ` +
  `${(withoutUrdu / 1024).toFixed(1)} KiB without the Urdu font`);
await browser.close();
