// SPDX-License-Identifier: EUPL-1.2
/**
 * Where the demo page finds `@gusp/elements`' self-contained bundles
 * (`dist/bundle/gusp-elements.js`…, written by `pnpm --filter @gusp/elements
 * bundle`, which the repository's `pnpm start` runs first) and its README; and
 * how `/elements/…` serves them.
 *
 * The elements' build (scripts/precompress.mjs, after bundle.mjs) leaves beside
 * each `.js` a brotli `.br` and a gzip `.gz` copy, and for each entry a
 * content-hashed copy (`gusp-elements.1a2b3c4d5e.js`) named in `manifest.json`.
 * The server sends the precompressed file the client accepts, never
 * compressing a bundle per request; pages it writes load the hashed names,
 * which never change content (so browsers keep them a year), while the stable
 * names webmasters paste are revalidated (ETag).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Encoding } from '../http/compress.js';
import { entityTag } from '../http/etag.js';

/** The root of the installed `@gusp/elements` (the workspace's in this repository), if any. */
export function elementsPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@gusp/elements/package.json'));
  } catch {
    // Not installed: the sibling package of this repository, if there.
    const sibling = fileURLToPath(new URL('../../../elements/', import.meta.url));
    return existsSync(join(sibling, 'package.json')) ? sibling : undefined;
  }
}

/** `{ dir, readme }` of the elements' bundles and README (paths; they may not exist yet). */
export function defaultElementsPaths(): { dir?: string; readme?: string } {
  const root = elementsPackageDir();
  return root ? { dir: join(root, 'dist', 'bundle'), readme: join(root, 'README.md') } : {};
}

/** A stable entry (`gusp-elements.js`) or its hashed copy (`gusp-elements.1a2b3c4d5e.js`). */
const ENTRY = /^gusp-[a-z-]+(\.[0-9a-f]{10})?\.js$/;
/** A chunk of the build, its content hash in its name (`chunks/walk-calendar-B17D715A.js`). */
const CHUNK = /^chunks\/[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*\.js$/;
const HASHED_CHUNK = /-[A-Z0-9]{8}\.js$/;

/** What `/elements/{file}` may name: entries, their hashed copies, chunks; nothing else of the folder. */
export const isBundleName = (name: string): boolean => ENTRY.test(name) || CHUNK.test(name);

/** Whether the name changes with the content (served immutable). */
export const isHashedName = (name: string): boolean =>
  /\.[0-9a-f]{10}\.js$/.test(name) ? ENTRY.test(name) : CHUNK.test(name) && HASHED_CHUNK.test(name);

/** One file as sent: its bytes, encoding and strong tag (the digest of these bytes). */
export interface BundleFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly encoding: Encoding | undefined;
  readonly etag: string;
}

/** The bundles of one directory, read once per change of each file (size and mtime). */
export class ElementsBundles {
  private readonly files = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly file: BundleFile }>();
  private manifest: { readonly mtimeMs: number; readonly names: Readonly<Record<string, string>> } | undefined;

  constructor(readonly dir: string | undefined) {}

  /** Whether the entry exists (built). */
  has(entry: string): boolean {
    return this.dir !== undefined && existsSync(join(this.dir, entry));
  }

  /**
   * The URL a page of this server loads `entry` from: its hashed copy when the
   * build made one (manifest.json), else the stable name.
   */
  async url(entry: string): Promise<string> {
    const names = await this.names();
    const hashed = names[entry];
    return `/elements/${hashed !== undefined && ENTRY.test(hashed) ? hashed : entry}`;
  }

  private async names(): Promise<Readonly<Record<string, string>>> {
    if (!this.dir) return {};
    const path = join(this.dir, 'manifest.json');
    try {
      const { mtimeMs } = await stat(path);
      if (this.manifest?.mtimeMs !== mtimeMs) {
        const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown;
        const names = parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
        this.manifest = { mtimeMs, names };
      }
      return this.manifest.names;
    } catch {
      // No manifest (a build without the precompress step): the stable names.
      return {};
    }
  }

  /**
   * The file `name` as the client accepts it: the precompressed copy for
   * `encoding` when there is one, else the identity file; `undefined` when
   * `name` is not a bundle's or does not exist.
   */
  async read(name: string, encoding: Encoding | undefined): Promise<BundleFile | undefined> {
    if (!this.dir || !isBundleName(name)) return undefined;
    for (const variant of encoding === undefined ? [undefined] : [encoding, undefined]) {
      const file = await this.readVariant(name, variant);
      if (file) return file;
    }
    return undefined;
  }

  private async readVariant(name: string, encoding: Encoding | undefined): Promise<BundleFile | undefined> {
    const path = join(this.dir!, encoding === 'br' ? `${name}.br` : encoding === 'gzip' ? `${name}.gz` : name);
    try {
      const { mtimeMs, size } = await stat(path);
      const known = this.files.get(path);
      if (known?.mtimeMs === mtimeMs && known.size === size) return known.file;
      const bytes = new Uint8Array(await readFile(path));
      const file = { bytes, encoding, etag: entityTag(bytes) };
      this.files.set(path, { mtimeMs, size, file });
      return file;
    } catch {
      return undefined;
    }
  }
}
