// SPDX-License-Identifier: EUPL-1.2
// Issue 9's size gate: asking the rules tables (`can`, `walkRules`) must cost a browser at most
// 4 kB gz and carry no catalogue. Bundled for real by esbuild, as `pnpm bench` measures it too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_RULES_APP, measureRulesBundle as measure, RULES_BUNDLE_BUDGET_GZ } from '../scripts/rules-bundle.mjs';

describe('import { can, walkRules } bundled for a browser', () => {
  it(`is at most ${RULES_BUNDLE_BUDGET_GZ} B gz, with no catalogue, no zod, no message text`, async () => {
    const m = await measure();
    const inputs = Object.keys(m.inputs);
    assert.ok(m.gz <= RULES_BUNDLE_BUDGET_GZ, `${m.gz} B gz > ${RULES_BUNDLE_BUDGET_GZ}: ${JSON.stringify(m.inputs)}`);
    assert.deepEqual(
      inputs.filter((f) => /locales\/|i18n|zod/.test(f)),
      [],
      'a catalogue or zod is bundled',
    );
    assert.deepEqual(m.messagesFound, []);
    assert.ok(m.textsChecked > 150, `only ${m.textsChecked} catalogue texts were looked for`);
  });

  it('stays within the same budget with every table and every helper a form uses', async () => {
    const m = await measure({ app: ALL_RULES_APP });
    assert.ok(m.gz <= RULES_BUNDLE_BUDGET_GZ, `${m.gz} B gz > ${RULES_BUNDLE_BUDGET_GZ}: ${JSON.stringify(m.inputs)}`);
    assert.deepEqual(
      Object.keys(m.inputs).filter((f) => /locales\/|i18n|zod/.test(f)),
      [],
      'a catalogue or zod is bundled',
    );
    assert.deepEqual(m.messagesFound, []);
  });

  it('leaves an unused table out of a bundle that imports a helper beside it (`seatsLeft`)', async () => {
    const m = await measure({ app: `import { seatsLeft } from '@gusp/core';\nglobalThis.seatsLeft = seatsLeft;\n` });
    const table = m.inputs['packages/core/src/registration/registration.rules.ts'] ?? 0;
    // seatsLeft and seatsTaken alone are about 240 B; the table with its guards is about 1,500 more.
    assert.ok(table > 0 && table < 600, `registration.rules.ts: ${table} B in the bundle`);
    assert.ok(!Object.keys(m.inputs).some((f) => f.includes('rules/transition')), 'the engine came along');
  });

  it('finds the message texts of a bundle that does carry the catalogues (the check above can fail)', async () => {
    const m = await measure({ app: `import { errorMessage } from '@gusp/core';\nconsole.log(errorMessage('walk.full', 'en'));\n` });
    assert.ok(m.messagesFound.length > 100, `only ${m.messagesFound.length} texts found`);
    assert.ok(
      m.messagesFound.some((t) => /[éèàç]/.test(t)),
      'French texts found',
    );
    assert.ok(
      m.messagesFound.some((t) => /^[\x20-\x7e]+$/.test(t) && / the /.test(t)),
      'English texts found',
    );
    assert.ok(m.gz > RULES_BUNDLE_BUDGET_GZ);
  });
});
