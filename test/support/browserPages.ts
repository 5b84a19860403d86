/** Mocha hooks for a block of page tests: one browser for the block, every page a test opens closed after it. */
import type { Browser } from 'playwright-core';
import { launchBrowser, openWebviewPage, type PageFiles, type WebviewPage } from './webviewPage';

export function browserPages(): { open(files: PageFiles): Promise<WebviewPage> } {
  let browser: Browser | undefined;
  let opened: WebviewPage[] = [];
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const page of pages) await page.close();
  });
  return {
    async open(files) {
      if (!browser) throw new Error('browserPages: open() before the browser started');
      const page = await openWebviewPage(browser, files);
      opened.push(page);
      return page;
    },
  };
}
