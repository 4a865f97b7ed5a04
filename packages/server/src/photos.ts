// SPDX-License-Identifier: EUPL-1.2
/**
 * Photos of observations. Devices re-encode photos (which drops EXIF); the
 * server does not trust that: the type is read from the bytes, not from the
 * header, the size the header declares is checked before anything is
 * decoded, and every photo is decoded and encoded again by sharp (libvips),
 * so what is stored is pixels only: one image, no EXIF, GPS, XMP, IPTC,
 * comment, colour profile, thumbnail or second image (MPF), whatever
 * the format sent. Stripping segments by hand missed WebP's EXIF, images
 * after the first one's end, APP13 and COM; a decoder that keeps nothing
 * but pixels cannot miss a place metadata hides in.
 */
import { createHash } from 'node:crypto';
import type { PhotoRef } from '@gusp/core';
import type { default as Sharp } from 'sharp';
import type { Sql } from './sql.js';

/**
 * sharp (libvips), loaded on the first photo: its native library adds about 10 MB to the server's
 * memory, which a server that receives no photo (most days, most cities) need not hold.
 */
let sharpLoaded: Promise<typeof Sharp> | undefined;
const loadSharp = (): Promise<typeof Sharp> => (sharpLoaded ??= import('sharp').then((m) => m.default));

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Largest photo accepted, in bytes: a phone photo re-encoded to 1600 px fits well. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/**
 * Most pixels a photo may declare (a 24 MP phone photo, 6000 × 4000, fits):
 * libvips needs about 4 bytes per pixel to decode, so 50000 × 50000 in a
 * 300 KB file would ask for 10 GB.
 */
export const MAX_PHOTO_PIXELS = 25_000_000;

/** Longest side of a stored photo, in pixels: the same as the devices' own re-encode. */
export const MAX_PHOTO_SIDE = 1600;

/** What every photo is stored as: JPEG is what the devices send and what every reader of Open311, CSV or e-mail opens. */
const STORED_TYPE = 'image/jpeg' satisfies PhotoType;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type of an image from its first bytes; `undefined` when it is none we take. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

/** JPEG start-of-frame markers (C4, C8 and CC are other tables, not frames). */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** The size of the first frame of a JPEG, read from its segments up to the first scan. */
function jpegDimensions(b: Buffer): Dimensions | undefined {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    // Fill bytes, and markers without a length.
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = b.readUInt16BE(i + 2);
    if (isStartOfFrame(marker)) return i + 9 <= b.length ? { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) } : undefined;
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/** The canvas of a WebP: from VP8X, else its one lossy (VP8) or lossless (VP8L) frame. */
function webpDimensions(b: Buffer): Dimensions | undefined {
  if (b.length < 30) return undefined;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/**
 * The size an image's header declares, read by us without decoding anything,
 * so that a huge declared size is refused before libvips sees the file.
 */
export function declaredDimensions(bytes: Uint8Array): Dimensions | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (sniffPhotoType(b)) {
    case 'image/jpeg':
      return jpegDimensions(b);
    case 'image/png':
      return b.length >= 24 && b.toString('latin1', 12, 16) === 'IHDR'
        ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
        : undefined;
    case 'image/webp':
      return webpDimensions(b);
    default:
      return undefined;
  }
}

export type PhotoRefusal = 'photo.unsupported-type' | 'photo.invalid' | 'photo.too-many-pixels';

export type CleanedPhoto =
  | { ok: true; type: PhotoType; bytes: Buffer; width: number; height: number }
  | { ok: false; code: PhotoRefusal; details?: Record<string, unknown> };

const SHARP_FORMATS: Readonly<Record<PhotoType, string>> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * The photo to keep, or why not: decoded (its first image only, turned as
 * its EXIF orientation says, converted to sRGB), shrunk to fit
 * {@linkcode MAX_PHOTO_SIDE}, transparency laid on white, and encoded as a
 * baseline JPEG with no metadata at all.
 */
