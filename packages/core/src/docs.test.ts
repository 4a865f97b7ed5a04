// SPDX-License-Identifier: EUPL-1.2
// Every ```ts block of docs/*.md runs as written, so no example can drift. Each block is written
// to a temporary .mts file inside this package (so `import … from '@gusp/core'` resolves through
// the package's own name and its `@gusp/source` export condition) and run with tsx from the repository
// root (so a path like `docs/examples/…` reads as it would from a clone); it must exit 0, and all
// blocks must type-check with the package's own strict settings (tsx alone does not check types).
// Blocks assert their own results with `node:assert/strict`. Blocks fenced ```ts-snippet are
// excerpts, not programs, and are skipped. City profiles (docs/examples/*.json, and ```json blocks
// with `quartiers`) are checked with `parseCity` and with the published JSON Schema through a real
// validator (Ajv, draft 2020-12). The temporary directory is named `.readme-docs-*`, which the
// repository's `.gitignore` (`.readme-*/`) already ignores.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cityProfileJsonSchema, parseCity } from './index.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(packageDir, '..', '..');
const docsDir = join(repoRoot, 'docs');
/** tsx as this package resolves it: the blocks run from the repository root, which has no tsx of its own. */
const tsx = pathToFileURL(createRequire(join(packageDir, 'package.json')).resolve('tsx')).href;

interface Block {
  readonly page: string;
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a Markdown page (not ```ts-snippet, not ```tsx…), with their line numbers. */
function tsBlocks(page: string): Block[] {
  const text = readFileSync(join(docsDir, page), 'utf8');
  const blocks: Block[] = [];
  const fence = /^```ts[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const m of text.matchAll(fence)) {
    blocks.push({ page, line: text.slice(0, m.index).split('\n').length, code: m[1] as string });
  }
  return blocks;
}

const pages = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const blocks = pages.flatMap(tsBlocks);
const tmp = mkdtempSync(join(packageDir, '.readme-docs-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const files = blocks.map((block, i) => {
  const file = join(tmp, `${block.page.replace(/\W/g, '-')}-${i}.mts`);
  writeFileSync(file, block.code);
  return file;
});

/** Each block is a Node process running tsx: two at a time on a 2-core machine, not all at once. */
const CONCURRENCY = Number(process.env.DOCS_CONCURRENCY ?? 2);
const BLOCK_TIMEOUT_MS = Number(process.env.DOCS_BLOCK_TIMEOUT_MS ?? 60_000);

/** What went wrong with a child process, never an empty line: a timeout says so, with the block's place. */
function failure(where: string, file: string, e: unknown): string {
  const {
    stdout = '',
    stderr = '',
    killed,
    signal,
    code,
    message,
  } = e as { stdout?: string; stderr?: string; killed?: boolean; signal?: string; code?: number; message?: string };
  const why = killed
    ? `timed out after ${BLOCK_TIMEOUT_MS / 1000} s (killed by ${signal ?? 'a signal'})`
    : `failed (exit code ${code ?? '?'}${signal ? `, ${signal}` : ''})`;
  const output = `${stdout}${stderr}`.trim() || message || '(no output)';
  return `${where} ${why} (${file}):\n${output}`;
}

describe('docs examples', { concurrency: CONCURRENCY }, () => {
  it('docs/ has executable examples on the developers and cities pages', () => {
    for (const page of ['developers.md', 'cities.md']) {
      assert.ok(blocks.filter((b) => b.page === page).length >= 1, `${page} has at least one \`\`\`ts block`);
    }
  });

  for (const [i, block] of blocks.entries()) {
    const file = files[i] as string;
    it(`docs/${block.page}:${block.line} runs and its assertions hold`, async () => {
      try {
        await run(process.execPath, ['--conditions=@gusp/source', '--import', tsx, file], {
          cwd: repoRoot,
          encoding: 'utf8',
          timeout: BLOCK_TIMEOUT_MS,
        });
      } catch (e) {
        assert.fail(failure(`docs/${block.page}:${block.line}`, relative(repoRoot, file), e));
      }
    });
  }

  // tsx strips types without checking them: the compiler checks every block, as a reader's editor would.
  it('every block type-checks (strict, as the package itself)', async () => {
    writeFileSync(
      join(tmp, 'tsconfig.json'),
      JSON.stringify({
        extends: '../tsconfig.json',
        compilerOptions: { rootDir: '..', noEmit: true, types: ['node'] },
        include: ['*.mts'],
      }),
    );
    const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');
    try {
      await run(process.execPath, [tsc, '-p', join(tmp, 'tsconfig.json')], {
        cwd: packageDir,
        encoding: 'utf8',
        timeout: BLOCK_TIMEOUT_MS,
      });
    } catch (e) {
      const { stdout = '', stderr = '', killed } = e as { stdout?: string; stderr?: string; killed?: boolean };
      if (killed) assert.fail(failure('the type-check of the docs blocks', relative(repoRoot, tmp), e));
      const located = stdout.replace(/[^\s(]*?([\w-]+)-(\d+)\.mts\((\d+),(\d+)\)/g, (_, _page: string, i: string, row: string) => {
        const b = blocks[Number(i)] as Block;
        return `docs/${b.page}:${b.line + Number(row)}`;
      });
      assert.fail(`The docs' examples do not type-check:\n${located}${stderr}`);
    }
  });
});

describe('city profile examples (docs/examples/*.json)', () => {
  const examples = join(docsDir, 'examples');
  const files = readdirSync(examples).filter((f) => f.endsWith('.json'));
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  const validateSchema = ajv.compile(cityProfileJsonSchema());

  it('there is at least one', () => assert.ok(files.length >= 1));

  for (const f of files) {
    const profile: unknown = JSON.parse(readFileSync(join(examples, f), 'utf8'));
    it(`${f} is valid for parseCity`, () => {
      const parsed = parseCity(profile, 'en');
      assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error.details, null, 2));
      assert.ok(parsed.value.quartiers.filter((q) => q.priority).length >= 3, 'three priority quartiers');
    });
    it(`${f} is valid for the JSON Schema (Ajv, draft 2020-12)`, () => {
      assert.ok(validateSchema(profile), ajv.errorsText(validateSchema.errors));
    });
  }

  // ```json blocks of the pages that are city profiles (they have `quartiers`) must be valid too.
  const profileBlocks = pages.flatMap((page) => {
    const text = readFileSync(join(docsDir, page), 'utf8');
    return [...text.matchAll(/^```json[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)]
      .map((m) => ({ page, line: text.slice(0, m.index).split('\n').length, json: JSON.parse(m[1] as string) as unknown }))
      .filter((b) => typeof b.json === 'object' && b.json !== null && 'quartiers' in b.json);
  });
  for (const b of profileBlocks) {
    it(`docs/${b.page}:${b.line} (a city profile) is valid for parseCity and the JSON Schema`, () => {
      const parsed = parseCity(b.json, 'en');
      assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error.details, null, 2));
      assert.ok(validateSchema(b.json), ajv.errorsText(validateSchema.errors));
    });
  }

  it('the JSON Schema refuses what parseCity refuses on types (a sanity check of the validator)', () => {
    assert.equal(validateSchema({ id: 'Rivebelle', name: 'Rivebelle' }), false);
  });
});
