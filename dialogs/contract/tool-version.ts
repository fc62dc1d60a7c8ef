import * as z from 'zod'
import { Id, Lang } from './ids'
import { PictureId } from './items'
import { TaskType } from './tasks'

/**
 * An organisation's version of a tool as data (docs/decisions/0075-tool-versions-per-organisation.md):
 * the ordered steps and, per language, a flat map from text key to text. The same shape is the draft,
 * a published version and the body of an export file. Strict everywhere: a field the framework does not
 * know (`"pause": false`, `"quickExit": false`) is a wrong shape, never ignored.
 */

/** A step, line, prompt or follow-up id: stable for ever once made (the text keys are built from it). */
export const SlotId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)
export const ToolId = z.string().regex(/^[a-z][a-z-]{1,29}$/)

/** The step types an edited tool may use: the child's guided screens (no observation, no kamer modules). */
export const EDITABLE_STEP_TYPES = ['info', 'items', 'stoplicht', 'scale', 'share'] as const
export const EditableStepType = z.enum(EDITABLE_STEP_TYPES)
/**
 * Step types only a texts-only version carries, exactly as its built-in has them (the kamer tools'
 * netwerk drawing and modules, ADR 0140): their texts are editable, the steps themselves never.
 */
export const LOCKED_STEP_TYPES = ['netwerk', 'modules'] as const
const DocStepType = z.enum([...EditableStepType.options, ...LOCKED_STEP_TYPES])

/**
 * Words that are keys of a step's own texts, and names the statechart uses: no step, line or prompt
 * may take them, or two texts would share a key (`intro.title`) or a step would shadow a state.
 */
export const RESERVED_IDS = [
  'title',
  'prompt',
  'prompts',
  'anchors',
  'eigen',
  'steps',
  'hist',
  'actief',
  'gepauzeerd',
  'gestopt',
  'afgerond',
] as const

const Slot = SlotId.refine((id) => !(RESERVED_IDS as readonly string[]).includes(id), { message: 'reserved' })

/** A question inside a Mijn kamer module, as the built-in has it (texts-only: never edited). */
const QuestionDoc = z.strictObject({
  id: SlotId,
  answer: z.enum(['text', 'scale']),
  pictures: z.array(PictureId).max(16).optional(),
})

export const StepDoc = z.strictObject({
  id: Slot,
  type: DocStepType,
  /** Info steps: the lines under the prompt. Items and stoplicht steps: the sub-prompts (places). */
  prompts: z.array(Slot).max(12).optional(),
  followUps: z.array(Slot).max(6).optional(),
  /** The pictures a child may tap in this step, from the bundled set. */
  pictures: z.array(PictureId).max(16).optional(),
  /** A picture per sub-prompt (a Stoplicht place's house, bed, school) or per idea of an info step. */
  // An info step's own `prompt` is its first idea on the 4-7 screens and may have a picture of its own too.
  promptPictures: z.record(z.union([Slot, z.literal('prompt')]), PictureId).optional(),
  /** An info step's own picture (4-12). */
  picture: PictureId.optional(),
  /** An info step that introduces the child's own begeleider: their name and picture (the kennismaking). */
  showsBegeleider: z.literal(true).optional(),
  /** An items step that shows the contacts the begeleider entered before the afscheid (its `list` texts). */
  showsContacts: z.literal(true).optional(),
  /** A shared answer here gives the begeleider a task (the kennismaking's left-behind pet). */
  task: TaskType.optional(),
  /** The questions of each module (Mijn kamer; a texts-only version keeps the built-in's, ADR 0140). */
  questions: z.record(SlotId, z.array(QuestionDoc).max(12)).optional(),
})
export type StepDoc = z.output<typeof StepDoc>

/**
 * A text key inside the tool's namespace (`intro.honest`, `plekken.prompts.thuis-nu`, `steps.schaal`).
 * A texts-only version (ADR 0140) also has the built-in namespace's deeper keys
 * (`modules.questions.hoe-gaat-het.stemming`, `modules.anchors.veiligheid.schaal.low`) and the adult
 * register's variants (`intro.title_jongere`); which keys a version really has is the rules' business.
 */
export const TextKey = z.string().regex(/^[a-z][a-zA-Z0-9-]{0,39}(\.[a-zA-Z][a-zA-Z0-9-]{0,39}){0,4}(_jongere)?$/)
/** What a text is on screen; its limit (dialogs/framework/texts.ts) is what that place shows. */
export const TEXT_SLOTS = [
  'toolTitle',
  'stepLabel',
  'title',
  'prompt',
  'line',
  'subPrompt',
  'followUp',
  'anchor',
  'button',
  'moduleAbout',
  'question',
] as const
export type TextSlot = (typeof TEXT_SLOTS)[number]
/** The hard ceiling of one text; the per-type limits of what a screen shows are in dialogs/framework/texts.ts. */
export const MAX_TEXT = 600
export const ToolText = z.string().max(MAX_TEXT)
export const LangTexts = z.record(TextKey, ToolText).refine((r) => Object.keys(r).length <= 400, { message: 'many' })

export const ToolVersionDoc = z.strictObject({
  toolId: ToolId,
  steps: z.array(StepDoc).min(2).max(20),
  texts: z.partialRecord(Lang, LangTexts),
})
export type ToolVersionDoc = z.output<typeof ToolVersionDoc>