export async function cleanPhoto(bytes: Uint8Array, limits: { maxPixels?: number } = {}): Promise<CleanedPhoto> {
  const maxPixels = limits.maxPixels ?? MAX_PHOTO_PIXELS;
  const type = sniffPhotoType(bytes);
  if (!type) return { ok: false, code: 'photo.unsupported-type' };
  const declared = declaredDimensions(bytes);
  if (!declared || declared.width === 0 || declared.height === 0) return { ok: false, code: 'photo.invalid' };
  const tooMany = {
    ok: false,
    code: 'photo.too-many-pixels',
    details: { maxPixels, width: declared.width, height: declared.height },
  } as const;
  if (declared.width * declared.height > maxPixels) return tooMany;
  const sharp = await loadSharp();
  try {
    // limitInputPixels: libvips' own check of the header it reads, should ours read another frame than it decodes.
    const input = sharp(bytes, { limitInputPixels: maxPixels, sequentialRead: true, failOn: 'warning', pages: 1 });
    const { format } = await input.metadata();
    // The bytes looked like one format: libvips must read them as that one (no SVG, TIFF or HEIF behind a JPEG signature).
    if (format !== SHARP_FORMATS[type]) return { ok: false, code: 'photo.invalid' };
    const { data, info } = await input
      .rotate()
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, type: STORED_TYPE, bytes: data, width: info.width, height: info.height };
  } catch (error) {
    return error instanceof Error && /pixel limit/i.test(error.message) ? tooMany : { ok: false, code: 'photo.invalid' };
  }
}

/** A rectangle of a stored photo, in its pixels from the top left corner. */
export interface PhotoRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type BlurredPhoto =
  | { ok: true; bytes: Buffer; width: number; height: number }
  | { ok: false; code: 'photo.region-outside' | 'photo.invalid'; details?: Record<string, unknown> };

/**
 * The photo with each of `regions` blurred beyond recognition (a face, a plate): the region is
 * shrunk to a few pixels a side, enlarged back and blurred, so no detail of it survives, then
 * laid on the image, which is encoded again as a baseline JPEG with no metadata (as
 * {@linkcode cleanPhoto} stores it). A region beyond the image is `photo.region-outside`.
 */
export async function blurRegions(bytes: Uint8Array, regions: readonly PhotoRegion[]): Promise<BlurredPhoto> {
  const sharp = await loadSharp();
  try {
    const input = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'warning' });
    const { width = 0, height = 0 } = await input.metadata();
    const outside = regions.find((r) => r.x + r.width > width || r.y + r.height > height);
    if (outside) return { ok: false, code: 'photo.region-outside', details: { width, height, region: outside } };
    const layers = await Promise.all(
      regions.map(async (r) => {
        const tiny = await sharp(bytes)
          .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
          .resize({ width: Math.max(1, Math.round(r.width / 24)), height: Math.max(1, Math.round(r.height / 24)), fit: 'fill' })
          .toBuffer();
        const input = await sharp(tiny)
          .resize({ width: r.width, height: r.height, fit: 'fill', kernel: 'cubic' })
          .blur(Math.max(2, Math.min(r.width, r.height) / 8))
          .toBuffer();
        return { input, left: r.x, top: r.y };
      }),
    );
    const { data, info } = await sharp(bytes)
      .composite(layers)
      .toColourspace('srgb')
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: data, width: info.width, height: info.height };
  } catch {
    return { ok: false, code: 'photo.invalid' };
  }
}

/**
 * Puts `bytes` in place of photo `id`'s (a redaction), then rewrites the photos table
 * (`VACUUM FULL`) and asks for a checkpoint, so the original's bytes leave the table's files,
 * not only its live row. The id stays: the observations and their events name it.
 */
export async function replacePhoto(sql: Sql, id: string, bytes: Buffer): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>("UPDATE photos SET bytes = $2, media_type = 'image/jpeg' WHERE id = $1 RETURNING id", [
    id,
    bytes,
  ]);
  if (rows.length === 0) return false;
  await sql.exec('VACUUM FULL photos');
  try {
    await sql.exec('CHECKPOINT');
  } catch {
    // Not allowed to this role: the next automatic checkpoint writes it.
  }
  return true;
}

/** Stores a cleaned photo; its id is a hash of its bytes. */
export async function storePhoto(sql: Sql, type: PhotoType, bytes: Buffer): Promise<string> {
  const id = createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
  // Sending the same bytes again makes the photo new again: the orphan sweep counts from the last upload, not the first.
  await sql.query('INSERT INTO photos (id, media_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET created_at = now()', [
    id,
    type,
    bytes,
  ]);
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

/** Deletes the photos `ids` (row and bytes); returns how many there were. */
export async function deletePhotos(sql: Sql, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rows } = await sql.query<{ id: string }>('DELETE FROM photos WHERE id = ANY($1::text[]) RETURNING id', [ids]);
  return rows.length;
}

