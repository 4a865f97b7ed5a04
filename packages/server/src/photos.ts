// SPDX-License-Identifier: EUPL-1.2
/**
 * Photos of observations. Devices re-encode photos (which drops EXIF); the
 * server does not trust that: the type is read from the bytes, not from the
 * header, and metadata segments that can hold a position (JPEG APP1 — EXIF,
 * XMP —, PNG `eXIf`, `tEXt`, `iTXt`, `zTXt`) are removed before storing.
 */
import { createHash } from 'node:crypto';
import type { Sql } from './sql.js';

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Largest photo accepted, in bytes: a phone photo re-encoded to 1600 px fits well. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of an image from its first bytes; `undefined` when it is none we take. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** A JPEG without its APP1 segments; `undefined` when the segments do not parse. */
function stripJpeg(b: Buffer): Buffer | undefined {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    // Start of scan: the rest is image data.
    if (marker === 0xda) {
      parts.push(b.subarray(i));
      return Buffer.concat(parts);
    }
    const length = b.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > b.length) return undefined;
    if (marker !== 0xe1) parts.push(b.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return undefined;
}

const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

/** A PNG without its metadata chunks; `undefined` when the chunks do not parse. */
function stripPng(b: Buffer): Buffer | undefined {
  const parts: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > b.length) return undefined;
    if (!PNG_METADATA.has(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return undefined;
}

/** The bytes to keep, or why not. */
export function cleanPhoto(
  bytes: Uint8Array,
): { ok: true; type: PhotoType; bytes: Buffer } | { ok: false; code: 'photo.unsupported-type' | 'photo.invalid' } {
  const type = sniffPhotoType(bytes);
  if (!type) return { ok: false, code: 'photo.unsupported-type' };
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const clean = type === 'image/jpeg' ? stripJpeg(b) : type === 'image/png' ? stripPng(b) : b;
  return clean ? { ok: true, type, bytes: clean } : { ok: false, code: 'photo.invalid' };
}

/** Stores a cleaned photo; its id is a hash of its bytes. */
export async function storePhoto(sql: Sql, type: PhotoType, bytes: Buffer): Promise<string> {
  const id = createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
  await sql.query('INSERT INTO photos (id, media_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [id, type, bytes]);
  return id;
}

export async function loadPhoto(sql: Sql, id: string): Promise<{ type: PhotoType; bytes: Uint8Array } | undefined> {
  const { rows } = await sql.query<{ media_type: PhotoType; bytes: Uint8Array }>('SELECT media_type, bytes FROM photos WHERE id = $1', [
    id,
  ]);
  const row = rows[0];
  return row ? { type: row.media_type, bytes: row.bytes } : undefined;
}

export async function photoExists(sql: Sql, ids: readonly string[]): Promise<Map<string, PhotoType>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<{ id: string; media_type: PhotoType }>('SELECT id, media_type FROM photos WHERE id = ANY($1::text[])', [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r.media_type]));
}
