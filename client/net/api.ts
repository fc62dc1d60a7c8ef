import { ERROR_CODES } from '../../dialogs/contract/error-codes'
import type { ErrorCode } from '../../dialogs/contract/errors'

/** A failed call carries only a stable code; the screen translates it (errors namespace). */
export class ApiError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code)
  }
}

const asCode = (v: unknown): ErrorCode =>
  typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v) ? (v as ErrorCode) : 'internal'

export type Options = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; token?: string }

/**
 * One call, its answer not yet checked. Screens use `apiClient` (./api-client.ts), which checks every
 * answer with the contract; this stays for the screens not converted yet. This file holds no zod, so a
 * child's first screen can import `ApiError` without loading the contract's schemas.
 */
export async function api<T>(path: string, opts: Options = {}): Promise<T> {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let res: Response
  try {
    res = await fetch(path, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    throw new ApiError('server_busy')
  }
  const data: unknown = await res.json().catch(() => null)
  if (!res.ok) throw new ApiError(asCode((data as { error?: unknown } | null)?.error))
  return data as T
}

/**
 * The typed client, loaded when a first screen makes its first call: the child's join, the jongere's
 * kamer entry and the begeleider's login stay free of zod until then (tests/client/bundle-budget.test.ts).
 */
export const loadApiClient = async () => (await import('./api-client')).apiClient