/** Deletes the photos stored before `before` whose id is not in `attached`; returns how many. */
export async function deleteUnattachedPhotos(sql: Sql, attached: readonly string[], before: Date): Promise<number> {
  const { rows } = await sql.query<{ id: string }>('DELETE FROM photos WHERE created_at < $1 AND NOT (id = ANY($2::text[])) RETURNING id', [
    before.toISOString(),
    attached,
  ]);
  return rows.length;
}

/** The public URL of a stored photo, under the server's public URL (never the request's `Host`). */
export const photoUrl = (publicUrl: string, id: string): string => `${publicUrl.replace(/\/+$/, '')}/api/photos/${encodeURIComponent(id)}`;

const OUR_PHOTO_PATH = /^\/api\/photos\/([A-Za-z0-9_-]{1,64})$/;

/**
 * The id in one of this server's photo URLs, whatever its host: events written before photo
 * ids were stored alone carry `<the request's Host>/api/photos/<id>`, a host any client chose.
 */
export function photoIdOf(url: string): string | undefined {
  try {
    return OUR_PHOTO_PATH.exec(new URL(url).pathname)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * The ids, in this server's photos table, of an observation's photos: as {@linkcode withPhotoUrls}
 * reads them (a stored URL of ours names its id; a URL elsewhere names no photo of ours).
 */
export const storedPhotoIds = (photos: readonly PhotoRef[]): string[] =>
  photos.flatMap((p) => {
    const id = storedIdOf(p);
    return id === undefined ? [] : [id];
  });

/** The id in this server's photos table of one photo of an observation; none for a URL elsewhere. */
const storedIdOf = (p: PhotoRef): string | undefined => (p.url === undefined ? p.id : photoIdOf(p.url));

/** Which of `ids` the photos table holds (`AppOptions.photos.existing`, `photoExists`). */
export type PhotoLookup = (ids: readonly string[]) => Promise<ReadonlyMap<string, unknown>>;

/** The lookup of an app's photo store (`AppOptions.photos`), none without one. */
export const photoLookup = (photos: { existing(ids: readonly string[]): Promise<ReadonlyMap<string, unknown>> } | undefined) =>
  photos && ((ids: readonly string[]) => photos.existing(ids));

/**
 * The observations without the photos of ours the photos table no longer holds. Erasure, the purge
 * and the orphan sweep delete a photo's row and bytes, not the events that name it: listed, its URL
 * would answer 404 (and tell that a photo was there). One query for the whole list. A URL
 * elsewhere is kept; without `existing` (no photos table), every photo is.
 */
export async function withoutDeletedPhotos<T extends { readonly photos: readonly PhotoRef[] }>(
  observations: readonly T[],
  existing: PhotoLookup | undefined,
): Promise<T[]> {
  const ids = existing === undefined ? [] : [...new Set(observations.flatMap((o) => storedPhotoIds(o.photos)))];
  if (existing === undefined || ids.length === 0) return [...observations];
  const stored = await existing(ids);
  return observations.map((o) => {
    const photos = o.photos.filter((p) => {
      const id = storedIdOf(p);
      return id === undefined || stored.has(id);
    });
    return photos.length === o.photos.length ? o : { ...o, photos };
  });
}

/** Observations as they leave the server, in every view and export: {@linkcode withoutDeletedPhotos}, then {@linkcode withPhotoUrls}. */
export const withStoredPhotoUrls = async <T extends { readonly photos: readonly PhotoRef[] }>(
  observations: readonly T[],
  publicUrl: string,
  existing: PhotoLookup | undefined,
): Promise<T[]> => (await withoutDeletedPhotos(observations, existing)).map((o) => withPhotoUrls(o, publicUrl));

/**
 * An observation as it leaves the server: each photo's URL built now from `publicUrl` and its
 * id. A stored URL of ours (old events) is rebuilt the same way; only a URL that is not one of
 * ours (given through the core by an application that serves its photos elsewhere) is kept.
 */
export function withPhotoUrls<T extends { readonly photos: readonly PhotoRef[] }>(observation: T, publicUrl: string): T {
  if (observation.photos.length === 0) return observation;
  const photos = observation.photos.map((p) => {
    const id = p.url === undefined ? p.id : photoIdOf(p.url);
    return id === undefined ? p : { ...p, url: photoUrl(publicUrl, id) };
  });
  return { ...observation, photos };
}
