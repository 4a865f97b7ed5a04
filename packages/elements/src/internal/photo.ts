// SPDX-License-Identifier: EUPL-1.2
/**
 * Photos are re-encoded on the device before they leave it: decoded (turned
 * upright by their EXIF orientation), drawn on a canvas at most
 * {@linkcode MAX_PHOTO_SIDE} px on the long side, and encoded again as JPEG.
 * What a canvas encodes carries no metadata, so the GPS position and the
 * device that EXIF holds never reach the server.
 */

/** Longest side of a sent photo, in pixels (the core's `PhotoRef` allows no more). */
export const MAX_PHOTO_SIDE = 1600;
/** How many photos one observation may carry (the core's `RecordObservationInput`). */
export const MAX_PHOTOS = 3;
const QUALITY = 0.85;

/** A photo ready to send: JPEG bytes without metadata, and its size. */
export interface PreparedPhoto {
  /** Also the name of its multipart part's file (`<id>.jpg`) and `photos[].id` in the observation. */
  readonly id: string;
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

/** Re-encodes one picture; rejects when the browser cannot decode it. */
export async function preparePhoto(file: Blob, id: string): Promise<PreparedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    let blob: Blob;
    if (typeof OffscreenCanvas === 'function') {
      const canvas = new OffscreenCanvas(width, height);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    } else {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
      blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', QUALITY),
      );
    }
    return { id, blob, width, height };
  } finally {
    bitmap.close();
  }
}
