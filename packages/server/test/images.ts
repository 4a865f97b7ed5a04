// SPDX-License-Identifier: EUPL-1.2
/**
 * Images for the photo tests, built by hand around three tiny real images
 * (16 × 12, a gradient): each carries the metadata phones and editors write
 * (EXIF with a GPS position, XMP, IPTC, comments, a second image after the
 * first), put where the formats' specifications put it, so that an
 * independent reader (exiftool) finds it in what is sent, and must not find
 * it in what the server serves. The base images were made once with libvips
 * and are kept as bytes, so the inputs do not depend on the library under test.
 */
import { deflateSync } from 'node:zlib';

/** The size of every image below, as sent. */
export const SAMPLE_SIZE = { width: 16, height: 12 } as const;

const BASE_JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAABgf/xAAcEAACAAcAAAAAAAAAAAAAAAAABQQGISIjMqH/xAAVAQEBAAAAAAAAAAAAAAAAAAABBP/EABoRAAICAwAAAAAAAAAAAAAAAAADBAYFISL/2gAMAwEAAhEDEQA/AJqplTXHwZqZU1x8G6ldDUsGaldDUsCdm2bJ6rYm8n//2Q==',
  'base64',
);
const BASE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABUklEQVQokQXBIQHAIBBA0YswQYBJ5AIgiHAREASYRP4ACCJcBAQBJpEEQCzCIuw9EeEQTuESoqBCEm4BoQkmdOERlvAKnyDiOByn43JEhzqS43bgaA5zdMfjWI7X8TlEPIfn9Fye6FFP8twePM1jnu55PMvzej6PSOAInIErEAMaSIE7QKAFLNADT2AF3sAXEFEO5VQuJSqqJOVWUJpiSlceZSmv8ikimSNzZq5MzGgmZe4MmZaxTM88mZV5M19GpHAUzsJViAUtpMJdoNAKVuiFp7AKb+EriFSOylm5KrGilVS5K1RaxSq98lRW5a18FRHjME7jMqKhRjJuA6MZZnTjMZbxGp8hMjgG5+AaxIEO0uAeMGgDG/TBM1iDd/ANRCbH5JxckzjRSZrcEyZtYpM+eSZr8k6+icjm2JybaxM3ukmbe8OmbWzTN89mbd7Nt/kBM20MkPuQDQgAAAAASUVORK5CYII=',
  'base64',
);
const BASE_WEBP = Buffer.from(
  'UklGRloAAABXRUJQVlA4IE4AAADQAQCdASoQAAwAAUAmJbACdAEOtXQyAAD+/bOzjTlhXS6AZn+GESZhx+//EivNcLPRNg/06ub6ev165//0sN+7//+kHkwYKQ/meILIAAA=',
  'base64',
);

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** Where the test photos were "taken": Valence, quartier du Polygone. */
export const PLACE = { lat: 44.9392, lon: 4.9083 } as const;

/** A position as EXIF writes it: degrees, minutes and hundredths of seconds. */
function dms(value: number): [number, number][] {
  const deg = Math.floor(value);
  const min = Math.floor((value - deg) * 60);
  const sec = Math.round(((value - deg) * 60 - min) * 6000);
  return [
    [deg, 1],
    [min, 1],
    [sec, 100],
  ];
}

/**
 * A TIFF structure as EXIF embeds it (big-endian): IFD0 with an orientation
 * and a pointer to a GPS IFD holding latitude and longitude.
 */
export function exifTiff(point: { lat: number; lon: number } = PLACE, orientation = 1): Buffer {
  const rationals = (v: [number, number][]) => Buffer.concat(v.flatMap(([n, d]) => [u32(n), u32(d)]));
  const entry = (tag: number, type: number, count: number, value: Buffer) =>
    Buffer.concat([u16(tag), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)]);
  const ifd0At = 8;
  const gpsAt = ifd0At + 2 + 2 * 12 + 4;
  const latAt = gpsAt + 2 + 5 * 12 + 4;
  const lonAt = latAt + 24;
  return Buffer.concat([
    Buffer.from('MM\0\x2a', 'latin1'),
    u32(ifd0At),
    u16(2),
    entry(0x0112, 3, 1, u16(orientation)),
    entry(0x8825, 4, 1, u32(gpsAt)),
    u32(0),
    u16(5),
    entry(0x0000, 1, 4, Buffer.from([2, 3, 0, 0])),
    entry(0x0001, 2, 2, Buffer.from('N\0', 'latin1')),
    entry(0x0002, 5, 3, u32(latAt)),
    entry(0x0003, 2, 2, Buffer.from('E\0', 'latin1')),
    entry(0x0004, 5, 3, u32(lonAt)),
    u32(0),
    rationals(dms(point.lat)),
    rationals(dms(point.lon)),
  ]);
}

