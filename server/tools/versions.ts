import { CodedError, type ErrorCode } from '../../dialogs/contract/errors'
import type { LangCode } from '../../dialogs/contract/languages'
import {
  ToolVersionDoc,
  type DraftOut,
  type ToolProblem,
  type ToolVersionSummary,
} from '../../dialogs/contract/tool-version'
import { completeness, offeredLanguages, pruneDoc } from '../../dialogs/framework/texts'
import { controlsHold } from '../../dialogs/framework/controls'
import { checkDoc as checkRules } from '../../dialogs/framework/tool-rules'
import { iso } from '../clock'
import type { Deps } from '../deps'
import { errorFields } from '../log'
import { newId } from '../ids'
import { builtinDoc, EDITABLE_TOOLS, textsOnly, textsOnlyKeys } from './builtin'
import { toolEvents } from './events'

/**
 * An organisation's versions of a tool (ADR 0075): the draft, publishing N+1, withdrawing, deleting.
 * Every function takes the admin's organisation as scope: no row of another organisation is ever read.
 */
export type Scope = { organisationId: string; actorId: string }

/** A document the rules refuse: the first rule decides the error code; `problems` says where. */
export class ToolProblemsError extends CodedError {
  constructor(readonly problems: ToolProblem[]) {
    super(codeFor(problems), 422)
  }
}

function codeFor(problems: ToolProblem[]): ErrorCode {
  const rules = new Set(problems.map((p) => p.rule))
  if (rules.has('structure_locked')) return 'tool_structure_locked'
  if (rules.has('needs_sharing') || rules.has('sharing_after_answers')) return 'tool_needs_sharing'
  if (rules.has('needs_intro') || rules.has('needs_honest')) return 'tool_needs_honest'
  if (rules.has('text_markup')) return 'tool_text_unsafe'
  if (rules.has('text_too_long')) return 'tool_text_too_long'
  if (rules.has('source_incomplete')) return 'tool_incomplete'
  return 'tool_invalid'
}

/** The document rules, and the built machine's controls once the rules hold. */
function checkDoc(doc: ToolVersionDoc, toolId: string, opts: { publishing: boolean }): ToolProblem[] {
  const problems = checkRules(doc, toolId, { ...opts, textsOnly: textsOnly(toolId) })
  if (problems.length === 0 && !controlsHold(toolId, doc.steps)) return [{ rule: 'controls' }]
  return problems
}

/** Only the editable tools have versions; another id is `not_found` (no probing of what exists). */
export function editableTool(toolId: string): string {
  if (!EDITABLE_TOOLS.includes(toolId)) throw new CodedError('not_found', 404)
  return toolId
}

const parseDoc = (json: string): ToolVersionDoc => ToolVersionDoc.parse(JSON.parse(json))

async function versionRows(deps: Deps, organisationId: string, toolId: string) {
  return deps.db
    .selectFrom('tool_versions')
    .leftJoin('begeleiders', 'begeleiders.id', 'tool_versions.published_by')
    .select([
      'tool_versions.id',
      'tool_versions.version',
      'tool_versions.languages',
      'tool_versions.note',
      'tool_versions.published_at',
      'tool_versions.withdrawn_at',
      'begeleiders.display_name',
    ])
    .where('tool_versions.organisation_id', '=', organisationId)
    .where('tool_versions.tool_id', '=', toolId)
    .orderBy('tool_versions.version', 'desc')
    .execute()
}

async function builtinWithdrawnAt(deps: Deps, organisationId: string, toolId: string) {
  const row = await deps.db
    .selectFrom('tool_builtin_withdrawn')
    .select('withdrawn_at')
    .where('organisation_id', '=', organisationId)
    .where('tool_id', '=', toolId)
    .executeTakeFirst()
  return row?.withdrawn_at ?? null
}

