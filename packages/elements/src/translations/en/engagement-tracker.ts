// SPDX-License-Identifier: EUPL-1.2
import type { EngagementTrackerTexts } from '../types.js';

export const engagementTracker: EngagementTrackerTexts = {
  /* engagement tracker */
  loading: 'Loading the commitments…',
  trackerHeading: 'Commitments',
  countersHeading: 'Where commitments stand',
  counter: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    'in-progress': 'In progress',
    done: 'Done',
    verified: 'Verified',
    abandoned: 'Abandoned',
    overdue: 'Late',
  },
  filtersLegend: 'Filter commitments',
  organisation: 'Organisation',
  status: 'Status',
  all: 'All',
  shown: (shown, total) => (shown === total ? `${total} commitment${total === 1 ? '' : 's'}` : `${shown} of ${total} commitments`),
  empty: 'No commitment matches these filters.',
  noDueDate: 'No due date',
  dueIn: (words) => `Due ${words}`,
  dueOnDay: (day) => `Due date: ${day}`,
  overdueBy: (days) => (days === 1 ? '1 day late' : `${days} days late`),
  noOrganisation: 'Organisation to be named',
  progress: 'Progress',
  observations: (n) => (n === 0 ? 'No linked observation' : n === 1 ? '1 linked observation' : `${n} linked observations`),
  residentAnswers: ({ yes, partly, no }) =>
    (
      [
        [yes, 'settled'],
        [partly, 'partly'],
        [no, 'not settled'],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, said], i) => (i === 0 ? `${n} resident${n > 1 ? 's' : ''}: ${said}` : `${n}: ${said}`))
      .join(', '),
  timeline: 'History',
  milestone: {
    proposed: 'Proposed',
    accepted: 'Accepted',
    started: 'Work started',
    progressed: 'Progress update',
    completed: 'Done',
    verified: 'Verified with residents',
    reopened: 'Reopened',
    abandoned: 'Abandoned',
    rescheduled: 'Due date moved',
  },
};