/** An XMP packet with the position and a creator. */
export const xmpPacket = (point: { lat: number; lon: number } = PLACE): Buffer =>
  Buffer.from(
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
      ` exif:GPSLatitude="${point.lat}N" exif:GPSLongitude="${point.lon}E"><dc:creator><rdf:Seq><rdf:li>Jeanne Martin</rdf:li></rdf:Seq></dc:creator>` +
      '</rdf:Description></rdf:RDF></x:xmpmeta>',
  );

const segment = (marker: number, payload: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16(payload.length + 2), payload]);

/** An APP13 segment: a Photoshop resource block holding IPTC (by-line, city, sub-location). */
function iptcSegment(): Buffer {
  const dataset = (n: number, value: string) =>
    Buffer.concat([Buffer.from([0x1c, 2, n]), u16(Buffer.byteLength(value)), Buffer.from(value)]);
  let iptc = Buffer.concat([dataset(80, 'Jeanne Martin'), dataset(90, 'Valence'), dataset(92, 'Polygone, 12 rue Magnard')]);
  if (iptc.length % 2) iptc = Buffer.concat([iptc, Buffer.alloc(1)]);
  return segment(
    0xed,
    Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM', 'latin1'), u16(0x0404), u16(0), u32(iptc.length), iptc]),
  );
}

/** A JPEG whose APP1 (EXIF) segment holds a GPS position. */
export const jpegWithExif = (point: { lat: number; lon: number } = PLACE, orientation = 1): Buffer =>
  Buffer.concat([
    BASE_JPEG.subarray(0, 2),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(point, orientation)])),
    BASE_JPEG.subarray(2),
  ]);

/**
 * An APP2 MPF segment (CIPA DC-007, as phones write it) that lists two images:
 * the first one, and a second of `secondSize` bytes at `secondOffset` from the
 * MPF header, which is `mpfAt` bytes into the file.
 */
function mpfSegment(firstSize: number, secondOffset: number, secondSize: number): Buffer {
  const entryAt = 8 + 2 + 3 * 12 + 4;
  const tag = (t: number, type: number, count: number, value: Buffer) =>
    Buffer.concat([u16(t), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)]);
  const entries = Buffer.concat([
    u32(0x030000),
    u32(firstSize),
    u32(0),
    u16(0),
    u16(0),
    u32(0x010001),
    u32(secondSize),
    u32(secondOffset),
    u16(0),
    u16(0),
  ]);
  const tiff = Buffer.concat([
    Buffer.from('MM\0\x2a', 'latin1'),
    u32(8),
    u16(3),
    tag(0xb000, 7, 4, Buffer.from('0100', 'latin1')),
    tag(0xb001, 4, 1, u32(2)),
    tag(0xb002, 7, 32, u32(entryAt)),
    u32(0),
    entries,
  ]);
  return segment(0xe2, Buffer.concat([Buffer.from('MPF\0', 'latin1'), tiff]));
}

/**
 * The JPEG the issue found kept: EXIF GPS (turned 90°), XMP, IPTC (APP13), a
 * comment, and a second JPEG after the first one's end with its own EXIF GPS,
 * listed in an MPF segment as phones list their second images.
 */
export function jpegWithEverything(orientation = 6): Buffer {
  const second = jpegWithExif({ lat: 48.8566, lon: 2.3522 });
  const head = (mpf: Buffer) =>
    Buffer.concat([
      BASE_JPEG.subarray(0, 2),
      segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(PLACE, orientation)])),
      mpf,
    ]);
  const rest = Buffer.concat([
    segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), xmpPacket()])),
    iptcSegment(),
    segment(0xfe, Buffer.from('Jeanne Martin, 12 rue Magnard, GPS 44.9392 4.9083')),
    BASE_JPEG.subarray(2),
  ]);
  // The MPF segment has a fixed size: lay it out once to know where its header and the second image fall.
  const sized = head(mpfSegment(0, 0, 0));
  const mpfHeaderAt = sized.length - mpfSegment(0, 0, 0).length + 8;
  const firstSize = sized.length + rest.length;
  return Buffer.concat([head(mpfSegment(firstSize, firstSize - mpfHeaderAt, second.length)), rest, second]);
}