/** The version new gesprekken start on: the newest not withdrawn; null when every one is withdrawn. */
export async function currentVersion(
  deps: Deps,
  organisationId: string,
  toolId: string,
): Promise<{ version: number; id: string | null } | null> {
  const newest = await deps.db
    .selectFrom('tool_versions')
    .select(['id', 'version'])
    .where('organisation_id', '=', organisationId)
    .where('tool_id', '=', toolId)
    .where('withdrawn_at', 'is', null)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  if (newest) return { version: newest.version, id: newest.id }
  return (await builtinWithdrawnAt(deps, organisationId, toolId)) ? null : { version: 1, id: null }
}

/** Every version of the tool for this organisation, newest first, with how many gesprekken use each. */
export async function listVersions(deps: Deps, organisationId: string, toolId: string): Promise<ToolVersionSummary[]> {
  const [rows, builtinWithdrawn, counts, current] = await Promise.all([
    versionRows(deps, organisationId, toolId),
    builtinWithdrawnAt(deps, organisationId, toolId),
    deps.db
      .selectFrom('gesprekken')
      .innerJoin('children', 'children.id', 'gesprekken.child_id')
      .select(['gesprekken.tool_version_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('children.organisation_id', '=', organisationId)
      .where('gesprekken.tool_id', '=', toolId)
      .groupBy('gesprekken.tool_version_id')
      .execute(),
    currentVersion(deps, organisationId, toolId),
  ])
  const used = (id: string | null) => Number(counts.find((c) => c.tool_version_id === id)?.n ?? 0)
  const builtin = builtinDoc(toolId)!
  return [
    ...rows.map((r) => ({
      version: r.version,
      builtin: false,
      languages: JSON.parse(r.languages) as LangCode[],
      note: r.note,
      publishedBy: r.display_name ?? null,
      publishedAt: r.published_at,
      withdrawnAt: r.withdrawn_at,
      gesprekken: used(r.id),
      current: current?.id === r.id,
    })),
    {
      version: 1,
      builtin: true,
      languages: offeredLanguages(builtin, textsOnlyKeys(toolId)),
      note: null,
      publishedBy: null,
      publishedAt: null,
      withdrawnAt: builtinWithdrawn,
      gesprekken: used(null),
      current: current?.version === 1,
    },
  ]
}

/** One version's document; version 1 is the built-in tool. */
export async function versionDoc(
  deps: Deps,
  organisationId: string,
  toolId: string,
  version: number,
): Promise<ToolVersionDoc> {
  if (version === 1) return builtinDoc(toolId)!
  const row = await deps.db
    .selectFrom('tool_versions')
    .select('doc')
    .where('organisation_id', '=', organisationId)
    .where('tool_id', '=', toolId)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) throw new CodedError('not_found', 404)
  return parseDoc(row.doc)
}

function draftOut(
  toolId: string,
  doc: ToolVersionDoc,
  basedOn: number,
  updatedAt: string | null,
  updatedBy: string | null,
): DraftOut {
  const keys = textsOnlyKeys(toolId)
  return {
    toolId,
    doc,
    basedOn,
    updatedAt,
    updatedBy,
    completeness: completeness(doc, keys),
    problems: checkDoc(doc, toolId, { publishing: true }),
    ...(keys ? { keys: keys.map(([key, slot]) => ({ key, slot })) } : {}),
  }
}

/** Whether the organisation has a working draft of this tool (the tools overview shows it). */
export async function hasDraft(deps: Deps, organisationId: string, toolId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('tool_drafts')
    .select('tool_id')
    .where('organisation_id', '=', organisationId)
    .where('tool_id', '=', toolId)
    .executeTakeFirst()
  return row !== undefined
}

/** The working draft; without one, the current version's document (nothing is stored until a save). */
export async function loadDraft(deps: Deps, scope: Scope, toolId: string): Promise<DraftOut> {
  const row = await deps.db
    .selectFrom('tool_drafts')
    .leftJoin('begeleiders', 'begeleiders.id', 'tool_drafts.updated_by')
    .select(['tool_drafts.doc', 'tool_drafts.based_on', 'tool_drafts.updated_at', 'begeleiders.display_name'])
    .where('tool_drafts.organisation_id', '=', scope.organisationId)
    .where('tool_drafts.tool_id', '=', toolId)
    .executeTakeFirst()
  if (row) return draftOut(toolId, parseDoc(row.doc), row.based_on, row.updated_at, row.display_name ?? null)
  const current = (await currentVersion(deps, scope.organisationId, toolId)) ?? { version: 1 }
  return draftOut(
    toolId,
    await versionDoc(deps, scope.organisationId, toolId, current.version),
    current.version,
    null,
    null,
  )
}

/**
 * Stores the draft after the rules that hold at every moment (structure, markup, sizes); a missing
 * text is allowed while editing and shown per language. A refused draft stores nothing.
 */
export async function saveDraft(
  deps: Deps,
  scope: Scope,
  toolId: string,
  input: ToolVersionDoc,
  basedOn?: number,
): Promise<DraftOut> {
  const doc = pruneDoc(input, textsOnlyKeys(toolId))
  const problems = checkDoc(doc, toolId, { publishing: false })
  if (problems.length > 0) throw new ToolProblemsError(problems)
  const existing = await deps.db
    .selectFrom('tool_drafts')
    .select('based_on')
    .where('organisation_id', '=', scope.organisationId)
    .where('tool_id', '=', toolId)
    .executeTakeFirst()
  const base = basedOn ?? existing?.based_on ?? (await currentVersion(deps, scope.organisationId, toolId))?.version ?? 1
  const at = iso(deps.clock)
  const values = {
    organisation_id: scope.organisationId,
    tool_id: toolId,
    based_on: base,
    doc: JSON.stringify(doc),
    updated_by: scope.actorId,
    updated_at: at,
  }
  await deps.db
    .insertInto('tool_drafts')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'tool_id']).doUpdateSet({
        based_on: values.based_on,
        doc: values.doc,
        updated_by: values.updated_by,
        updated_at: values.updated_at,
      }),
    )
    .execute()
  return loadDraft(deps, scope, toolId)
}

