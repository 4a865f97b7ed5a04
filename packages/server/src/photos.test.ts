// SPDX-License-Identifier: EUPL-1.2
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jpegWithExif, pngWithMetadata } from '../test/images.js';
import { cleanPhoto, sniffPhotoType } from './photos.js';

describe('photos', () => {
  test('the type comes from the bytes', () => {
    assert.equal(sniffPhotoType(jpegWithExif()), 'image/jpeg');
    assert.equal(sniffPhotoType(pngWithMetadata()), 'image/png');
    assert.equal(sniffPhotoType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1')), 'image/webp');
    assert.equal(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(sniffPhotoType(new Uint8Array()), undefined);
  });

  test('removes EXIF from a JPEG and keeps the image data', () => {
    const cleaned = cleanPhoto(jpegWithExif());
    assert.ok(cleaned.ok);
    const text = cleaned.bytes.toString('latin1');
    assert.ok(!text.includes('Exif') && !text.includes('GPS'));
    assert.ok(text.includes('JFIF') && text.includes('image-data'));
  });

  test('removes eXIf and text chunks from a PNG', () => {
    const cleaned = cleanPhoto(pngWithMetadata());
    assert.ok(cleaned.ok);
    const text = cleaned.bytes.toString('latin1');
    assert.ok(!text.includes('GPS') && !text.includes('Jeanne'));
    assert.ok(text.includes('IHDR') && text.includes('IDAT') && text.includes('IEND'));
  });

  test('refuses what is not an image, and truncated images', () => {
    assert.deepEqual(cleanPhoto(Buffer.from('hello')), { ok: false, code: 'photo.unsupported-type' });
    assert.deepEqual(cleanPhoto(jpegWithExif().subarray(0, 30)), { ok: false, code: 'photo.invalid' });
    assert.deepEqual(cleanPhoto(pngWithMetadata().subarray(0, 40)), { ok: false, code: 'photo.invalid' });
  });
});
