import { ERROR_CODES } from '../../../dialogs/contract/error-codes'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import type { ToolProblem } from '../../../dialogs/contract/tool-version'

/** A refused call: its code, and for a refused tool document where it breaks a rule. */
export class ToolApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly problems: ToolProblem[] = [],
  ) {
    super(code)
  }
}

/** The editor's calls: like net/api, but a 422 keeps its problems, and a body may be a raw file. */
export async function toolApi<T>(
  path: string,
  opts: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; raw?: string } = {},
): Promise<T> {
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
  return data as T
}
