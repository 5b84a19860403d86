// Debian's chromium, driven by playwright-core (playwright's own browser download fails offline).
import { chromium } from 'playwright-core';
import { findChromium } from './install-code-server.mjs';
import { chromiumArgs } from './paths.mjs';

export async function launchChromium({ headless = true } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium not found: apt-get install chromium (or set MTE_CHROMIUM)');
  return chromium.launch({ executablePath, headless, args: chromiumArgs });
}
