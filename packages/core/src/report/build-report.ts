// SPDX-License-Identifier: EUPL-1.2
import { ACTOR_ROLES, type ActorRole } from '../actor.js';
import type { Engagement } from '../engagement/engagement.js';
import type { ReportId } from '../ids.js';
import type { Observation } from '../observation/observation.js';
import type { Registration } from '../registration/registration.js';
import type { Walk } from '../walk/walk.js';
import type { Report, ReportPoint } from './report.js';

const COUNTED: readonly string[] = ['attended', 'confirmed'];
const DISCARDED: readonly string[] = ['duplicate', 'rejected'];

/**
 * Drafts the compte-rendu of a walk from what happened: participants by role
 * (those who came, or were confirmed when no one was checked in), observations
 * by stop and by theme, positive points, problems, proposed engagements.
 * Pure and anonymous: names and contacts never enter a report.
 */
export function buildReport(input: {
  id: ReportId;
  walk: Walk;
  registrations: readonly Registration[];
  observations: readonly Observation[];
  engagements: readonly Engagement[];
  generatedAt: string;
}): Report {
  const { walk } = input;
  const anyAttended = input.registrations.some((r) => r.status === 'attended');
  const present = input.registrations.filter((r) => (anyAttended ? r.status === 'attended' : COUNTED.includes(r.status)));
  const participants = Object.fromEntries(ACTOR_ROLES.map((role) => [role, 0])) as Record<ActorRole, number>;
  for (const r of present) participants[r.role]++;

  const observations = input.observations.filter((o) => o.walkId === walk.id && !DISCARDED.includes(o.status));
  const stopLabel = new Map(walk.stops.map((s) => [s.id as string, s.label]));
  const byStop = [...walk.stops.map((s) => ({ stopId: s.id, label: s.label })), { stopId: undefined, label: '' }]
    .map(({ stopId, label }) => {
      const here = observations.filter((o) => o.stopId === stopId);
      return {
        ...(stopId ? { stopId } : {}),
        label,
        positive: here.filter((o) => o.polarity === 'positive').length,
        problem: here.filter((o) => o.polarity === 'problem').length,
      };
    })
    .filter((row) => row.stopId !== undefined || row.positive + row.problem > 0);

  const themes = [...new Set(observations.map((o) => o.themeId))];
  const byTheme = themes.map((themeId) => ({
    themeId,
    positive: observations.filter((o) => o.themeId === themeId && o.polarity === 'positive').length,
    problem: observations.filter((o) => o.themeId === themeId && o.polarity === 'problem').length,
  }));

  const point = (o: Observation): ReportPoint => ({
    observationId: o.id,
    themeId: o.themeId,
    ...(o.stopId ? { stopId: o.stopId } : {}),
    description: o.description,
    ...((o.stopId && stopLabel.get(o.stopId)) || o.address ? { place: (o.stopId && stopLabel.get(o.stopId)) || o.address } : {}),
  });

  const ids = new Set<string>(observations.map((o) => o.id));
  const engagements = input.engagements
    .filter((e) => e.walkId === walk.id || e.observationIds.some((id) => ids.has(id)))
    .map((e) => ({
      engagementId: e.id,
      title: e.title,
      ...(e.organisationId ? { organisationId: e.organisationId } : {}),
      ...(e.dueOn ? { dueOn: e.dueOn } : {}),
      status: e.status,
    }));

  return {
    id: input.id,
    walkId: walk.id,
    status: 'draft',
    participants,
    participantsTotal: present.length,
    byStop,
    byTheme,
    positives: observations.filter((o) => o.polarity === 'positive').map(point),
    problems: observations.filter((o) => o.polarity === 'problem').map(point),
    engagements,
    generatedAt: input.generatedAt,
  };
}
