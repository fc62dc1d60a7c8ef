import * as z from 'zod'
import { ERROR_CODES } from '../../dialogs/contract/error-codes'
import type { ErrorCode } from '../../dialogs/contract/errors'
import {
  GesprekDetail,
  GesprekSummary,
  JoinCodeOut,
  type JoinCodeBody,
  KindJoinOut,
  MyPictureBody,
  NewGesprekOut,
  OkOut,
  SessionOut,
  type LoginBody,
  type NewGesprekBody,
} from '../../dialogs/contract/http'
import {
  KamerNotice,
  KamerOverview,
  KamerTokenOut,
  type KamerOpenBody,
  type KamerSetupBody,
} from '../../dialogs/contract/kamer'
import { CaseloadSignalsOut, ChildSignalsOut, type FollowUpBody } from '../../dialogs/contract/signals'
import {
  BeheerOut,
  CaseloadChild,
  CaseloadOut,
  OtherParentOut,
  type ChildProfileBody,
  type MoveChildBody,
  type NewBegeleiderBody,
  type NewCaseloadChildBody,
  type OtherParentBody,
} from '../../dialogs/contract/workspace'

/** A failed call carries only a stable code; the screen translates it (errors namespace). */
export class ApiError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code)
  }
}

const asCode = (v: unknown): ErrorCode =>
  typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v) ? (v as ErrorCode) : 'internal'

type Options = { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; token?: string }

/**
 * One call, its answer not yet checked. Screens use `apiClient` below, which checks every answer with
 * the contract; this stays for the screens not converted yet.
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
 * One call whose answer is parsed with its schema from `dialogs/contract`, the same schema the server
 * answers by: an answer that does not fit is `internal`, never a half-read object on the screen.
 */
async function call<S extends z.ZodType>(schema: S, path: string, opts: Options = {}): Promise<z.output<S>> {
  const parsed = schema.safeParse(await api<unknown>(path, opts))
  if (!parsed.success) throw new ApiError('internal')
  return parsed.data
}

const post = (body: unknown = {}, token?: string): Options => ({ method: 'POST', body, ...(token ? { token } : {}) })
const put = (body: unknown): Options => ({ method: 'PUT', body })
const child = (id: string) => `/api/workspace/children/${encodeURIComponent(id)}`
const person = (id: string) => `/api/beheer/begeleiders/${encodeURIComponent(id)}`
const beheerChild = (id: string) => `/api/beheer/children/${encodeURIComponent(id)}`
/** The inzage file is the child's data as the server exports it; the screen only saves it. */
const ExportFile = z.record(z.string(), z.unknown())

/** The HTTP API (docs/protocol.md), one typed function per route, each answer checked with the contract. */
export const apiClient = {
  auth: {
    session: () => call(SessionOut, '/api/auth/session'),
    login: (body: z.input<typeof LoginBody>) => call(OkOut, '/api/auth/login', post(body)),
    setPicture: (picture: z.input<typeof MyPictureBody>['picture']) =>
      call(MyPictureBody, '/api/auth/me/picture', put({ picture })),
  },
  workspace: {
    caseload: () => call(CaseloadOut, '/api/workspace/caseload'),
    newChild: (body: z.input<typeof NewCaseloadChildBody>) =>
      call(CaseloadChild, '/api/workspace/children', post(body)),
    child: (id: string) => call(CaseloadChild, child(id)),
    updateChild: (id: string, patch: z.input<typeof ChildProfileBody>) => call(CaseloadChild, child(id), put(patch)),
    evaluationHeld: (id: string, heldOn: string) => call(CaseloadChild, `${child(id)}/evaluations`, post({ heldOn })),
    gesprekken: (id: string) => call(z.array(GesprekSummary), `${child(id)}/gesprekken`),
    otherParent: (id: string) => call(OtherParentOut, `${child(id)}/other-parent`),
    addOtherParent: (id: string, body: z.input<typeof OtherParentBody>) =>
      call(OtherParentOut, `${child(id)}/other-parent`, post(body)),
  },
  gesprekken: {
    create: (body: z.input<typeof NewGesprekBody>) => call(NewGesprekOut, '/api/gesprekken', post(body)),
    detail: (id: string) => call(GesprekDetail, `/api/gesprekken/${encodeURIComponent(id)}`),
    joinCode: (id: string, lang?: z.input<typeof JoinCodeBody>['lang']) =>
      call(JoinCodeOut, `/api/gesprekken/${encodeURIComponent(id)}/join-code`, post({ lang })),
  },
  signals: {
    caseload: () => call(CaseloadSignalsOut, '/api/signals'),
    child: (id: string) => call(ChildSignalsOut, `/api/signals/children/${encodeURIComponent(id)}`),
    talkHandled: (id: string) => call(OkOut, `/api/signals/children/${encodeURIComponent(id)}/talk/handled`, post()),
    followUp: (id: string, body: z.input<typeof FollowUpBody>) =>
      call(OkOut, `/api/signals/children/${encodeURIComponent(id)}/followups`, post(body)),
  },
  kamer: {
    notices: () => call(z.array(KamerNotice), '/api/kamer/notices'),
    overview: (childId: string) => call(KamerOverview, `/api/kamer/children/${encodeURIComponent(childId)}`),
    invite: (childId: string) => call(JoinCodeOut, `/api/kamer/children/${encodeURIComponent(childId)}/invite`, post()),
    checkInvite: (code: string) => call(OkOut, '/api/kamer/invite/check', post({ code })),
    setup: (body: z.input<typeof KamerSetupBody>) => call(KamerTokenOut, '/api/kamer/setup', post(body)),
    open: (body: z.input<typeof KamerOpenBody>) => call(KamerTokenOut, '/api/kamer/open', post(body)),
  },
  kind: {
    join: (code: string) => call(KindJoinOut, '/api/kind/join', post({ code })),
  },
  beheer: {
    overview: () => call(BeheerOut, '/api/beheer'),
    newTeam: (name: string) => call(z.strictObject({ id: z.string() }), '/api/beheer/teams', post({ name })),
    newBegeleider: (body: z.input<typeof NewBegeleiderBody>) =>
      call(z.strictObject({ id: z.string() }), '/api/beheer/begeleiders', post(body)),
    deactivate: (id: string) => call(OkOut, `${person(id)}/deactivate`, post()),
    activate: (id: string) => call(OkOut, `${person(id)}/activate`, post()),
    endSessions: (id: string) => call(OkOut, `${person(id)}/end-sessions`, post()),
    setPassword: (id: string, password: string) => call(OkOut, `${person(id)}/password`, post({ password })),
    moveChild: (id: string, body: z.input<typeof MoveChildBody>) => call(OkOut, `${beheerChild(id)}/move`, post(body)),
    exportChild: (id: string) => call(ExportFile, `${beheerChild(id)}/export`),
    closeChild: (id: string) => call(OkOut, `${beheerChild(id)}/close`, post()),
    eraseChild: (id: string) => call(OkOut, `${beheerChild(id)}/erase`, post()),
  },
}
