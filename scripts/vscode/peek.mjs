#!/usr/bin/env node
// Looks at a running workbench the way a person would: opens URL in Debian's chromium, optionally
// clicks an activity-bar container, waits, and saves a screenshot.
//   node scripts/vscode/peek.mjs URL out.png [--container "Media Tasks"] [--wait-ms 15000] [--expand N]
import { launchChromium } from './browser.mjs';

const [url, out = 'test-results/peek.png'] = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
if (!url) {
  console.error('usage: peek.mjs URL out.png [--container TITLE] [--wait-ms N] [--expand N]');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  await page.waitForSelector('.part.activitybar .action-item', { timeout: 60_000 });
  const container = opt('--container');
  if (container) {
    const li = page.locator(`.part.activitybar li.action-item:has(> .action-label[aria-label^="${container}"])`).first();
    if ((await li.getAttribute('aria-selected')) !== 'true') await li.click();
  }
  await page.waitForTimeout(Number(opt('--wait-ms', '10000')));
  const expand = Number(opt('--expand', '0'));
  for (let n = 0; n < expand; n++) {
    const row = page.locator('.part.sidebar .monaco-list-row[aria-expanded="false"]').first();
    if (!(await row.count())) break;
    await row.click();
    await page.waitForTimeout(1500);
  }
  await page.screenshot({ path: out });
  const rows = await page
    .locator('.part.sidebar .monaco-list-row')
    .evaluateAll((els) => els.map((e) => `${'  '.repeat(Number(e.getAttribute('aria-level') ?? 1) - 1)}${e.innerText.replace(/\n/g, ' | ')}`));
  console.log(rows.join('\n'));
  const status = await page.locator('.part.statusbar .statusbar-item').evaluateAll((els) => els.map((e) => e.innerText.trim()).filter(Boolean));
  console.log(`status bar: ${JSON.stringify(status)}`);
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
