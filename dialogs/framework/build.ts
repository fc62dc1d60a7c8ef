import { assign, setup } from 'xstate'
import type { GesprekEvent } from '../contract/events'
import type { AgeBand, Living, Setting } from '../contract/ids'
import type { Item, ItemInput, Note, ShareLevel, StepType } from '../contract/items'
import type { TaskType } from '../contract/tasks'
import { defaultShareLevel, isParentLevel } from '../sharing'
import { itemFitsStep, OWN_SUBJECT } from './items'
import { appendItem, findItem as findIn, removeItem, replaceItems } from './item-list'
import { stepPrompts } from './prompts'
import type * as z from 'zod'

export type StepSpec = {
  id: string
  type: StepType
  /** Optional picture suggestions the client offers for this step. */
  pictures?: readonly string[]
  /** Sub-prompts (Stoplicht subjects, follow-up questions, kamer modules); keys under the step in the tool namespace. */
  prompts?: readonly string[]
  /**
   * Sub-prompts per living situation, instead of `prompts` once a gesprek knows it (the Stoplicht's
   * places: no shelter for a child at home, no separate "home" for a child in the shelter). `prompts`
   * stays the full list, for gesprekken started before the living situation was kept.
   */
  livingPrompts?: Readonly<Record<Living, readonly string[]>>
  /** Follow-up questions offered per item in this step. */
  followUps?: readonly string[]
  /** A picture per sub-prompt (a Stoplicht subject's house, bed, school), from the bundled set. */
  promptPictures?: Readonly<Record<string, string>>
  /**
   * Questions inside a sub-prompt (a Mijn kamer module, an observation principle's columns):
   * an item answering one carries `prompt: '<subPrompt>.<question>'`. Keys: `<stepId>.questions.<sub>.<q>`.
   */
  questions?: Readonly<Record<string, readonly QuestionSpec[]>>
  /**
   * Level new items in this step start at, instead of the setting's default. Only for steps whose
   * author is a professional (the 0-4 observation's talk-with-the-parent step): a child's own answers
   * always start from the setting's default (docs/deelafspraak.md).
   */
  itemShare?: ShareLevel
  /** An explaining step's own picture (4-12), from the bundled set; one idea, one picture. */
  picture?: string
  /** An explaining step that introduces the child's own begeleider: their name and chosen picture. */
  showsBegeleider?: boolean
  /**
   * An items step that also shows the contacts the begeleider entered beforehand (the afscheid's
   * names and numbers [000:840-844]): read by the child's own screen, never part of the gesprek.
   */
  showsContacts?: boolean
  /**
   * A shared answer here gives the begeleider a task (the kennismaking's left-behind pet). Made from
   * the begeleider's projection only, and the task carries no words of the answer (docs/tasks.md).
   */
  task?: TaskType
}

/** A question inside a sub-prompt: free words (with optional pictures) or a 0-10 scale. */
export type QuestionSpec = { id: string; answer: 'text' | 'scale'; pictures?: readonly string[] }

export type GesprekContext = {
  toolId: string
  /** The register the gesprek runs in: the child's development band, or the age band when none was set. */
  ageBand: AgeBand
  /** The child's actual age band, only when it differs from `ageBand`: the deelafspraak's words follow it. */
  legalBand?: AgeBand
  setting: Setting
  defaultShare: ShareLevel
  /** Fixed when the gesprek starts: a later change on the child page does not move a running gesprek. */
  living?: Living
  items: Item[]
  notes: Note[]
  skipped: string[]
}
export type GesprekInput = { ageBand: AgeBand; legalBand?: AgeBand | undefined; setting: Setting; living?: Living }

const findItem = (context: GesprekContext, id: string) => findIn(context.items, id)

/**
 * Builds a tool's statechart from its ordered steps. Every tool gets the same shape, whose top-level
 * states are the gesprek's phases (PHASES in dialogs/contract/view.ts):
 * actief (one state per step, with history) ⇄ gepauzeerd, → gestopt (resumable), → afgerond.
 * No `after`/`invoke`: XState does not resume delayed transitions from a restored snapshot, so
 * deadlines live on the server and arrive as events (docs/decisions/0045-tools-as-data.md).
 * `npm run machines` writes the result for Stately's visualiser (docs/machines/).
 */
