// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import sharp from 'sharp';
import { exiftoolCommand } from '../../../scripts/toolchain.mjs';
import {
  jpegDeclaring,
  jpegWithEverything,
  jpegWithExif,
  pngDeclaring,
  pngWithMetadata,
  SAMPLE_SIZE,
  webpDeclaring,
  webpWithExif,
} from '../test/images.js';
import { cleanPhoto, declaredDimensions, MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE, sniffPhotoType } from './photos.js';
import { startServer, type RunningServer } from './server.js';

const exiftool = exiftoolCommand();

/** Every tag exiftool reads in `bytes`, embedded images included (`-ee`: MPF images, previews), as `Group:Tag`. */
function exifTags(bytes: Uint8Array): Record<string, unknown> {
  if (!exiftool) throw new Error('exiftool is not installed');
  // A file, not stdin: exiftool seeks to the images an MPF segment lists, which a pipe cannot do.
  const dir = mkdtempSync(join(tmpdir(), 'gusp-photo-'));
  const file = join(dir, 'photo');
  writeFileSync(file, bytes);
  const run = spawnSync(exiftool, ['-j', '-a', '-G1', '-s', '-ee', '-u', file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  assert.equal(run.status, 0, run.stderr);
  const [tags] = JSON.parse(run.stdout) as Record<string, unknown>[];
  return tags ?? {};
}

/** What exiftool may say of a photo that carries nothing: its own version, the file system's details, the file's type and size. */
const ALLOWED =
  /^(SourceFile|ExifTool:ExifToolVersion|System:\w+|File:(FileType|FileTypeExtension|MIMEType|ImageWidth|ImageHeight|EncodingProcess|BitsPerSample|ColorComponents|YCbCrSubSampling)|Composite:(ImageSize|Megapixels))$/;

/**
 * The markers of a JPEG, read by structure (our own reader, the check that
 * holds without exiftool): every segment up to the scan, then whether the
 * file ends at the first end of image and holds no second start of image.
 */
function jpegStructure(b: Buffer): { markers: number[]; images: number; endsAtEoi: boolean } {
  const markers: number[] = [];
  let i = 2;
  while (i + 4 <= b.length && b[i] === 0xff) {
    const marker = b[i + 1] as number;
    markers.push(marker);
    if (marker === 0xda) break;
    i += 2 + b.readUInt16BE(i + 2);
  }
  // Entropy-coded data stuffs every 0xFF, so FF D8 past the headers can only be another image.
  let images = 0;
  for (let j = b.indexOf(Buffer.from([0xff, 0xd8])); j !== -1; j = b.indexOf(Buffer.from([0xff, 0xd8]), j + 2)) images++;
  const eoi = b.indexOf(Buffer.from([0xff, 0xd9]), i);
  return { markers, images, endsAtEoi: eoi === b.length - 2 };
}

/** Checks that `served` is one image with no metadata, by exiftool when it is here, else by structure only, saying so. */
function assertCarriesNothing(t: TestContext, served: Buffer, size: { width: number; height: number }) {
  if (exiftool) {
    const tags = exifTags(served);
    assert.deepEqual(
      Object.keys(tags).filter((k) => !ALLOWED.test(k)),
      [],
      `exiftool finds nothing but the image: ${JSON.stringify(tags)}`,
    );
    assert.deepEqual([tags['File:ImageWidth'], tags['File:ImageHeight']], [size.width, size.height]);
  } else t.diagnostic('exiftool absent: checked by structure with our own reader in place of exiftool');
  const structure = jpegStructure(served);
  assert.equal(structure.images, 1, 'one image, no second one, no thumbnail');
  assert.ok(structure.endsAtEoi, 'nothing after the end of the image');
  const metadata = structure.markers.filter((m) => (m >= 0xe0 && m <= 0xef) || m === 0xfe);
  assert.deepEqual(metadata, [], 'no APPn (EXIF, XMP, MPF, ICC, IPTC) and no COM segment');
  assert.ok(!served.toString('latin1').includes('GPS'));
  assert.deepEqual(declaredDimensions(served), size);
}

describe('photos', () => {
  test('the type comes from the bytes', () => {
    assert.equal(sniffPhotoType(jpegWithExif()), 'image/jpeg');
    assert.equal(sniffPhotoType(pngWithMetadata()), 'image/png');
    assert.equal(sniffPhotoType(webpWithExif()), 'image/webp');
    assert.equal(sniffPhotoType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1')), 'image/webp');
    assert.equal(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(sniffPhotoType(new Uint8Array()), undefined);
  });

  test('the declared size is read from the header, without decoding', () => {
    assert.deepEqual(declaredDimensions(jpegWithEverything()), SAMPLE_SIZE);
    assert.deepEqual(declaredDimensions(pngWithMetadata()), SAMPLE_SIZE);
    assert.deepEqual(declaredDimensions(webpWithExif()), SAMPLE_SIZE);
    assert.deepEqual(declaredDimensions(pngDeclaring()), { width: 50_000, height: 50_000 });
    assert.deepEqual(declaredDimensions(jpegDeclaring(60_000, 60_000)), { width: 60_000, height: 60_000 });
    assert.deepEqual(declaredDimensions(webpDeclaring(16_384, 16_384)), { width: 16_384, height: 16_384 });
  });

  test('re-encodes a JPEG to one JPEG with no metadata, its pixels and orientation kept', async (t) => {
    const cleaned = await cleanPhoto(jpegWithEverything(6));
    assert.ok(cleaned.ok);
    assert.equal(cleaned.type, 'image/jpeg');
    // EXIF orientation 6 (turn 90°) is applied to the pixels, since the tag that said so is gone.
    assert.deepEqual([cleaned.width, cleaned.height], [SAMPLE_SIZE.height, SAMPLE_SIZE.width]);
    assertCarriesNothing(t, cleaned.bytes, { width: SAMPLE_SIZE.height, height: SAMPLE_SIZE.width });
  });

  test('keeps the colours: the re-encoded image looks like the one sent', async () => {
    for (const sent of [jpegWithExif(), pngWithMetadata(), webpWithExif()]) {
      const cleaned = await cleanPhoto(sent);
      assert.ok(cleaned.ok);
      const [a, b] = await Promise.all([sharp(sent).stats(), sharp(cleaned.bytes).stats()]);
      for (const [i, channel] of a.channels.slice(0, 3).entries()) {
        assert.ok(Math.abs(channel.mean - (b.channels[i]?.mean ?? NaN)) < 6, `channel ${i}: ${channel.mean} vs ${b.channels[i]?.mean}`);
      }
    }
  });

  test('shrinks a large photo to the devices’ 1600 px, and says how long it took', async (t) => {
    const [width, height] = [4000, 3000];
    const noise = Buffer.alloc(width * height * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 12)) % 251;
    const sent = await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 56/1 2112/100' } })
      .toBuffer();
    const started = performance.now();
    const cleaned = await cleanPhoto(sent);
    const ms = performance.now() - started;
    assert.ok(cleaned.ok);
    assert.deepEqual([cleaned.width, cleaned.height], [MAX_PHOTO_SIDE, 1200]);
    t.diagnostic(
      `re-encode: ${width}×${height} JPEG of ${sent.length} bytes → ${cleaned.width}×${cleaned.height} of ${cleaned.bytes.length} bytes in ${ms.toFixed(0)} ms`,
    );
    assertCarriesNothing(t, cleaned.bytes, { width: MAX_PHOTO_SIDE, height: 1200 });
  });

  test('refuses what is not an image, truncated images, and too many pixels before decoding', async () => {
    assert.deepEqual(await cleanPhoto(Buffer.from('hello')), { ok: false, code: 'photo.unsupported-type' });
    assert.deepEqual(await cleanPhoto(jpegWithExif().subarray(0, 30)), { ok: false, code: 'photo.invalid' });
    assert.deepEqual(await cleanPhoto(pngWithMetadata().subarray(0, 40)), { ok: false, code: 'photo.invalid' });
    assert.deepEqual(await cleanPhoto(jpegWithExif().subarray(0, jpegWithExif().length - 40)), { ok: false, code: 'photo.invalid' });
    const big = await cleanPhoto(pngDeclaring());
    assert.deepEqual(big, {
      ok: false,
      code: 'photo.too-many-pixels',
      details: { maxPixels: MAX_PHOTO_PIXELS, width: 50_000, height: 50_000 },
    });
    const small = await cleanPhoto(jpegWithExif(), { maxPixels: 100 });
    assert.equal(small.ok ? undefined : small.code, 'photo.too-many-pixels');
  });

  describe('over HTTP: what the server serves carries nothing', () => {
    let server: RunningServer;
    let base: string;
    const unexpected: unknown[] = [];
    before(async () => {
      server = await startServer({ log: (r) => r.level === 'error' && unexpected.push(r) });
      base = server.url;
    });
    after(async () => {
      await server?.close();
      assert.deepEqual(unexpected, [], 'no unexpected server error was logged');
    });

    const upload = (body: Uint8Array, type: string, locale = 'fr') =>
      fetch(`${base}/api/photos`, {
        method: 'POST',
        headers: { 'content-type': type, 'accept-language': locale },
        body: new Blob([new Uint8Array(body)]),
      });

    const samples: [string, () => Buffer, string, { width: number; height: number }][] = [
      ['a WebP with EXIF GPS and XMP', webpWithExif, 'image/webp', SAMPLE_SIZE],
      [
        'a JPEG with EXIF GPS, XMP, IPTC, a comment and a second JPEG (MPF) with its own GPS',
        () => jpegWithEverything(6),
        'image/jpeg',
        { width: SAMPLE_SIZE.height, height: SAMPLE_SIZE.width },
      ],
      ['a PNG with eXIf, tEXt, iTXt (XMP) and tIME chunks', pngWithMetadata, 'image/png', SAMPLE_SIZE],
    ];
    for (const [name, make, type, size] of samples) {
      test(`${name}: sent with its position, served as one JPEG without it`, async (t) => {
        const sent = make();
        if (exiftool) {
          // The sample does carry what must go: a reader that cannot see it could not see it left either.
          const before = Object.keys(exifTags(sent));
          assert.ok(before.some((k) => k.startsWith('GPS:')) && before.some((k) => k.startsWith('XMP')), before.join(' '));
          if (type === 'image/jpeg') assert.ok(before.includes('MPImage2:PreviewImage') && before.includes('IPTC:City'), before.join(' '));
        }
        const stored = await upload(sent, type);
        assert.equal(stored.status, 201);
        const photo = (await stored.json()) as { id: string; mediaType: string };
        const served = await fetch(`${base}/api/photos/${photo.id}`);
        assert.equal(served.status, 200);
        assertCarriesNothing(t, Buffer.from(await served.arrayBuffer()), size);
        // Every photo is stored as JPEG, whatever was sent (see photos.ts).
        assert.deepEqual([photo.mediaType, served.headers.get('content-type')], ['image/jpeg', 'image/jpeg']);
      });
    }

    test('a photo declaring too many pixels is refused (422, in the caller’s language), before it is decoded', async () => {
      const cases: [string, Buffer, string][] = [
        ['PNG 50000 × 50000', pngDeclaring(), 'image/png'],
        ['JPEG 60000 × 60000', jpegDeclaring(60_000, 60_000), 'image/jpeg'],
        ['WebP 16384 × 16384', webpDeclaring(16_384, 16_384), 'image/webp'],
      ];
      for (const [name, bytes, type] of cases) {
        const started = performance.now();
        const refused = await upload(bytes, type, 'en');
        const body = (await refused.json()) as { error?: { code: string; message: string; details: { maxPixels: number } } };
        assert.deepEqual(
          [refused.status, body.error?.code, body.error?.details.maxPixels],
          [422, 'photo.too-many-pixels', MAX_PHOTO_PIXELS],
          name,
        );
        assert.match(body.error?.message ?? '', /too large/);
        // Decoding 2.5 gigapixels would take seconds and gigabytes; reading a header takes nothing.
        assert.ok(performance.now() - started < 2000, `${name} answered at once`);
      }
      const fr = (await (await upload(pngDeclaring(), 'image/png', 'fr')).json()) as { error: { message: string } };
      assert.match(fr.error.message, /trop grande/);
    });
  });
});
