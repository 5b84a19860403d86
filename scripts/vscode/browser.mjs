// Debian's chromium, driven by playwright-core (playwright's own browser download fails offline).
import { chromium } from 'playwright-core';
import { findChromium } from './install-code-server.mjs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium({ headless = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium not found: apt-get install chromium (or set MTE_CHROMIUM)');
  return chromium.launch({ executablePath, headless, args: chromiumArgs });
}