/** Starts the draft again from a version (the built-in 1 for its newest wording, or an older one). */
export async function draftFrom(deps: Deps, scope: Scope, toolId: string, version: number): Promise<DraftOut> {
  const doc = await versionDoc(deps, scope.organisationId, toolId, version)
  return saveDraft(deps, scope, toolId, doc, version)
}

export async function discardDraft(deps: Deps, scope: Scope, toolId: string): Promise<void> {
  await deps.db
    .deleteFrom('tool_drafts')
    .where('organisation_id', '=', scope.organisationId)
    .where('tool_id', '=', toolId)
    .execute()
}

/**
 * The draft becomes the organisation's next version, offered in the languages it is complete in.
 * All rules again, now with the source language complete; the number comes from a unique constraint,
 * so two admins publishing at once get N+1 and a `conflict`, never two N+1s.
 */
export async function publish(
  deps: Deps,
  scope: Scope,
  toolId: string,
  note: string,
): Promise<{ version: number; languages: LangCode[] }> {
  const draft = await deps.db
    .selectFrom('tool_drafts')
    .select(['doc', 'based_on'])
    .where('organisation_id', '=', scope.organisationId)
    .where('tool_id', '=', toolId)
    .executeTakeFirst()
  if (!draft) throw new CodedError('not_allowed_now', 409)
  const doc = pruneDoc(parseDoc(draft.doc), textsOnlyKeys(toolId))
  const problems = checkDoc(doc, toolId, { publishing: true })
  if (problems.length > 0) throw new ToolProblemsError(problems)
  const languages = offeredLanguages(doc, textsOnlyKeys(toolId))
  const version = await deps.db
    .transaction()
    .execute(async (trx) => {
      const top = await trx
        .selectFrom('tool_versions')
        .select((eb) => eb.fn.max('version').as('top'))
        .where('organisation_id', '=', scope.organisationId)
        .where('tool_id', '=', toolId)
        .executeTakeFirst()
      const next = Math.max(1, Number(top?.top ?? 1)) + 1
      await trx
        .insertInto('tool_versions')
        .values({
          id: newId(),
          organisation_id: scope.organisationId,
          tool_id: toolId,
          version: next,
          based_on: draft.based_on,
          doc: JSON.stringify(doc),
          languages: JSON.stringify(languages),
          note,
          published_by: scope.actorId,
          published_at: iso(deps.clock),
          withdrawn_at: null,
          withdrawn_by: null,
        })
        .execute()
      await trx
        .deleteFrom('tool_drafts')
        .where('organisation_id', '=', scope.organisationId)
        .where('tool_id', '=', toolId)
        .execute()
      return next
    })
    .catch((err: unknown) => {
      if (err instanceof CodedError) throw err
      // The unique (organisation, tool, version): another publish took this number first.
      throw new CodedError('conflict', 409)
    })
  deps.log.info('tool version published', { toolId, version })
  await toolEvents(deps).published({ organisationId: scope.organisationId, toolId, version, languages }, (err) =>
    deps.log.warn('tool publish listener failed', errorFields(err)),
  )
  return { version, languages }
}

