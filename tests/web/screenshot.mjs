// Screenshots of the page for a person to look at (not a test):
//   node tests/web/screenshot.mjs URL OUT_PREFIX [kind]
// writes OUT_PREFIX-desktop.png (1400x900), OUT_PREFIX-phone.png (390x844) and -phone-comments.png, -phone-preview.png.
import puppeteer from 'puppeteer-core';

const [url, out, kind] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const [name, viewport, fullPage] of [['desktop', { width: 1400, height: 900 }, false], ['phone', { width: 390, height: 844, isMobile: true, deviceScaleFactor: 1 }, true]]) {
    const page = await browser.newPage();
    page.on('console', (m) => console.error(`[${name} console] ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[${name} pageerror] ${e.message}`));
    await page.setViewport(viewport);
    await page.goto(`${url}${kind ? `#${kind}` : ''}`);
    await page.waitForSelector('#preview[data-state="ready"], #preview[data-state="invalid"], #preview[data-state="error"]', { timeout: 30000 });
    await page.screenshot({ path: `${out}-${name}.png` });
    if (fullPage) {
      // The phone page is long: also the comments and the preview, a screen each.
      for (const [suffix, sel] of [['comments', 'fieldset[data-path$=".comments"]'], ['preview', '#preview']]) {
        if (!(await page.$(sel))) continue;
        await page.$eval(sel, (e) => e.scrollIntoView());
        await page.screenshot({ path: `${out}-${name}-${suffix}.png` });
      }
    }
    console.log(`${out}-${name}.png`, await page.$eval('#status', (e) => e.textContent));
    await page.close();
  }
} finally {
  await browser.close();
}
