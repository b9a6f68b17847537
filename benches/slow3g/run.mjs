// Slow 3G (issue 13, item 7; issue 21): first loads of `/`, `/ur/`, `/ur/report`, `/sd/report`
// and `/ps/report` in Debian's
// chromium with the network throttled by the DevTools protocol
// (`Network.emulateNetworkConditions`: 400 kbit/s down and up, 400 ms latency), with
// JavaScript on and off, each in a fresh context (empty cache, no cookies).
//
//   node benches/slow3g/run.mjs [--base http://127.0.0.1:8080] [--runs N] [--pages /ur/report,/]
//
// Without --base it starts `naqsha serve --demo` itself (NAQSHA_BIN, default
// target/debug/naqsha) on a free loopback port, as the browser tests do.
//
// For each load it reports, measured from the moment the browser asks for the page:
// - text: first contentful paint (the first text drawn — readable, in whatever font);
// - font: when the page's Arabic-script font can be applied: the last Noto Nastaliq Urdu
//   (Urdu, Punjabi) or Noto Naskh Arabic (Sindhi, Pashto) file the page asked for has
//   arrived, and the page has painted (max of the two); "-" when the page asked for neither;
// - bytes: every byte received for the load (headers and bodies as they crossed the wire,
//   i.e. compressed where the server compressed), and how many of them were that font.
// Timings come from the DevTools protocol's own clock (lifecycle events and network
// events), so they work with JavaScript off too.
//
// Targets (exit status 1 when one is missed, in the median of the runs):
//   /ur/report, /sd/report, /ps/report (any /<code>/report): text readable ≤ 2 s, the
//   language's font applied ≤ 5 s (JS on and off);
//   / (English, JS off) ≤ 60 KB (60,000 bytes) in all.

import { chromium } from 'playwright-core';

import { startServer } from '../../tests/browser/support.mjs';

const KBPS = 400;
const LATENCY_MS = 400;
const PAGES = ['/', '/ur/', '/ur/report', '/sd/report', '/ps/report'];
// The served Arabic-script fonts' file names.
const ARABIC_FONT = /nastaliq|naskh/i;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(flag('--runs') || 3);
const pages = flag('--pages') ? flag('--pages').split(',') : PAGES;

let server;
let base = flag('--base');
if (!base) {
  server = await startServer();
  base = server.base;
}
base = base.replace(/\/$/, '');

const browser = await chromium.launch({
  executablePath: process.env.NAQSHA_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
});

/** One throttled first load of `path`; resolves to { text, font, bytes, fontBytes, requests }. */
async function load(path, js) {
  const context = await browser.newContext({
    javaScriptEnabled: js,
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: (KBPS * 1000) / 8,
    uploadThroughput: (KBPS * 1000) / 8,
  });
  await cdp.send('Page.enable');
  await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });

  const urls = new Map();
  let start;
  let fcp;
  const fontDone = [];
  let bytes = 0;
  let fontBytes = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    if (start === undefined && e.type === 'Document') start = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) => {
    requests += 1;
    bytes += e.encodedDataLength;
    if (ARABIC_FONT.test(urls.get(e.requestId) || '')) {
      fontBytes += e.encodedDataLength;
      fontDone.push(e.timestamp);
    }
  });
  cdp.on('Page.lifecycleEvent', (e) => {
    if (e.name === 'firstContentfulPaint' && fcp === undefined) fcp = e.timestamp;
  });

  await page.goto(`${base}${path}`, { waitUntil: 'networkidle', timeout: 120_000 });
  // Lifecycle events may trail the network going idle by a frame.
  for (let i = 0; i < 50 && fcp === undefined; i++) await page.waitForTimeout(100);
  await context.close();
  if (start === undefined || fcp === undefined) {
    throw new Error(`${path}: no navigation or no first contentful paint seen`);
  }
  const ms = (t) => Math.round((t - start) * 1000);
  const text = ms(fcp);
  const font = fontDone.length ? Math.max(text, ms(Math.max(...fontDone))) : null;
  return { text, font, bytes, fontBytes, requests };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const results = [];
console.log(`slow 3G: ${KBPS} kbit/s down and up, ${LATENCY_MS} ms latency; ${runs} runs, medians`);
console.log('| page | JS | text readable (FCP) | font applied | transferred | of it the font | requests |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const path of pages) {
  for (const js of [true, false]) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await load(path, js));
    const r = {
      path,
      js,
      text: median(all.map((x) => x.text)),
      font: all.some((x) => x.font === null) ? null : median(all.map((x) => x.font)),
      bytes: median(all.map((x) => x.bytes)),
      fontBytes: median(all.map((x) => x.fontBytes)),
      requests: median(all.map((x) => x.requests)),
    };
    results.push(r);
    const s = (msv) => (msv === null ? '–' : `${(msv / 1000).toFixed(2)} s`);
    const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
    console.log(`| \`${path}\` | ${js ? 'on' : 'off'} | ${s(r.text)} | ${s(r.font)} | ` +
      `${kb(r.bytes)} | ${kb(r.fontBytes)} | ${r.requests} |`);
  }
}

await browser.close();
await server?.stop();

const missed = [];
for (const r of results) {
  const where = `${r.path} (JS ${r.js ? 'on' : 'off'})`;
  if (/^\/[a-z]{2,3}\/report$/.test(r.path)) {
    if (r.text > 2000) missed.push(`${where}: text readable after ${r.text} ms (target ≤ 2000)`);
    if (r.font === null) missed.push(`${where}: no Nastaliq or Naskh font loaded`);
    else if (r.font > 5000) missed.push(`${where}: the font applied after ${r.font} ms (target ≤ 5000)`);
  }
  if (r.path === '/' && !r.js && r.bytes > 60_000) {
    missed.push(`${where}: ${r.bytes} bytes in all (target ≤ 60000)`);
  }
}
if (missed.length) {
  console.log(`\nmissed:\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
console.log('\nall targets met');