/** Not for new gesprekken any more; running ones finish on it. The last offered version stays. */
export async function withdraw(deps: Deps, scope: Scope, toolId: string, version: number): Promise<void> {
  const current = await currentVersion(deps, scope.organisationId, toolId)
  const offered = (await listVersions(deps, scope.organisationId, toolId)).filter((v) => v.withdrawnAt === null)
  if (!offered.some((v) => v.version === version)) {
    await versionDoc(deps, scope.organisationId, toolId, version) // not_found for a version that is not there
    return // already withdrawn
  }
  if (offered.length === 1 && current?.version === version) throw new CodedError('version_last', 409)
  const at = iso(deps.clock)
  if (version === 1)
    await deps.db
      .insertInto('tool_builtin_withdrawn')
      .values({ organisation_id: scope.organisationId, tool_id: toolId, withdrawn_at: at, withdrawn_by: scope.actorId })
      .execute()
  else
    await deps.db
      .updateTable('tool_versions')
      .set({ withdrawn_at: at, withdrawn_by: scope.actorId })
      .where('organisation_id', '=', scope.organisationId)
      .where('tool_id', '=', toolId)
      .where('version', '=', version)
      .execute()
}

/** Offered for new gesprekken again. */
export async function reinstate(deps: Deps, scope: Scope, toolId: string, version: number): Promise<void> {
  await versionDoc(deps, scope.organisationId, toolId, version)
  if (version === 1)
    await deps.db
      .deleteFrom('tool_builtin_withdrawn')
      .where('organisation_id', '=', scope.organisationId)
      .where('tool_id', '=', toolId)
      .execute()
  else
    await deps.db
      .updateTable('tool_versions')
      .set({ withdrawn_at: null, withdrawn_by: null })
      .where('organisation_id', '=', scope.organisationId)
      .where('tool_id', '=', toolId)
      .where('version', '=', version)
      .execute()
}

/**
 * Deletes a withdrawn version no gesprek names. The built-in version 1 is never deleted, and a version
 * a gesprek started on stays as long as that gesprek's row does (its machine is built from it).
 */
export async function removeVersion(deps: Deps, scope: Scope, toolId: string, version: number): Promise<void> {
  if (version === 1) throw new CodedError('version_in_use', 409)
  const row = await deps.db
    .selectFrom('tool_versions')
    .select(['id', 'withdrawn_at'])
    .where('organisation_id', '=', scope.organisationId)
    .where('tool_id', '=', toolId)
    .where('version', '=', version)
    .executeTakeFirst()
  if (!row) throw new CodedError('not_found', 404)
  if (!row.withdrawn_at) throw new CodedError('not_allowed_now', 409)
  await deps.db.transaction().execute(async (trx) => {
    const using = await trx
      .selectFrom('gesprekken')
      .select('id')
      .where('tool_version_id', '=', row.id)
      .executeTakeFirst()
    if (using) throw new CodedError('version_in_use', 409)
    await trx.deleteFrom('tool_versions').where('id', '=', row.id).execute()
  })
}
