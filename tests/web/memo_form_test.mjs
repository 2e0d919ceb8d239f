// Web.memo_form: the secretary's path through the web page in a real browser (Debian's chromium,
// headless, driven by puppeteer-core), against a real `thaidoc serve`:
//   open / -> the memo form is there -> type ส่วนราชการ, เรื่อง, a paragraph, the signer, the date
//   -> the preview (pdf.js) shows the new subject -> "ดาวน์โหลด PDF" -> the downloaded PDF's text
//   (pdftotext) has exactly the lines typed; the YAML tab shows the typed subject; a picked
//   image's path typed into a second field keeps its file when the first picks again; an emptied
//   required field (เรื่อง) and a Buddhist-era date without BE typed in the YAML tab each get
//   their server diagnostic at their field, and download is refused while they stand.
//
//   node tests/web/memo_form_test.mjs BUILD/thaidoc SRC/web
// Exit 0 passed, 1 failed, 77 skipped (no chromium; CTest SKIP_RETURN_CODE).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [thaidoc, webDir] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!thaidoc || !webDir) {
  console.error('usage: memo_form_test.mjs THAIDOC WEB_DIR');
  process.exit(1);
}
if (!fs.existsSync(chromium)) {
  console.log(`SKIP: ${chromium} not found (scripts/setup.sh installs Debian's chromium)`);
  process.exit(77);
}
let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch (e) {
  console.error(`FAIL: puppeteer-core missing in tests/web/node_modules (run scripts/setup.sh): ${e.message}`);
  process.exit(1);
}

// What the secretary types.
const AGENCY = 'กองคลัง เทศบาลตำบลบ้านแหลม';
const SUBJECT = 'ขอความเห็นชอบแผนการจัดซื้อวัสดุสำนักงาน';
const PARAGRAPH = 'กองคลังได้จัดทำแผนการจัดซื้อวัสดุสำนักงานแล้ว';
const SIGNER = 'นายประเสริฐ มั่นคง';
const DATE_ISO = '2025-04-24';
const DATE_THAI = '๒๔ เมษายน ๒๕๖๘';
// The signature image chosen from "this computer" (sent multipart with the document).
const SIGNATURE_PNG = fileURLToPath(new URL('../../data/certificate/emblem-placeholder.png', import.meta.url));
// A second picture, picked for the signature after the first path was typed into another field.
const OTHER_PNG = fileURLToPath(new URL('../bad_input/files/ok.png', import.meta.url));
// An example with two layout warnings (Serve.RendersTheExampleMemoWithItsTwoWarnings).
const TANEUN = fileURLToPath(new URL('../../data/memo/taneun-ita-results.yaml', import.meta.url));

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'thaidoc-web-'));
let server;
let browser;
// Whatever ends this process (an uncaught error in a page event too), the server goes with it.
process.on('exit', () => { if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL'); });

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(thaidoc, ['serve', '--port', '0', '--web', webDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`thaidoc serve printed no address in 20 s:\n${err}`)), 20000);
    server.stderr.on('data', (d) => {
      err += d;
      const m = /serving on (http:\/\/[^\s]+\/)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.once('exit', (code) => { clearTimeout(timer); reject(new Error(`thaidoc serve exited ${code}:\n${err}`)); });
    server.stderr.on('end', () => { if (process.env.WEB_TEST_VERBOSE) console.error(err); });
  });
}

