import { CodedError } from '../../dialogs/contract/errors'
import {
  MAX_TOOL_FILE_BYTES,
  TOOL_FILE_FORMAT,
  TOOL_FILE_VERSION,
  ToolVersionFile,
  type DraftOut,
} from '../../dialogs/contract/tool-version'
import type { Deps } from '../deps'
import { saveDraft, versionDoc, type Scope } from './versions'

/** One version as one JSON file (ADR 0075): what another organisation imports into its draft. */
export async function exportFile(deps: Deps, scope: Scope, toolId: string, version: number): Promise<ToolVersionFile> {
  const doc = await versionDoc(deps, scope.organisationId, toolId, version)
  const row =
    version === 1
      ? undefined
      : await deps.db
          .selectFrom('tool_versions')
          .select(['note', 'published_at'])
          .where('organisation_id', '=', scope.organisationId)
          .where('tool_id', '=', toolId)
          .where('version', '=', version)
          .executeTakeFirst()
  return {
    format: TOOL_FILE_FORMAT,
    formatVersion: TOOL_FILE_VERSION,
    toolId,
    version,
    ...(row ? { note: row.note, publishedAt: row.published_at } : {}),
    doc,
  }
}

/**
 * Reads a file someone else made: untrusted from the first byte. Too big, not JSON, the wrong shape or
 * another tool: `payload_too_large` or `tool_file_invalid`; then every rule of a draft (markup, sizes,
 * the sharing step, the honest line). It only ever replaces the draft, never a published version; a
 * refused file stores nothing.
 */
export async function importFile(deps: Deps, scope: Scope, toolId: string, raw: string): Promise<DraftOut> {
  if (Buffer.byteLength(raw, 'utf8') > MAX_TOOL_FILE_BYTES) throw new CodedError('payload_too_large', 413)
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    throw new CodedError('tool_file_invalid', 400)
  }
  const parsed = ToolVersionFile.safeParse(fromFormat1(json))
  if (!parsed.success || parsed.data.toolId !== toolId || parsed.data.doc.toolId !== toolId)
    throw new CodedError('tool_file_invalid', 400)
  return saveDraft(deps, scope, toolId, parsed.data.doc)
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A file exported before a step's type field was named `type` (format version 1) holds the
 * same document with `kind`: it is read as version 2, in this one place. Anything else passes as it
 * came, for the schema to judge.
 */
export function fromFormat1(json: unknown): unknown {
  if (!isRecord(json) || json.formatVersion !== 1 || !isRecord(json.doc) || !Array.isArray(json.doc.steps)) return json
  const steps = json.doc.steps.map((s: unknown) => {
    if (!isRecord(s) || !('kind' in s) || 'type' in s) return s
    const { kind, ...rest } = s
    return { ...rest, type: kind }
  })
  return { ...json, formatVersion: TOOL_FILE_VERSION, doc: { ...json.doc, steps } }
}
