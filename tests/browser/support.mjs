// Shared set-up for the browser tests: the real `naqsha` binary on a loopback port with a
// fresh data directory, Debian's chromium driven by playwright-core, and the checks every
// test makes (no request to another host, no cookie, no accessibility violation).
//
// Environment:
//   NAQSHA_BIN        the binary to run (default target/debug/naqsha, relative to the repo)
//   NAQSHA_CHROMIUM   the browser (default /usr/bin/chromium)
//   NAQSHA_SHOTS      a folder: when set, shot() saves full-page screenshots there

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createHmac } from 'node:crypto';
import assert from 'node:assert/strict';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.resolve(REPO, process.env.NAQSHA_BIN || 'target/debug/naqsha');
const CHROMIUM = process.env.NAQSHA_CHROMIUM || '/usr/bin/chromium';
const START_TIMEOUT_MS = 60_000;

/**
 * Starts `naqsha serve --demo` on 127.0.0.1 with a fresh data directory. The port is chosen
 * by the kernel (`:0`) and read back from the start-up line, so two test files never race
 * for one port. Resolves to { base, port, stop }.
 *
 * `config` is the text of a naqsha.toml to run with (e.g. `[server]\nexit_url = "…"`).
 */
/**
 * The languages of data/languages/languages.toml, in its order (only the fields the tests use:
 * code, own name, and the font's family, stylesheet, preload and letters when it has one).
 */
export function languages() {
  const text = readFileSync(path.join(REPO, 'data/languages/languages.toml'), 'utf8');
  return text
    .split('[[language]]')
    .slice(1)
    .map((block) => {
      const field = (name) => block.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];
      const font = block.match(/^font = \{ family = "([^"]+)", stylesheet = "([^"]+)", preload = "([^"]+)" \}/m);
      return {
        code: field('code'),
        native: field('native'),
        family: font?.[1],
        stylesheet: font?.[2],
        preload: font?.[3],
        letters: (field('letters') || '').replace(/\s+/g, ''),
      };
    });
}

export async function startServer({ config } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'naqsha-browser-'));
  const args = ['serve', '--demo', '--bind', '127.0.0.1:0', '--data-dir', path.join(dir, 'data')];
  if (config !== undefined) {
    writeFileSync(path.join(dir, 'test.toml'), config);
    args.push('--config', path.join(dir, 'test.toml'));
  }
  const child = spawn(
    BIN,
    args,
    // The working directory is the temporary one so that no naqsha.toml of the repo applies.
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`naqsha did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    const look = (chunk) => {
      output += chunk.toString();
      // "Naqsha is ready in N ms at http://127.0.0.1:PORT/" (the log line names it too).
      const m = output.match(/https?:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${BIN}: ${e.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      // The output holds the demo admin's one-time password: say only how it ended.
      reject(new Error(`naqsha exited with ${code} before it was ready`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(base);
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // The demo admin's one-time password, for the tests that sign in to the workspace. It is
  // only ever in this process's memory.
  const adminPassword = (output.match(/One-time password: (\S+)/) || [])[1];
  return { base, port, stop, adminPassword };
}

/**
 * Stands in for the ordinary outside page quick exit leads to (`[server] exit_url`): a tiny
 * HTTP server on another loopback port, so no test ever asks a real outside host. Resolves
 * to { url, port, hits, stop }; `hits` lists every path asked for, with its Referer header.
 */
export async function startOutsidePage() {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push({ path: req.url, referer: req.headers.referer || null });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><html lang="en"><title>Weather</title><h1>Weather today</h1></html>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/weather`,
    port,
    hits,
    stop: () => new Promise((r) => server.close(r)),
  };
}

async function waitHealthy(base) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
      last = `status ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base}/healthz never answered 200 (${last})`);
}

