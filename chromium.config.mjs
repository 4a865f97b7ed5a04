// SPDX-License-Identifier: EUPL-1.2
/**
 * How every browser test and bench of the repository launches Chromium: the
 * system's browser (never a downloaded one: this project's machines reach only
 * the npm registry and Debian), headless, with the flags that keep it from
 * calling home on a closed network.
 */
import { existsSync } from 'node:fs';

/** CHROME_PATH if set, else Debian's `chromium` package or another usual path. */
export const CHROMIUM_CANDIDATES = process.env.CHROME_PATH
  ? [process.env.CHROME_PATH]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable'];

/** The Chromium to launch, or `undefined` when none is installed. */
export const findChromium = () => CHROMIUM_CANDIDATES.find((path) => existsSync(path));

/** The Chromium to launch; throws a message that says how to get one. */
export function chromiumPath() {
  const path = findChromium();
  if (!path) throw new Error(`No Chromium at ${CHROMIUM_CANDIDATES.join(' or ')}: install Debian's "chromium" package or set CHROME_PATH.`);
  return path;
}

/** Root in a container needs --no-sandbox; the rest stops background traffic the closed network refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
