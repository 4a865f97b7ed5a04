// SPDX-License-Identifier: EUPL-1.2
/**
 * A coordinator's command on one walk, workshop or project, declared once: `POST /:walkId/publish`
 * (no input), `POST /:workshopId/cancel { reason }` (a JSON body the core's schema validates), each
 * retry-safe with its `Idempotency-Key` scoped to the command and the id, and naming who acted.
 */
import { ReasonInput, type Result, type StaffCommandOptions } from '@gusp/core';
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { staffCommandOptions } from '../http/actor.js';
import type { Env, RouteDeps } from '../http/context.js';
import { jsonAnswer, jsonRoute, route, type Route, type SchemaDoc } from '../http/route.js';

/** What the commands on one kind share: its path id, its name, its scopes, what they answer. */
export interface StepKind {
  /** The path's id: `walkId`, `workshopId`, `projectId`. */
  readonly param: string;
  /** Its name in the answers' descriptions: `walk`, `workshop`, `project`. */
  readonly noun: string;
  /** The Idempotency-Key scopes' prefix: `''` for walks (as before), `workshop-`, `project-`. */
  readonly scope: string;
  /** What a command answers: the changed walk, workshop or project. */
  readonly answer: SchemaDoc;
  /** The core looks it up before it reads the input: an unknown id stays 404 whatever the body. */
  readonly exists: (c: Context<Env>, id: string) => Promise<void>;
}

const coordinators = { roles: ['coordinator'] } as const;

const idOf = (c: Context<Env>, kind: StepKind) => c.req.param(kind.param) ?? '';
const optionsOf = (deps: RouteDeps, c: Context<Env>, kind: StepKind, scope: string): Promise<StaffCommandOptions> =>
  staffCommandOptions(c, deps, `${kind.scope}${scope}:${idOf(c, kind)}`);
const paramsOf = (kind: StepKind) => ({ [kind.param]: { description: `The ${kind.noun}’s id.` } });

/** A step without input, for coordinators: `POST /:walkId/publish`, answered with the changed item. */
export function stepRoute<T>(
  deps: RouteDeps,
  kind: StepKind,
  step: { path: string; summary: string; scope: string; command: (id: string, options: StaffCommandOptions) => Promise<Result<T>> },
): Route {
  return route(deps, {
    method: 'post',
    path: step.path,
    summary: step.summary,
    access: coordinators,
    idempotent: true,
    params: paramsOf(kind),
    responses: { 200: jsonAnswer(`The ${kind.noun}, changed.`, kind.answer) },
    handler: async (c) => c.json(deps.unwrap(await step.command(idOf(c, kind), await optionsOf(deps, c, kind, step.scope)))),
  });
}

/** A command with a JSON body, for coordinators: `POST /:walkId/cancel { reason }`. */
export function bodyStepRoute<S extends z.ZodMiniType, T>(
  deps: RouteDeps,
  kind: StepKind,
  step: {
    path: string;
    summary: string;
    description?: string;
    schema: S;
    scope: string;
    /** 200 (a change) by default; 201 for what it creates. */
    status?: 200 | 201;
    /** What it answers, when not the changed item (`The walk, moved.`). */
    answer?: { description: string; schema?: SchemaDoc };
    /** Refusals before the schema's, when the body is invalid (an unknown contribution): the item's existence is checked first anyway. */
    invalid?: (c: Context<Env>) => Promise<void>;
    command: (id: string, input: z.output<S>, options: StaffCommandOptions) => Promise<Result<T>>;
  },
): Route {
  const status = step.status ?? 200;
  return jsonRoute(deps, {
    method: 'post',
    path: step.path,
    summary: step.summary,
    ...(step.description ? { description: step.description } : {}),
    access: coordinators,
    idempotent: true,
    params: paramsOf(kind),
    body: {
      schema: step.schema,
      invalid: async (c) => {
        await kind.exists(c, idOf(c, kind));
        await step.invalid?.(c);
      },
    },
    responses: {
      [status]: jsonAnswer(step.answer?.description ?? `The ${kind.noun}, changed.`, step.answer ? step.answer.schema : kind.answer),
    },
    handler: async (c, input) =>
      c.json(deps.unwrap(await step.command(idOf(c, kind), input, await optionsOf(deps, c, kind, step.scope))), status),
  });
}

