// Every language set in a served font (data/languages/languages.toml `font`) is drawn in it
// (issue 21): its pages link that font's stylesheet and preload its file, load no other
// Arabic-script font, and every character of their visible text (the interface, fallback
// messages, the demo's stories) is drawn by a font the page serves — checked against the font
// files' own coverage (assets/vendor/fonts/coverage.json, from their cmaps) and the faces'
// unicode-range, as the browser picks a face. English pages load no Arabic-script font.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { REPO, assertOnlyLocal, languages, launchBrowser, newContext, startServer } from './support.mjs';

const PAGES = ['/', '/report', '/stats', '/resources'];

/** The languages with a font. */
const LANGUAGES = languages().filter((l) => l.family);
const COVERAGE = JSON.parse(
  fs.readFileSync(path.join(REPO, 'assets/vendor/fonts/coverage.json'), 'utf8'),
).files;

/** `U+0600-06FF,U+0020` as [lo, hi] pairs. */
function ranges(list) {
  return list.split(',').map((r) => {
    const [lo, hi] = r.trim().replace(/^U\+/, '').split('-');
    return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
  });
}

/** The faces of a served stylesheet: family, file, unicode-range and the file's cmap. */
async function faces(base, sheet) {
  const css = await (await fetch(`${base}/assets/vendor/fonts/${sheet}`)).text();
  return css.split('@font-face').slice(1).map((rule) => {
    const family = rule.match(/font-family:\s*'([^']+)'/)[1];
    const file = rule.match(/url\(\.\/([^)]+)\)/)[1];
    const covered = COVERAGE[file];
    assert.ok(covered, `${sheet} names ${file}, which coverage.json lacks`);
    assert.equal(covered.family, family, `${file} is a font of ${covered.family}`);
    return {
      family,
      file,
      ranges: ranges(rule.match(/unicode-range:\s*([^;]+);/)[1]),
      cmap: new Set(covered.code_points),
    };
  });
}

const draws = (face, cp) => face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi) && face.cmap.has(cp);

/** Controls, marks and joiners that need no glyph; symbols no text font is meant to draw. */
const needsNoGlyph = (cp) =>
  cp < 0x80 || cp === 0x061c || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff || (cp >= 0x2190 && cp <= 0x2bff) || cp >= 0x1f000;

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

describe('each language is drawn in its own served font', () => {
  test('languages.toml names fonts for the Arabic-script languages', () => {
    assert.ok(LANGUAGES.some((l) => l.code === 'ur'), JSON.stringify(LANGUAGES));
    for (const l of LANGUAGES) assert.ok(l.letters.length > 30, `${l.code}: its letters`);
  });

  for (const lang of LANGUAGES) {
    test(`${lang.code}: ${lang.family}, preloaded, covering every character shown`, async (t) => {
      // A language whose pages are not routed yet is reported as skipped, not passed.
      const first = await fetch(`${server.base}/${lang.code}/`, { redirect: 'manual' });
      if (first.status !== 200) {
        t.skip(`/${lang.code}/ is not served yet (${first.status})`);
        return;
      }
      const served = [...(await faces(server.base, lang.stylesheet)), ...(await faces(server.base, 'fonts.css'))];
      const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      for (const p of PAGES) {
        const url = `${server.base}/${lang.code}${p}`;
        await page.goto(url, { waitUntil: 'networkidle' });
        const head = await page.evaluate(() => ({
          sheets: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')),
          preloads: [...document.querySelectorAll('link[rel=preload][as=font]')].map((l) => l.getAttribute('href')),
        }));
        assert.ok(head.sheets.includes(`/assets/vendor/fonts/${lang.stylesheet}`), `${url}: ${head.sheets}`);
        assert.equal(head.preloads.length, 1, `${url}: ${head.preloads}`);
        assert.ok(head.preloads[0].startsWith(`/assets/vendor/fonts/${lang.preload}.`), `${url}: ${head.preloads}`);

        const shown = await page.evaluate(async (family) => {
          await document.fonts.ready;
          const loaded = [...document.fonts].some((f) => f.family.replace(/['"]/g, '') === family && f.status === 'loaded');
          const body = getComputedStyle(document.body).fontFamily;
          return { loaded, body, text: document.body.innerText + document.title };
        }, lang.family);
        assert.ok(shown.loaded, `${url}: ${lang.family} was not loaded`);
        assert.ok(shown.body.startsWith(`"${lang.family}"`), `${url}: the page is set in ${shown.body}`);

        const missing = new Set();
        let checked = 0;
        for (const ch of shown.text) {
          const cp = ch.codePointAt(0);
          if (needsNoGlyph(cp) || /\s/.test(ch)) continue;
          checked += 1;
          if (!served.some((face) => draws(face, cp))) missing.add(`${ch} U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
        }
        assert.ok(checked > 50, `${url}: only ${checked} characters shown`);
        assert.deepEqual([...missing], [], `${url}: no served font draws these`);
      }
      // Only this language's Arabic-script font crossed the wire.
      const fonts = requests.filter((u) => u.endsWith('.woff2') && !u.includes('noto-sans-'));
      assert.ok(fonts.length > 0);
      assert.ok(fonts.every((u) => u.includes(`/${lang.preload}.`)), fonts.join('\n'));
      assertOnlyLocal(requests, server.port);
      await context.close();
    });
  }

  test('English pages load no Arabic-script font', async () => {
    const { context, requests } = await newContext(browser, { viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const p of PAGES) await page.goto(`${server.base}${p}`, { waitUntil: 'networkidle' });
    const fonts = requests.filter((u) => u.endsWith('.woff2'));
    assert.ok(fonts.every((u) => u.includes('/noto-sans-')), fonts.join('\n'));
    await context.close();
  });
});
