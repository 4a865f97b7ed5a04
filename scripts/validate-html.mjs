// SPDX-License-Identifier: EUPL-1.2
/**
 * Checks HTML documents with the W3C Nu HTML Checker (vnu-jar) when Java runs
 * here, else with html-validate (pure JavaScript, its `standard` preset: the
 * HTML standard's content models and attributes, no style opinions) in its
 * place, saying so once. `scripts/setup.mjs` installs Java on Debian/Ubuntu
 * as root; GUSP_NO_JAVA=1 forces the fallback (to test it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { javaRuns } from './toolchain.mjs';

let chosen;
/** `vnu` when Java runs, else `html-validate`. */
export function htmlValidator() {
  if (chosen) return chosen;
  const java = javaRuns();
  chosen = java ? 'vnu' : 'html-validate';
  if (!java) console.log('HTML validation: Java is absent, so html-validate checks the HTML in place of the W3C validator (vnu).');
  return chosen;
}

/** Validates every document at once (one JVM start); returns the validator used and the errors per document name. */
export function validateHtml(documents) {
  const validator = htmlValidator();
  return { validator, errors: validator === 'vnu' ? vnu(documents) : htmlValidate(documents) };
}

function vnu(documents) {
  const dir = mkdtempSync(join(tmpdir(), 'gusp-vnu-'));
  try {
    const names = Object.keys(documents);
    const files = names.map((name) => {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, documents[name]);
      return file;
    });
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    // C1-only JIT and the serial GC start the JVM about three times faster; the checker needs a larger stack then.
    const jvm = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
    const run = spawnSync('java', [...jvm, '-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files], { encoding: 'utf8' });
    if (run.error) throw run.error;
    if (run.stderr.includes('StackOverflowError')) throw new Error(run.stderr);
    const { messages } = JSON.parse(run.stdout);
    const byName = new Map(names.map((name) => [name, []]));
    for (const m of messages) {
      const name = names.find((n) => m.url.endsWith(`/${n}.html`));
      if (!name) throw new Error(`vnu: a message for an unknown file: ${m.url}`);
      byName.get(name).push({ type: m.type, message: m.message, lastLine: m.lastLine });
    }
    return byName;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function htmlValidate(documents) {
  const checker = new HtmlValidate({ extends: ['html-validate:standard'] });
  return new Map(
    Object.entries(documents).map(([name, text]) => {
      const report = checker.validateStringSync(text, `${name}.html`);
      const messages = report.results.flatMap((r) => r.messages);
      return [
        name,
        messages.filter((m) => m.severity === 2).map((m) => ({ type: 'error', message: `${m.ruleId}: ${m.message}`, lastLine: m.line })),
      ];
    }),
  );
}