/** The lifecycle commands a walk and a workshop share (`gusp.walks`, `gusp.workshops`): the same names, the same steps. */
export interface GatheringLifecycle<T, E, R> {
  editDraft(id: string, input: E, options?: StaffCommandOptions): Promise<Result<T>>;
  publish(id: string, options?: StaffCommandOptions): Promise<Result<T>>;
  closeRegistrations(id: string, options?: StaffCommandOptions): Promise<Result<T>>;
  start(id: string, options?: StaffCommandOptions): Promise<Result<T>>;
  finish(id: string, options?: StaffCommandOptions): Promise<Result<T>>;
  cancel(id: string, input: { reason: string }, options?: StaffCommandOptions): Promise<Result<T>>;
  reschedule(id: string, input: R, options?: StaffCommandOptions): Promise<Result<T>>;
}

/**
 * The lifecycle routes of a gathering (a walk, a workshop), declared once: edit the draft, publish,
 * close registrations, start, finish, cancel with a reason (`ReasonInput`), reschedule. `schemas` are
 * the core's inputs of editing (scheduling's form) and rescheduling.
 */
export function gatheringStepRoutes<T, ES extends z.ZodMiniType, RS extends z.ZodMiniType>(
  deps: RouteDeps,
  kind: StepKind,
  commands: GatheringLifecycle<T, z.output<ES>, z.output<RS>>,
  schemas: { edit: ES; reschedule: RS },
): Route[] {
  const p = `/:${kind.param}`;
  const the = kind.noun;
  return [
    bodyStepRoute(deps, kind, {
      path: `${p}/edit`,
      summary: 'Sets a draft’s details again, as scheduling takes them (the whole form: what is not given is the city’s default or none)',
      schema: schemas.edit,
      scope: 'edit',
      answer: { description: `The ${the}, still a draft.`, schema: kind.answer },
      command: (id, input, o) => commands.editDraft(id, input, o),
    }),
    stepRoute(deps, kind, {
      path: `${p}/publish`,
      summary: 'Opens registrations',
      scope: 'publish',
      command: (id, o) => commands.publish(id, o),
    }),
    stepRoute(deps, kind, {
      path: `${p}/close-registrations`,
      summary: 'Closes registrations before the deadline',
      scope: 'close-registrations',
      command: (id, o) => commands.closeRegistrations(id, o),
    }),
    stepRoute(deps, kind, { path: `${p}/start`, summary: `Starts the ${the}`, scope: 'start', command: (id, o) => commands.start(id, o) }),
    stepRoute(deps, kind, {
      path: `${p}/finish`,
      summary: `Ends the ${the}: confirmed people not checked in become absent`,
      scope: 'finish',
      command: (id, o) => commands.finish(id, o),
    }),
    bodyStepRoute(deps, kind, {
      path: `${p}/cancel`,
      summary: `Cancels the ${the}, with a reason told to every registrant`,
      schema: ReasonInput,
      scope: 'cancel',
      answer: { description: `The ${the}, cancelled.`, schema: kind.answer },
      command: (id, input, o) => commands.cancel(id, input, o),
    }),
    bodyStepRoute(deps, kind, {
      path: `${p}/reschedule`,
      summary: `Moves the ${the} to another time (and place); registrants are told`,
      schema: schemas.reschedule,
      scope: 'reschedule',
      answer: { description: `The ${the}, moved.`, schema: kind.answer },
      command: (id, input, o) => commands.reschedule(id, input, o),
    }),
  ];
}
