import { CodedError } from '../../dialogs/contract/errors'
import { LANGUAGE_CODES, type LangCode } from '../../dialogs/contract/languages'
import { ToolVersionDoc, type GesprekToolOut } from '../../dialogs/contract/tool-version'
import { buildToolMachine } from '../../dialogs/framework/build'
import { offeredLanguages, toolFromDoc } from '../../dialogs/framework/texts'
import type { ToolDef } from '../../dialogs/framework/tool'
import { findTool } from '../../dialogs/registry'
import type { Deps } from '../deps'
import { builtinDoc, isEditable, textsOnlyKeys } from './builtin'
import { currentVersion } from './versions'

type Built = { tool: ToolDef; version: number; doc: ToolVersionDoc; languages: LangCode[] }

// A published document never changes (ADR 0075), so its machine is built once per process. Bounded.
const built = new Map<string, Built>()

/** The tool of one published version, by its row id: the built-in's settings with the version's steps. */
async function versionTool(deps: Deps, versionId: string): Promise<Built> {
  const hit = built.get(versionId)
  if (hit) return hit
  const row = await deps.db
    .selectFrom('tool_versions')
    .select(['tool_id', 'version', 'doc', 'languages'])
    .where('id', '=', versionId)
    .executeTakeFirst()
  const builtin = row && findTool(row.tool_id)
  if (!row || !builtin) throw new CodedError('not_found', 404)
  const doc = ToolVersionDoc.parse(JSON.parse(row.doc))
  const info = toolFromDoc(builtin, doc, row.version)
  const entry: Built = {
    // `info.steps`: a texts-only version runs the built-in's own steps (toolFromDoc).
    tool: { ...info, machine: buildToolMachine(builtin.id, info.version, info.steps) },
    version: row.version,
    doc,
    languages: JSON.parse(row.languages) as LangCode[],
  }
  if (built.size >= 500) built.delete(built.keys().next().value!)
  built.set(versionId, entry)
  return entry
}

/** The tool a new gesprek starts on: the organisation's current version of an editable tool. */
export async function toolForNewGesprek(
  deps: Deps,
  childId: string,
  toolId: string,
): Promise<{ tool: ToolDef; versionId: string | null }> {
  const builtin = findTool(toolId)
  if (!builtin) throw new CodedError('not_allowed_now', 400)
  if (!isEditable(builtin)) return { tool: builtin, versionId: null }
  const child = await deps.db
    .selectFrom('children')
    .select('organisation_id')
    .where('id', '=', childId)
    .executeTakeFirst()
  if (!child) throw new CodedError('not_found', 404)
  const current = await currentVersion(deps, child.organisation_id, toolId)
  // Every version withdrawn: the tool is not offered for new gesprekken.
  if (!current) throw new CodedError('not_allowed_now', 409)
  if (current.id === null) return { tool: builtin, versionId: null }
  return { tool: (await versionTool(deps, current.id)).tool, versionId: current.id }
}

/** The tool a stored gesprek runs on: the version its row names, else the built-in. */
export async function toolOfGesprek(
  deps: Deps,
  row: { tool_id: string; tool_version_id?: string | null },
): Promise<ToolDef> {
  if (row.tool_version_id) return (await versionTool(deps, row.tool_version_id)).tool
  const tool = findTool(row.tool_id)
  if (!tool) throw new CodedError('not_found', 404)
  return tool
}

/** What the screens of a gesprek need to show its version: the document, or "the built-in". */
export async function gesprekToolOut(deps: Deps, gesprekId: string): Promise<GesprekToolOut> {
  const row = await deps.db
    .selectFrom('gesprekken')
    .select(['tool_id', 'tool_version_id'])
    .where('id', '=', gesprekId)
    .executeTakeFirst()
  if (!row) throw new CodedError('not_found', 404)
  if (row.tool_version_id) {
    const v = await versionTool(deps, row.tool_version_id)
    return {
      toolId: row.tool_id,
      version: v.version,
      builtin: false,
      doc: v.doc,
      languages: v.languages,
      versionId: row.tool_version_id,
    }
  }
  const doc = builtinDoc(row.tool_id)
  return {
    toolId: row.tool_id,
    version: 1,
    builtin: true,
    languages: doc ? offeredLanguages(doc, textsOnlyKeys(row.tool_id)) : [...LANGUAGE_CODES],
    versionId: null,
  }
}

/**
 * The languages a new gesprek of this tool can be held in: those its organisation's current version is
 * complete in (ADR 0075). Every language for a tool that has no versions; none when every version is
 * withdrawn (the tool is not offered at all).
 */
export async function languagesForNewGesprek(deps: Deps, organisationId: string, toolId: string): Promise<LangCode[]> {
  const builtin = findTool(toolId)
  if (!builtin || !isEditable(builtin)) return [...LANGUAGE_CODES]
  const current = await currentVersion(deps, organisationId, toolId)
  if (!current) return []
  if (current.id === null) return offeredLanguages(builtinDoc(toolId)!, textsOnlyKeys(toolId))
  return (await versionTool(deps, current.id)).languages
}

/** A join code in a language the gesprek's version does not have would show the child half Dutch. */
export function requireOffered(languages: readonly LangCode[], lang: LangCode | undefined): void {
  if (lang && !languages.includes(lang)) throw new CodedError('language_not_offered', 422)
}