/** A JPEG whose frame header declares `width` × `height` (its data is the 16 × 12 image's). */
export function jpegDeclaring(width: number, height: number): Buffer {
  const b = Buffer.from(jpegWithExif());
  const sof = b.indexOf(Buffer.from([0xff, 0xc0]));
  b.writeUInt16BE(height, sof + 5);
  b.writeUInt16BE(width, sof + 7);
  return b;
}

const riffChunk = (type: string, data: Buffer) =>
  Buffer.concat([Buffer.from(type, 'latin1'), u32le(data.length), data, Buffer.alloc(data.length % 2)]);

/** An extended WebP (VP8X) with an `EXIF` chunk holding a GPS position and an `XMP ` chunk. */
export function webpWithExif(): Buffer {
  const vp8 = BASE_WEBP.subarray(12);
  const size = Buffer.alloc(6);
  size.writeUIntLE(SAMPLE_SIZE.width - 1, 0, 3);
  size.writeUIntLE(SAMPLE_SIZE.height - 1, 3, 3);
  // Flags: EXIF (0x08) and XMP (0x04) present.
  const vp8x = riffChunk('VP8X', Buffer.concat([Buffer.from([0x08 | 0x04, 0, 0, 0]), size]));
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x, vp8, riffChunk('EXIF', exifTiff()), riffChunk('XMP ', xmpPacket())]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length), body]);
}

/** A WebP whose VP8X header declares `width` × `height`. */
export function webpDeclaring(width: number, height: number): Buffer {
  const b = webpWithExif();
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const byte of b) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
/** One PNG chunk: length, type, data and its CRC-32, as the PNG specification lays it out. */
export const pngChunk = (type: string, data: Buffer) => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), typed, u32(crc32(typed))]);
};
/** The chunks of the base PNG but its signature and IEND. */
function pngChunks(b: Buffer): { type: string; bytes: Buffer }[] {
  const chunks: { type: string; bytes: Buffer }[] = [];
  for (let i = 8; i + 12 <= b.length;) {
    const end = i + 12 + b.readUInt32BE(i);
    chunks.push({ type: b.toString('latin1', i + 4, i + 8), bytes: b.subarray(i, end) });
    i = end;
  }
  return chunks;
}

/** A PNG with `eXIf` (EXIF GPS), `tEXt` (author, comment), `iTXt` (XMP) and `tIME` chunks. */
export function pngWithMetadata(): Buffer {
  const chunks = pngChunks(BASE_PNG);
  const ihdr = chunks.find((c) => c.type === 'IHDR')?.bytes ?? Buffer.alloc(0);
  const idat = chunks.filter((c) => c.type === 'IDAT').map((c) => c.bytes);
  return Buffer.concat([
    BASE_PNG.subarray(0, 8),
    ihdr,
    pngChunk('eXIf', exifTiff()),
    pngChunk('tEXt', Buffer.from('Author\0Jeanne Martin', 'latin1')),
    pngChunk('tEXt', Buffer.from('Comment\0GPS 44.9392 4.9083', 'latin1')),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), xmpPacket()])),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 12, 1, 23, 30, 0])),
    ...idat,
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real, decodable 8-bit RGB PNG of `width` × `height`: `scanlines` are its
 * raw rows, each a filter byte then three bytes a pixel (what IDAT deflates).
 */
export function rgbPng(width: number, height: number, scanlines: readonly number[]): Buffer {
  return Buffer.concat([
    BASE_PNG.subarray(0, 8),
    pngChunk('IHDR', Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])])),
    pngChunk('IDAT', deflateSync(Buffer.from(scanlines))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The PNG: about a hundred kilobytes declaring 50000 × 50000 pixels
 * (greyscale rows of zeros, which deflate packs a thousand to one), that a
 * decoder would need gigabytes to open.
 */
export function pngDeclaring(width = 50_000, height = 50_000): Buffer {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 0, 0, 0, 0])]);
  return Buffer.concat([
    BASE_PNG.subarray(0, 8),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