/**
 * Launches chromium headless; resolves to the Browser. playwright-core gives every launch a
 * fresh, temporary profile folder of its own (and refuses a --user-data-dir argument), so
 * nothing is carried over between runs.
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh context whose every request is recorded. `requests` lists the URLs asked for by
 * any page of the context (documents, styles, fonts, scripts, workers' fetches).
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const requests = [];
  context.on('request', (req) => requests.push(req.url()));
  return { context, requests };
}

/** Fails unless every recorded request went to the test server itself. */
export function assertOnlyLocal(requests, port) {
  assert.ok(requests.length > 0, 'no request was recorded at all');
  const foreign = requests.filter((url) => {
    if (url.startsWith('data:') || url === 'about:blank') return false;
    const u = new URL(url);
    return !(u.protocol === 'http:' && u.hostname === '127.0.0.1' && u.port === String(port));
  });
  assert.deepEqual(foreign, [], 'requests went to another host');
}

/** Fails if the context holds any cookie. */
export async function assertNoCookies(context) {
  assert.deepEqual(await context.cookies(), [], 'an anonymous visitor was given a cookie');
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

/**
 * Runs axe-core on the page as it is and fails on any violation, whatever its impact
 * (WCAG 2.x A and AA rules and axe's best practices, as axe runs by default).
 *
 * axe goes into the page through `page.evaluate`, which the DevTools protocol runs outside
 * the page's Content-Security-Policy, so pages are checked exactly as served, without
 * `bypassCSP`. (`page.addScriptTag` adds an inline <script>, which the CSP rightly refuses.)
 * axe itself needs JavaScript: a context with `javaScriptEnabled: false` cannot run it (the
 * evaluation never returns), so pages are checked with JavaScript on. Naqsha's scripts add
 * nothing visible to a page, so the markup checked is the markup a no-JS visitor gets.
 */
export async function assertAccessible(page, label) {
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
    }));
  });
  assert.deepEqual(
    violations,
    [],
    `axe violations on ${label || page.url()}:\n${JSON.stringify(violations, null, 2)}`,
  );
}

/** Saves a screenshot (the whole page unless told) when NAQSHA_SHOTS names a folder. */
export async function shot(page, name, { fullPage = true } = {}) {
  const dir = process.env.NAQSHA_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

const URDU_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Writes ASCII digits as Extended Arabic-Indic (Urdu) digits, leaving everything else. */
export function toUrduDigits(text) {
  return text.replace(/[0-9]/g, (d) => URDU_DIGITS[Number(d)]);
}

/**
 * A small, valid PNG made here rather than shipped: `size`×`size` pixels of RGB stripes,
 * with a tEXt chunk carrying `marker` (metadata that re-encoding must not keep).
 */
export function tinyPng(size = 8, marker = 'naqsha-test-metadata') {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  // compression, filter and interlace methods stay 0
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then pixels
    for (let x = 0; x < size; x++) {
      row[1 + x * 3] = (x * 32) & 0xff;
      row[2 + x * 3] = (y * 32) & 0xff;
      row[3 + x * 3] = 0x80;
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from(`Comment\0${marker}`, 'latin1')),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Decodes RFC 4648 base32 (the TOTP secret shown at enrolment, spaces allowed). */
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of clean) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/**
 * The six-digit TOTP code (RFC 6238: SHA-1, 30-second steps) of `secret` at `unixSeconds`,
 * as an authenticator app would show it.
 */
export function totpCode(secret, unixSeconds = Math.floor(Date.now() / 1000)) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

/**
 * The demo admin's first sign-in in `page`: the one-time password, a new password, TOTP
 * enrolment; ends on the inbox, switched to Urdu when `urdu` is set.
 */
export async function firstAdminSignIn(page, server, password, { urdu = false } = {}) {
  const go = (locator) => Promise.all([page.waitForNavigation(), locator.click()]);
  const submit = () => go(page.locator('form.stack-form button[type=submit]'));
  await page.goto(`${server.base}/admin/login${urdu ? '?lang=ur' : ''}`);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill(server.adminPassword);
  await submit();
  await page.locator('#new_password').fill(password);
  await page.locator('#repeat').fill(password);
  await submit();
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
  await page.locator('#code').fill(totpCode(secret));
  await submit();
  assert.equal(new URL(page.url()).pathname, '/admin/inbox');
  if (urdu && (await page.getAttribute('html', 'lang')) !== 'ur') {
    await go(page.locator('form[action="/admin/lang"] button'));
  }
}
