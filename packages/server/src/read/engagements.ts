// SPDX-License-Identifier: EUPL-1.2
/** The read model of engagements: a placeholder that follows its streams and writes nothing yet (its tables come with its migration). */
import type { Projection } from './projection.js';

export const engagementProjection: Projection = {
  name: 'engagements',
  prefix: 'engagement-',
  tables: [],
  apply: async () => {},
};
