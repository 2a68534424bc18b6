import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where browser tests leave screenshots (git-ignored). */
export const ARTIFACTS = join(process.cwd(), 'test-results', 'browser');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Pages play audio without a click, as after a user gesture.
  '--autoplay-policy=no-user-gesture-required',
];

/** Debian's chromium (found or installed by scripts/chromium.sh before the namespace is made). */
export function chromiumPath(): string {
  const bin = process.env.CHROMIUM_BIN;
  if (!bin) {
    throw new Error(
      'Chromium is needed by the browser tests: install it with `sudo apt-get install chromium` ' +
        '(run the suite as root and scripts/chromium.sh does it) or set CHROMIUM_BIN=/path/to/chromium, then run `npm test`.',
    );
  }
  return bin;
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...FLAGS, ...extraArgs], headless: true });
}

/** Saves a full-page screenshot as test-results/browser/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
