import * as z from 'zod'
import { ERROR_CODES } from '../../../dialogs/contract/error-codes'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import { OkOut } from '../../../dialogs/contract/http'
import {
  DraftOut,
  PublishOut,
  ToolsOverviewOut,
  VersionChanges,
  VersionOut,
  type ToolProblem,
  type ToolVersionDoc,
} from '../../../dialogs/contract/tool-version'

/** A refused call: its code, and for a refused tool document where it breaks a rule. */
export class ToolApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly problems: ToolProblem[] = [],
  ) {
    super(code)
  }
}

type ToolOptions = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; raw?: string }

/**
 * The editor's calls: like net/api-client (each answer parsed with its contract schema), but a 422 keeps
 * its problems, and a body may be a raw file.
 */
async function toolCall<S extends z.ZodType>(schema: S, path: string, opts: ToolOptions = {}): Promise<z.output<S>> {
  const hasBody = opts.body !== undefined || opts.raw !== undefined
  let res: Response
  try {
    res = await fetch(path, {
      method: opts.method ?? (hasBody ? 'POST' : 'GET'),
      headers: hasBody ? { 'Content-Type': 'application/json' } : {},
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    throw new ToolApiError('server_busy')
  }
  const data = (await res.json().catch(() => null)) as { error?: unknown; problems?: ToolProblem[] } | null
  if (!res.ok) {
    const code = (ERROR_CODES as readonly string[]).includes(String(data?.error))
      ? (data!.error as ErrorCode)
      : 'internal'
    throw new ToolApiError(code, Array.isArray(data?.problems) ? data.problems : [])
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new ToolApiError('internal')
  return parsed.data
}

const tool = (toolId: string) => `/api/tool-versions/${encodeURIComponent(toolId)}`
const version = (toolId: string, v: number) => `${tool(toolId)}/versions/${v}`

/** The tool-version routes (docs/protocol.md) the beheer screens call, one function each. */
export const toolApi = {
  overview: () => toolCall(ToolsOverviewOut, '/api/tool-versions'),
  version: (toolId: string, v: number) => toolCall(VersionOut, version(toolId, v)),
  compare: (toolId: string, from: number, to: number) =>
    toolCall(VersionChanges, `${tool(toolId)}/compare?from=${from}&to=${to}`),
  draft: (toolId: string) => toolCall(DraftOut, `${tool(toolId)}/draft`),
  saveDraft: (toolId: string, doc: ToolVersionDoc) =>
    toolCall(DraftOut, `${tool(toolId)}/draft`, { method: 'PUT', body: { doc } }),
  discardDraft: (toolId: string) => toolCall(OkOut, `${tool(toolId)}/draft`, { method: 'DELETE' }),
  publish: (toolId: string, note: string) => toolCall(PublishOut, `${tool(toolId)}/publish`, { body: { note } }),
  withdraw: (toolId: string, v: number) => toolCall(OkOut, `${version(toolId, v)}/withdraw`, { body: {} }),
  reinstate: (toolId: string, v: number) => toolCall(OkOut, `${version(toolId, v)}/reinstate`, { body: {} }),
  remove: (toolId: string, v: number) => toolCall(OkOut, version(toolId, v), { method: 'DELETE' }),
  /** The file as the admin chose it, sent as it is: the server reads and checks it (its size, its shape). */
  importFile: (toolId: string, raw: string) => toolCall(DraftOut, `${tool(toolId)}/import`, { raw }),
}
