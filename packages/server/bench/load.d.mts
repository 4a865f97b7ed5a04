// SPDX-License-Identifier: EUPL-1.2
export declare const CONCURRENCY: number;

export interface Run {
  /** Seconds from the first request to the last answer. */
  readonly seconds: number;
  readonly rps: number;
  readonly p99: number;
  /** Answers other than 201, and requests that failed or timed out. */
  readonly errors: number;
  /** The bodies of the 201 answers. */
  readonly bodies: unknown[];
}

export declare function load(base: string, total: number, path: (i: number) => string, body: (i: number) => unknown): Promise<Run>;