// Waits until the preview shows a render of the current text (not pending, not rendering).
async function settled(page, timeout = 60000) {
  await page.waitForFunction(() => {
    const s = document.querySelector('#preview').dataset.state;
    return s === 'ready' || s === 'invalid' || s === 'error';
  }, { timeout, polling: 100 });
  return page.$eval('#preview', (e) => e.dataset.state);
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

async function fill(page, selector, value) {
  const h = await page.waitForSelector(selector);
  await h.click({ clickCount: 3 });
  await h.evaluate((e) => { e.value = ''; });
  await h.type(value);
}

async function main() {
  const base = await startServer();
  browser = await puppeteer.launch({
    executablePath: chromium,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--lang=th-TH'],
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  let renders = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/render')) renders++; });
  await page.setViewport({ width: 1280, height: 900 });
  const downloads = path.join(work, 'downloads');
  fs.mkdirSync(downloads);
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });

  await page.goto(base);
  check(await settled(page) === 'ready', 'the page opens with the memo sample rendered');
  check(await page.$eval('#kind', (e) => e.value) === 'memo', 'บันทึกข้อความ (memo) is the kind chosen');
  const kinds = await page.$$eval('#kind option', (os) => os.map((o) => o.value));
  check(kinds.length >= 9, `every kind can be chosen (${kinds.join(', ')})`);

  // Fields found by their accessible names (the labels), as a screen reader would.
  await fill(page, '::-p-aria([name="ส่วนราชการ"][role="textbox"])', AGENCY);
  const rendersBefore = renders;
  await fill(page, '::-p-aria([name="เรื่อง"][role="textbox"])', SUBJECT);
  await settled(page);
  check(renders - rendersBefore >= 1 && renders - rendersBefore < 5, `typing the ${SUBJECT.length} characters of เรื่อง made ${renders - rendersBefore} render request(s), not one a keystroke (debounced)`);
  await fill(page, '::-p-aria([name="ย่อหน้า (ส่วนที่ 2)"][role="textbox"])', PARAGRAPH);
  await fill(page, 'fieldset[data-path="memo.signer"] ::-p-aria([name="ชื่อ"][role="textbox"])', SIGNER);
  const [pickSignature] = await page.$$('fieldset[data-path="memo.signer"] input[type="file"]');
  await pickSignature.uploadFile(SIGNATURE_PNG);
  // The date picker: set as the picker does (its typed form depends on the browser's locale).
  await page.$eval('[data-path="memo.date"]', (e, v) => {
    e.value = v;
    e.dispatchEvent(new Event('input', { bubbles: true }));
  }, DATE_ISO);
  check(await page.$eval('[data-field="memo.date"] .thai-date', (e) => e.textContent) === DATE_THAI,
    `the date field shows the Buddhist-era date ${DATE_THAI}`);

  // The preview: pdf.js's text layer has the subject typed.
  const shown = await page.waitForFunction((s) => document.querySelector('#preview').dataset.state === 'ready'
      && document.querySelector('#pages .textLayer')?.textContent.replace(/\s+/g, '').includes(s.replace(/\s+/g, '')),
  { timeout: 60000, polling: 100 }, SUBJECT).then(() => true, () => false);
  check(shown, `the preview re-rendered with the typed subject in its text layer (status: ${
    await page.$eval('#status', (e) => e.textContent)})`);

  // The YAML tab shows what was typed.
  await page.click('#tab-yaml');
  const yaml = await page.$eval('#yaml', (e) => e.value);
  check(yaml.includes(`subject: ${SUBJECT}`), 'the YAML tab shows the typed subject');
  check(yaml.includes(`date: ${DATE_ISO}`), 'the YAML tab has the ISO date the schema takes');
  check(yaml.includes('image: images/emblem-placeholder.png'), 'the YAML tab names the chosen signature image');
  await page.click('#tab-form');

  // Download: the PDF's text has the lines typed.
  await page.click('#download');
  let pdfFile = null;
  for (let i = 0; i < 200 && !pdfFile; i++) {
    const done = fs.readdirSync(downloads).filter((f) => f.endsWith('.pdf'));
    if (done.length) pdfFile = path.join(downloads, done[0]);
    else await new Promise((r) => setTimeout(r, 100));
  }
  check(pdfFile !== null, 'ดาวน์โหลด PDF saved a .pdf file');
  if (pdfFile) {
    check(path.basename(pdfFile) === `${SUBJECT}.pdf`, `the file is named for the subject (${path.basename(pdfFile)})`);
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').map((l) => l.trim());
    const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' });
    const [w, h] = pngSize(SIGNATURE_PNG);
    check(images.split('\n').slice(2).some((l) => { const c = l.trim().split(/\s+/); return +c[3] === w && +c[4] === h; }),
      `the PDF has the chosen signature image (${w}x${h}, uploaded with the document)`);
    for (const want of [`ส่วนราชการ ${AGENCY}`, `เรื่อง ${SUBJECT}`, `วันที่ ${DATE_THAI}`, PARAGRAPH, `(${SIGNER})`]) {
      check(lines.includes(want), `the PDF has the line "${want}"`);
    }
  }

  // The first picture's path typed by hand into another field (the emblem), then a second
  // picture picked for the signature: the first file is still sent, for the emblem names it.
  await page.$eval('[data-path="memo.emblem"]', (e) => {
    e.value = 'images/emblem-placeholder.png';
    e.dispatchEvent(new Event('input', { bubbles: true }));
  });
  check(await settled(page) === 'ready', 'the emblem field takes the picked signature\'s path, typed by hand');
  const [pickAgain] = await page.$$('fieldset[data-path="memo.signer"] input[type="file"]');
  await pickAgain.uploadFile(OTHER_PNG);
  const again = await settled(page);
  const status = await page.$eval('#status', (e) => e.textContent);
  check(again === 'ready', `a new signature picked: the emblem's file is still sent and the memo renders (${again}: ${status})`);
  await page.click('#tab-yaml');
  const both = await page.$eval('#yaml', (e) => e.value);
  check(both.includes('emblem: images/emblem-placeholder.png') && both.includes('image: images/ok.png'),
    'the YAML names the emblem\'s path and the new signature\'s own path');
  await page.click('#tab-form');

  // A stale render: the request for an older text is held back (as by a slow server) while the
  // text changes again; the page cancels it, and the preview shows the newer text even when the
  // old answer would come afterwards.
  const held = [];
  let holdNext = false;
  const aborted = [];
  await page.setRequestInterception(true);
  const intercept = (r) => {
    if (r.isInterceptResolutionHandled()) return;
    if (holdNext && r.method() === 'POST' && r.url().endsWith('/render')) { holdNext = false; held.push(r); return; }
    r.continue();
  };
  page.on('request', intercept);
  page.on('requestfailed', (r) => { if (r.url().endsWith('/render')) aborted.push(r.failure()?.errorText); });
  const OLD = `${SUBJECT} ฉบับเก่า`;
  holdNext = true;
  await fill(page, '::-p-aria([name="เรื่อง"][role="textbox"])', OLD);
  for (let i = 0; i < 200 && held.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  check(held.length === 1, 'the render of the older text is held back');
  await fill(page, '::-p-aria([name="เรื่อง"][role="textbox"])', SUBJECT);
  await settled(page);
  await held[0]?.continue().catch(() => {});
  await new Promise((r) => setTimeout(r, 1000));
  const layer = await page.$eval('#pages .textLayer', (e) => e.textContent.replace(/\s+/g, ''));
  check(layer.includes(SUBJECT.replace(/\s+/g, '')) && !layer.includes('ฉบับเก่า'),
    'the preview shows the newer text, not the late answer for the older one');
  check(aborted.length >= 1, `the older request was cancelled (${aborted.join(', ')})`);
  page.off('request', intercept);
  await page.setRequestInterception(false);

  // An emptied required field: the server's diagnostic at the field, and no download.
  await fill(page, '::-p-aria([name="เรื่อง"][role="textbox"])', ' ');
  await page.$eval('[data-path="memo.subject"]', (e) => { e.value = ''; e.dispatchEvent(new Event('input', { bubbles: true })); });
  check(await settled(page) === 'invalid', 'an empty เรื่อง makes the preview invalid');
  const subjectError = await page.$eval('[data-field="memo.subject"] .field-error', (e) => e.textContent);
  check(/must not be empty/.test(subjectError), `the error is shown at เรื่อง ("${subjectError}")`);
  check(await page.$eval('[data-path="memo.subject"]', (e) => e.getAttribute('aria-invalid')) === 'true',
    'เรื่อง is marked aria-invalid');
  const before = fs.readdirSync(downloads).length;
  await page.click('#download');
  await new Promise((r) => setTimeout(r, 500));
  check(fs.readdirSync(downloads).length === before, 'no download while an error stands');
  check(/แก้ไขข้อผิดพลาด/.test(await page.$eval('#status', (e) => e.textContent)), 'the status says to fix the errors first');

  // A Buddhist-era date without BE typed in the YAML tab: its error at the date field.
  await fill(page, '::-p-aria([name="เรื่อง"][role="textbox"])', SUBJECT);
  await page.click('#tab-yaml');
  const edited = (await page.$eval('#yaml', (e) => e.value)).replace(`date: ${DATE_ISO}`, 'date: 2568-04-24');
  await page.$eval('#yaml', (e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }, edited);
  check(await settled(page) === 'invalid', 'the YAML tab\'s date makes the preview invalid');
  await page.click('#tab-form');
  const dateError = await page.$eval('[data-field="memo.date"] .field-error', (e) => e.textContent);
  check(/Buddhist-era/.test(dateError), `the BE date's error is shown at วันที่ ("${dateError}")`);
  check(await page.$eval('[data-field="memo.subject"] .field-error', (e) => e.textContent) === '',
    'เรื่อง has no error once it is filled in again');
  const listed = await page.$$eval('#diagnostics li', (ls) => ls.map((l) => l.textContent));
  check(listed.length === 1 && /บรรทัด \d+:\d+ memo\.date/.test(listed[0]), `the list names line:col and the key path (${listed})`);

  // Every other kind: its form has a field for each required key of the kind (the schema's
  // `required`), and each of the server's errors about the started document is placed at a field.
  const schema = await (await fetch(`${base}schema`)).json();
  for (const kind of kinds.filter((k) => k !== 'memo')) {
    await page.select('#kind', kind);
    const st = await settled(page);
    const key = kind === 'document' ? 'blocks' : kind;
    const required = kind === 'document' ? [''] : (schema.$defs[kind]?.required || []);
    const paths = await page.$$eval('[data-path]', (es) => es.map((e) => e.dataset.path));
    const missing = required.filter((r) => !paths.some((p) => p === (r ? `${key}.${r}` : key) || p.startsWith(`${r ? `${key}.${r}` : key}.`)));
    check(required.length > 0 && missing.length === 0, `${kind}: a field for each required key (${required.join(', ')})${missing.length ? `; missing ${missing}` : ''}`);
    const listed = await page.$$eval('#diagnostics li .diag.error', (es) => es.length);
    const placed = await page.$$eval('#form .field-error .diag.error', (es) => es.length);
    check(placed === listed, `${kind}: preview ${st}; its ${listed} error(s) all shown at their fields (${placed})`);
    // The kinds that start from their example (src/web/samples.js) start with a PDF, not errors.
    if (['order', 'announcement', 'letter', 'certificate', 'stamped'].includes(kind))
      check(st === 'ready' && listed === 0, `${kind}: starts from its example and renders (${st}, ${listed} errors)`);
  }

  // A document pasted into the YAML tab with two layout warnings (they come with line:col but no
  // key path): it renders, and each warning lands at the paragraph its line is in.
  await page.click('#tab-yaml');
  await page.$eval('#yaml', (e, v) => { e.value = v; e.dispatchEvent(new Event('input', { bubbles: true })); }, fs.readFileSync(TANEUN, 'utf8'));
  check(await settled(page) === 'ready', 'the pasted example memo renders');
  await page.click('#tab-form');
  check(await page.$eval('#kind', (e) => e.value) === 'memo', 'the form follows the pasted kind (memo)');
  const warned = await page.$$eval('#form .field-error .diag.warning', (es) => es.map((e) => e.closest('[data-field]')?.dataset.field));
  check(JSON.stringify(warned) === JSON.stringify(['memo.body.1', 'memo.body.5.list.1']),
    `its two warnings (stretched lines) are at the paragraphs of their lines 16 and 34 (${warned})`);

  check(pageErrors.length === 0, `no script errors on the page${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`);

  // The server stops cleanly (under the sanitizer build: no leak or error report on the way out).
  await browser.close();
  browser = null;
  const exited = new Promise((r) => server.once('exit', (code, signal) => r({ code, signal })));
  server.kill('SIGTERM');
  const { code, signal } = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 'still running after 30 s' }), 30000))]);
  check(code === 0, `thaidoc serve exits 0 on SIGTERM (${code ?? signal})`);
}

let status = 0;
try {
  await main();
  status = failures.length ? 1 : 0;
} catch (e) {
  console.error(`FAIL: ${e.stack || e.message}`);
  status = 1;
} finally {
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures.length) console.error(`${failures.length} check(s) failed`);
process.exit(status);
