// SPDX-License-Identifier: EUPL-1.2
import { DataController } from '../internal/data-controller.js';
import { GatheringSignup, type SignupCard } from '../signup/gathering-signup.js';
import { PROJECT_TEXTS } from '../translations/project.js';
import { textsFor } from '../translations/registry.js';
import type { CommonTexts, WalkSignupTexts } from '../translations/types.js';
import { WALK_SIGNUP_MESSAGES, WALK_SIGNUP_TEXTS } from '../translations/walk-signup.js';
import type { WorkshopSignupData } from './project-data.js';

/**
 * Sign-up to one workshop (atelier) of a concerted project, as
 * `<gusp-project>` opens it: the same form, checks and guarantees as the
 * walk's sign-up — one implementation, {@linkcode GatheringSignup}: the core's
 * `RegisterInput` and registration rules, consent, needs, the draft kept on
 * the device, the `Idempotency-Key` retry, the waiting list with its
 * position, the cancel link and « Ajouter à mon agenda ».
 *
 * Data in: the `data` property (a {@linkcode WorkshopSignupData}, which
 * `<gusp-project>` sets) or a child `<script type="application/json">`.
 * With `endpoint`, a sign-up is sent to `POST {endpoint}/workshops/{id}/registrations`.
 *
 * @fires gusp-register - {@linkcode GuspRegisterEvent}, cancelable, with `workshopId`: a valid sign-up is about to be sent.
 * @fires gusp-registered - {@linkcode GuspRegisteredEvent}, with `workshopId`: the sign-up is recorded.
 * @fires gusp-register-error - {@linkcode GuspRegisterErrorEvent}, with `workshopId`: the sign-up could not be recorded.
 *
 * @csspart base - The whole card.
 * @csspart title - The workshop's heading.
 * @csspart details - The list of date, place and seats.
 * @csspart notice - Notices: full, closed, cancelled, rescheduled.
 * @csspart form - The sign-up form.
 * @csspart field - Each field's wrapper.
 * @csspart error - Each inline error message.
 * @csspart error-summary - The list of errors that receives focus.
 * @csspart submit - The submit button.
 * @csspart clear - The « Effacer mes réponses » button.
 * @csspart confirmation - The confirmation shown after sign-up.
 * @csspart calendar - The « Ajouter à mon agenda » link to the workshop's .ics file.
 * @csspart subscribe - The « S’abonner aux ateliers du projet » link to the project's calendar feed, when the server gives one.
 */
export class GuspWorkshopSignup extends GatheringSignup<WorkshopSignupData> {
  protected override get t(): CommonTexts & WalkSignupTexts {
    return { ...textsFor(WALK_SIGNUP_TEXTS, this.locale), ...textsFor(PROJECT_TEXTS, this.locale).signup };
  }

  static override speaks = [WALK_SIGNUP_TEXTS, WALK_SIGNUP_MESSAGES, PROJECT_TEXTS];

  /** The workshop to show: see {@linkcode WorkshopSignupData}. */
  declare data: WorkshopSignupData | undefined;

  /** Given by the page (`<gusp-project>` sets `data`) or inline JSON: nothing of its own to load. */
  protected readonly source = new DataController<WorkshopSignupData>(this, { url: () => undefined });

  protected readonly kind = 'workshop';

  protected get idAttribute(): string | undefined {
    return undefined;
  }

  protected card(data: WorkshopSignupData): SignupCard {
    return {
      gathering: data.workshop,
      title: data.workshop.title,
      place: data.workshop.place?.label,
      timeZone: data.timezone ?? 'Europe/Paris',
      privacyNoticeUrl: data.privacyNoticeUrl,
    };
  }

  protected calendar(data: WorkshopSignupData): Promise<readonly [string, string]> {
    return import('./workshop-calendar.js').then((m) => m.workshopCalendar(data, this.locale));
  }

  protected feed(data: WorkshopSignupData): string | undefined {
    return (data.calendar?.feedWebcal ?? data.calendar?.feed)?.replace(/^https?:/i, 'webcal:');
  }
}