/** The largest export file the server reads; anything bigger is `payload_too_large` before parsing. */
export const MAX_TOOL_FILE_BYTES = 256 * 1024
export const TOOL_FILE_FORMAT = 'kindgesprek-tool-version'
/** 2: a step's type is `type`; version 1 files (`kind`) are still read (server/tools/file.ts). */
export const TOOL_FILE_VERSION = 2

/** One tool version as one JSON file, to share a validated script between organisations. */
export const ToolVersionFile = z.strictObject({
  format: z.literal(TOOL_FILE_FORMAT),
  formatVersion: z.literal(TOOL_FILE_VERSION),
  toolId: ToolId,
  version: z.int().min(1).max(100000),
  note: z.string().max(500).optional(),
  publishedAt: z.string().max(40).optional(),
  doc: ToolVersionDoc,
})
export type ToolVersionFile = z.output<typeof ToolVersionFile>

/** Why a document is refused: a rule and where (ids and keys only, never a text). */
export const TOOL_RULES = [
  'needs_intro',
  'needs_honest',
  'needs_sharing',
  'sharing_after_answers',
  'needs_closing',
  'duplicate_id',
  'controls',
  'text_too_long',
  'text_markup',
  'source_incomplete',
  'wrong_tool',
  'type_needs_prompts',
  'structure_locked',
] as const
export const ToolRule = z.enum(TOOL_RULES)
export type ToolRule = z.output<typeof ToolRule>
export const ToolProblem = z.strictObject({
  rule: ToolRule,
  stepId: z.string().max(40).optional(),
  key: z.string().max(130).optional(),
  lang: Lang.optional(),
})
export type ToolProblem = z.output<typeof ToolProblem>

export const SaveDraftBody = z.strictObject({ doc: ToolVersionDoc })
export const PublishBody = z.strictObject({ note: z.string().trim().min(1).max(500) })

export const ToolVersionSummary = z.strictObject({
  version: z.int().min(1),
  builtin: z.boolean(),
  languages: z.array(Lang),
  note: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Gesprekken that started on this version (ids are not shown: only how many). */
  gesprekken: z.int(),
  current: z.boolean(),
})
export type ToolVersionSummary = z.output<typeof ToolVersionSummary>

export const LanguageCompleteness = z.strictObject({ lang: Lang, missing: z.array(TextKey) })
export type LanguageCompleteness = z.output<typeof LanguageCompleteness>

export const ToolOverview = z.strictObject({
  toolId: ToolId,
  editable: z.boolean(),
  /** Only the texts are editable: the steps stay the built-in's (the kamer tools, ADR 0140). */
  textsOnly: z.boolean(),
  versions: z.array(ToolVersionSummary),
  hasDraft: z.boolean(),
})
export const ToolsOverviewOut = z.strictObject({ tools: z.array(ToolOverview) })
export type ToolsOverviewOut = z.output<typeof ToolsOverviewOut>

export const DraftOut = z.strictObject({
  toolId: ToolId,
  doc: ToolVersionDoc,
  /** The version the draft started from. */
  basedOn: z.int().min(1),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  completeness: z.array(LanguageCompleteness),
  problems: z.array(ToolProblem),
  /**
   * A texts-only tool (ADR 0140): every text key the version has, in reading order, with the place it is
   * shown (its size limit). Absent for the other tools, whose keys follow from their steps.
   */
  keys: z
    .array(z.strictObject({ key: TextKey, slot: z.enum(TEXT_SLOTS) }))
    .max(400)
    .optional(),
})
export type DraftOut = z.output<typeof DraftOut>

export const VersionOut = z.strictObject({
  summary: ToolVersionSummary,
  doc: ToolVersionDoc,
})
export type VersionOut = z.output<typeof VersionOut>

export const PublishOut = z.strictObject({ version: z.int().min(2), languages: z.array(Lang) })
export type PublishOut = z.output<typeof PublishOut>

/** What differs between two versions (GET /api/tool-versions/:toolId/compare): keys only, the texts are in each. */
export const VersionChanges = z.strictObject({
  /** Step ids in the order of each version: added, removed and moved steps show in these. */
  steps: z.strictObject({ from: z.array(z.string()), to: z.array(z.string()) }),
  /** Per language, which text keys were added, removed or changed. */
  texts: z.array(
    z.strictObject({
      lang: Lang,
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.string()),
    }),
  ),
})
export type VersionChanges = z.output<typeof VersionChanges>

/** The tool a gesprek runs on, for the screens that show it: its steps and the texts of its languages. */
export const GesprekToolOut = z.strictObject({
  toolId: ToolId,
  version: z.int().min(1),
  builtin: z.boolean(),
  /** Present for an organisation's version; absent for the built-in (its texts are the locales). */
  doc: ToolVersionDoc.optional(),
  languages: z.array(Lang),
  versionId: Id.nullable(),
})
export type GesprekToolOut = z.output<typeof GesprekToolOut>

/**
 * The words of the organisation's versions that the begeleider's screens label answers with
 * (history, oudergesprek preparation, print): which version each gesprek ran on, and per version its
 * steps and its texts in the workspace languages. Only gesprekken on an organisation's own version are
 * named; the others use the built-in locales. These are the organisation's prompt texts, never answers.
 */
export const ToolLabels = z.strictObject({
  gesprekken: z.record(Id, Id),
  versions: z.record(
    Id,
    z.strictObject({
      toolId: ToolId,
      version: z.int().min(2),
      steps: z.array(StepDoc),
      texts: z.partialRecord(Lang, LangTexts),
    }),
  ),
})
export type ToolLabels = z.output<typeof ToolLabels>
