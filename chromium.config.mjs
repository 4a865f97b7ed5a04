// SPDX-License-Identifier: EUPL-1.2
/**
 * How every browser test and bench of the repository launches Chromium: the
 * system's browser (never a downloaded one: this project's machines reach only
 * the npm registry and Debian), headless, with the flags that keep it from
 * calling home on a closed network. `scripts/setup.mjs` (first step of
 * `pnpm test`) installs Debian's `chromium` when none is found and it may.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const { platform, env } = process;

/** The usual install paths of Chrome and Chromium on this platform. */
function usualPaths() {
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '', 'Applications')];
    return apps.flatMap((dir) => [
      join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
      join(dir, 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((root) => [join(root, 'Google/Chrome/Application/chrome.exe'), join(root, 'Chromium/Application/chrome.exe')]);
  }
  // Linux and the other Unixes: the distributions' names, in /usr/bin first, then anywhere on PATH.
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(delimiter).filter(Boolean), '/snap/bin'];
  return [...new Set(dirs.flatMap((dir) => names.map((name) => join(dir, name))))];
}

/** CHROME_PATH if set (and only it), else the usual paths of Linux, macOS or Windows. */
export const CHROMIUM_CANDIDATES = env.CHROME_PATH ? [env.CHROME_PATH] : usualPaths();

/** The Chromium to launch, or `undefined` when none is installed. */
export const findChromium = () => CHROMIUM_CANDIDATES.find((path) => existsSync(path));

/** What to do when no Chromium is found. */
export const CHROMIUM_HELP =
  platform === 'linux'
    ? 'install Chrome or Chromium (Debian/Ubuntu: `apt-get install chromium`, which `pnpm test` does itself when run as root) or set CHROME_PATH'
    : 'install Google Chrome or Chromium, or set CHROME_PATH to its executable';

/** The Chromium to launch; throws a message that says how to get one. */
export function chromiumPath() {
  const path = findChromium();
  if (!path)
    throw new Error(
      `No Chrome or Chromium found (${env.CHROME_PATH ? `CHROME_PATH=${env.CHROME_PATH}` : 'usual paths'}): ${CHROMIUM_HELP}.`,
    );
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