export function buildToolMachine(toolId: string, version: string, steps: readonly StepSpec[]) {
  // Generated configs are checked by the model-based tests; XState's config types cannot follow a loop.
  const stepStates: Record<string, unknown> = {}
  steps.forEach((step, index) => {
    const next = index + 1 < steps.length ? steps[index + 1]!.id : '#' + toolId + '.afgerond'
    const prev = index > 0 ? steps[index - 1]!.id : undefined
    stepStates[step.id] = {
      tags: ['step'],
      meta: { type: step.type, index },
      on: {
        'nav.next': { target: next },
        'nav.skip': { target: next, actions: { type: 'markSkipped', params: { stepId: step.id } } },
        ...(prev ? { 'nav.back': { target: prev } } : {}),
        ...(step.type === 'info' || step.type === 'share'
          ? {}
          : {
              'item.add': {
                guard: { type: 'itemFits', params: { step } },
                actions: { type: 'addItem', params: { step } },
              },
            }),
      },
    }
  })

  const stepById = new Map(steps.map((s) => [s.id, s]))

  return setup({
    types: { context: {} as GesprekContext, events: {} as GesprekEvent, input: {} as GesprekInput },
    // Guards never trust an event's shape: the server parses first, but graph traversal and
    // replays of old logs may hand over bare `{ type }` events.
    guards: {
      itemFits: ({ context, event }, params: { step: StepSpec }) =>
        event.type === 'item.add' &&
        typeof event.item?.id === 'string' &&
        !findItem(context, event.item.id) &&
        context.items.length < 500 &&
        itemValidInStep(params.step, event.item, () => context.items, context.living),
      itemExists: ({ context, event }) =>
        event.type !== 'item.update' &&
        'itemId' in event &&
        typeof event.itemId === 'string' &&
        findItem(context, event.itemId) !== undefined,
      // An edit must leave the item valid for the step it belongs to (no scale on an observation,
      // no colour without a subject): the same rule as adding it.
      patchFits: ({ context, event }) => {
        if (event.type !== 'item.update' || typeof event.patch !== 'object' || event.patch === null) return false
        const item = findItem(context, event.itemId)
        const step = item && stepById.get(item.stepId)
        if (!item || !step) return false
        const { followUps: _f, ...patch } = event.patch
        const merged = { ...item, ...patch, pictures: patch.pictures ?? item.pictures }
        return itemValidInStep(step, merged, () => context.items.filter((i) => i.id !== item.id), context.living)
      },
      allItemsExist: ({ context, event }) =>
        event.type === 'share.set' &&
        Array.isArray(event.itemIds) &&
        event.itemIds.length > 0 &&
        event.itemIds.every((id) => findItem(context, id) !== undefined),
      noteIsNew: ({ context, event }) =>
        event.type === 'note.add' &&
        typeof event.note?.id === 'string' &&
        !context.notes.some((n) => n.id === event.note.id) &&
        (event.note.itemId === undefined || findItem(context, event.note.itemId) !== undefined) &&
        context.notes.length < 500,
    },
    actions: {
      markSkipped: assign({
        skipped: ({ context }, params: { stepId: string }) =>
          context.skipped.includes(params.stepId) ? context.skipped : [...context.skipped, params.stepId],
      }),
      addItem: assign({
        items: ({ context, event }, params: { step: StepSpec }) => {
          if (event.type !== 'item.add') return context.items
          const { id, pictures, ...rest } = event.item
          const item: Item = {
            ...rest,
            id,
            pictures: pictures ?? [],
            stepId: params.step.id,
            share: params.step.itemShare ?? context.defaultShare,
            followUps: {},
            worry: false,
          }
          return appendItem(context.items, item)
        },
      }),
      updateItem: assign({
        items: ({ context, event }) => {
          if (event.type !== 'item.update') return context.items
          return replaceItems(context.items, [event.itemId], (i) => {
            const { followUps, ...patch } = event.patch
            return { ...i, ...patch, followUps: followUps ? { ...i.followUps, ...followUps } : i.followUps }
          })
        },
      }),
      removeItem: assign({
        items: ({ context, event }) =>
          event.type === 'item.remove' ? removeItem(context.items, event.itemId) : context.items,
      }),
      setShare: assign({
        items: ({ context, event }) => {
          if (event.type !== 'share.set') return context.items
          // The parent a parent level names is part of the choice; any other level names nobody.
          const to = isParentLevel(event.level) ? event.to : undefined
          return replaceItems(context.items, [...new Set(event.itemIds)], (i) => {
            const { shareTo: _was, ...rest } = i
            return { ...rest, share: event.level, chosen: true, ...(to ? { shareTo: to } : {}) }
          })
        },
      }),
      addNote: assign({
        notes: ({ context, event }) =>
          event.type === 'note.add' ? [...context.notes, { ...event.note }] : context.notes,
      }),
      markWorry: assign({
        items: ({ context, event }) =>
          event.type === 'worry.mark'
            ? replaceItems(context.items, [event.itemId], (i) => {
                const { worryAt: _was, ...rest } = i
                return event.on
                  ? { ...rest, worry: true, ...(event.at ? { worryAt: event.at } : {}) }
                  : { ...rest, worry: false }
              })
            : context.items,
      }),
    },
  }).createMachine({
    id: toolId,
    version,
    context: ({ input }) => ({
      toolId,
      ageBand: input.ageBand,
      ...(input.legalBand && input.legalBand !== input.ageBand ? { legalBand: input.legalBand } : {}),
      setting: input.setting,
      defaultShare: defaultShareLevel(input.setting),
      ...(input.living ? { living: input.living } : {}),
      items: [],
      notes: [],
      skipped: [],
    }),
    initial: 'actief',
    // Sharing, notes and worry marks stay possible after a pause, a stop or the end:
    // the child may change a level whenever they want (docs/deelafspraak.md).
    on: {
      'share.set': { guard: 'allItemsExist', actions: 'setShare' },
      'note.add': { guard: 'noteIsNew', actions: 'addNote' },
      'worry.mark': { guard: 'itemExists', actions: 'markWorry' },
    },
    states: {
      actief: {
        initial: steps[0]!.id,
        states: { ...(stepStates as Record<string, never>), hist: { type: 'history', history: 'shallow' } },
        on: {
          'gesprek.pause': { target: 'gepauzeerd' },
          'gesprek.stop': { target: 'gestopt' },
          'item.update': { guard: 'patchFits', actions: 'updateItem' },
          'item.remove': { guard: 'itemExists', actions: 'removeItem' },
        },
      },
      gepauzeerd: { on: { 'gesprek.resume': { target: 'actief.hist' }, 'gesprek.stop': { target: 'gestopt' } } },
      gestopt: { on: { 'gesprek.resume': { target: 'actief.hist' } } },
      afgerond: {},
    },
  })
}

