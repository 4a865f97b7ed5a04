// SPDX-License-Identifier: EUPL-1.2
/** Every read model the server keeps, in the order a catch-up writes them. */
import { engagementProjection } from './engagements.js';
import { observationProjection } from './observations.js';
import type { Projection } from './projection.js';
import { walkProjection } from './walks.js';
import { projectProjection, workshopProjection } from './workshops.js';

export const PROJECTIONS: readonly Projection[] = [
  walkProjection,
  observationProjection,
  engagementProjection,
  projectProjection,
  workshopProjection,
];
