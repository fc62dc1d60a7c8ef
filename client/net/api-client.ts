/**
 * The typed HTTP client: every answer parsed with the contract (ADR 0125). Apart from ./api.ts because it
 * loads zod and the schemas: the child's and the jongere's first screens import it only when they call.
 */
import * as z from 'zod'
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

import { api, ApiError, type Options } from './api'

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