export type ToolMachine = ReturnType<typeof buildToolMachine>

// Read by the step screens from items.ts, so their bundle never carries the statechart builder.
export { OWN_SUBJECT }

/** Every `prompt` value an item in this step may carry: the sub-prompts and their questions. */
export function allowedPrompts(step: StepSpec, living?: Living): string[] {
  const out = [...stepPrompts(step, living)]
  for (const [sub, questions] of Object.entries(step.questions ?? {}))
    for (const q of questions) out.push(`${sub}.${q.id}`)
  return out
}

type ItemShape = Omit<z.output<typeof ItemInput>, 'id'> & { id: string; stepId?: string }

/**
 * Whether an item fits a step: the type's required fields (itemFitsStep), a known sub-prompt,
 * the answer type its question asks for, and one answer where one is all that makes sense
 * (a scale, a Stoplicht subject). Pure; `others` gives the gesprek's other items, asked for only by
 * the rules that need them, so a free answer in a long gesprek looks at no other item.
 */
export function itemValidInStep(
  step: StepSpec,
  item: ItemShape,
  others: () => readonly Item[],
  living?: Living,
): boolean {
  if (!itemFitsStep(step.type, item)) return false
  // Fields of another type of step would be shown nowhere and mislead a later reader.
  if ((item.colour !== undefined || item.subject !== undefined) && step.type !== 'stoplicht') return false
  if (item.person !== undefined && step.type !== 'netwerk') return false
  const inStep = () => others().filter((i) => i.stepId === step.id)
  if (item.prompt !== undefined && !allowedPrompts(step, living).includes(item.prompt)) return false
  const [sub, qid] = item.prompt?.split('.') ?? []
  const question = qid ? step.questions?.[sub!]?.find((q) => q.id === qid) : undefined
  if (question?.answer === 'scale') {
    if (item.scale === undefined) return false
    if (inStep().some((i) => i.prompt === item.prompt)) return false
  } else if (question?.answer === 'text' && item.scale !== undefined) return false
  switch (step.type) {
    case 'scale':
      return inStep().length === 0
    case 'stoplicht': {
      if (item.subject === OWN_SUBJECT)
        return Boolean(item.text) || (item.pictures?.length ?? 0) > 0 || Boolean(item.drawing?.length)
      return stepPrompts(step, living).includes(item.subject!) && !inStep().some((i) => i.subject === item.subject)
    }
    default:
      return true
  }
}
