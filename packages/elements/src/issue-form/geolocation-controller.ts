// SPDX-License-Identifier: EUPL-1.2
import type { GeoPoint } from '@gusp/core';
import type { ReactiveControllerHost } from 'lit';

/** A position from the device, with its accuracy in metres when known. */
export type DevicePosition = GeoPoint & { accuracy?: number | undefined };

/**
 * « Utiliser ma position »: asks the device once, rounded to about 10 cm;
 * while it looks, {@linkcode locating}; a refusal or no geolocation at all
 * sets {@linkcode failed}, and words stay the way to say where. It has no
 * lifecycle of its own: it only re-renders its host when its state changes.
 */
export class GeolocationController {
  locating = false;
  failed = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Resolves with the position, or `undefined` when the device would not say. */
  locate(): Promise<DevicePosition | undefined> {
    this.locating = true;
    this.failed = false;
    this.host.requestUpdate();
    return new Promise<DevicePosition | undefined>((resolve) => {
      const done = (position?: DevicePosition) => {
        this.locating = false;
        this.failed = !position;
        this.host.requestUpdate();
        resolve(position);
      };
      if (!('geolocation' in navigator)) return done();
      navigator.geolocation.getCurrentPosition(
        ({ coords }) => {
          const round = (n: number) => Math.round(n * 1e6) / 1e6;
          done({
            lat: round(coords.latitude),
            lon: round(coords.longitude),
            accuracy: Number.isFinite(coords.accuracy) ? Math.round(coords.accuracy) : undefined,
          });
        },
        () => done(),
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
      );
    });
  }

  /** Forgets a past refusal (the form cleared for the next observation). */
  reset(): void {
    this.failed = false;
  }
}
