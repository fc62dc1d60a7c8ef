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
  KamerGesprek,
  KamerMe,
  KamerNotice,
  KamerOverview,
  KamerTokenOut,
  KamerToolOut,
  type KamerOpenBody,
  type KamerSetupBody,
} from '../../dialogs/contract/kamer'
import { CaseloadSignalsOut, ChildSignalsOut, type FollowUpBody } from '../../dialogs/contract/signals'
import {
  MyContactsOut,
  type AfscheidContactsBody,
  type ConsentBody,
  type Fase1Body,
  FamilyPrepOut,
  type FamilyTalkBody,
  MethodOut,
  type OverdrachtBody,
  type TalkBody,
} from '../../dialogs/contract/method'
import { ParentsOut, PresentParentOut, type ParentsBody } from '../../dialogs/contract/parents'
import {
  ActieplanOut,
  EvaluationsOut,
  VeiligheidsplanOut,
  type ActieplanBody,
  type EvaluationPlanBody,
  type VeiligheidsplanBody,
} from '../../dialogs/contract/plans'
import { HelpLines } from '../../dialogs/contract/help-lines'
import { ChildPlanOut } from '../../dialogs/contract/plans'
import { ReceiptOut } from '../../dialogs/contract/receipt'
import { ChildTasksOut } from '../../dialogs/contract/tasks'
import { KindVoicesOut, VoiceListOut } from '../../dialogs/contract/voices'
import { GesprekToolOut, ToolsOverviewOut } from '../../dialogs/contract/tool-version'
import {
  BeheerOut,
  CaseloadChild,
  CaseloadOut,
  HistoryOut,
  OudergesprekOut,
  type OudergesprekDraft,
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
/** The child's device or the kamer: its token in the Authorization header, never a cookie. */
const bearer = (token: string): Options => ({ token })
const child = (id: string) => `/api/workspace/children/${encodeURIComponent(id)}`
const person = (id: string) => `/api/beheer/begeleiders/${encodeURIComponent(id)}`
/** A query string as the screen built it (`since=…&for=…`), empty for none. */
const query = (q: string) => (q ? `?${q}` : '')
const plan = (id: string) => `/api/plans/children/${encodeURIComponent(id)}`
const methodOf = (id: string) => `/api/method/children/${encodeURIComponent(id)}`
const family = (id: string) => `/api/method/families/${encodeURIComponent(id)}`
/** What the family's one-tap record answers: how many siblings got an oudergesprek record. */
const FamilyTalkOut = z.strictObject({ recorded: z.number().int().min(0) })
const beheerChild = (id: string) => `/api/beheer/children/${encodeURIComponent(id)}`
/** The inzage file is the child's data as the server exports it; the screen only saves it. */
const ExportFile = z.record(z.string(), z.unknown())

/** The HTTP API (docs/protocol.md), one typed function per route, each answer checked with the contract. */
export const apiClient = {
  auth: {
    session: () => call(SessionOut, '/api/auth/session'),
    login: (body: z.input<typeof LoginBody>) => call(OkOut, '/api/auth/login', post(body)),
    logout: () => call(OkOut, '/api/auth/logout', post()),
    logoutEverywhere: () => call(OkOut, '/api/auth/logout-everywhere', post()),
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
    history: (id: string) => call(HistoryOut, `${child(id)}/history`),
    tasks: (id: string) => call(ChildTasksOut, `${child(id)}/tasks`),
    setTaskDone: (taskId: string, done: boolean) =>
      call(ChildTasksOut, `/api/workspace/tasks/${encodeURIComponent(taskId)}`, put({ done })),
    oudergesprek: (id: string, q: string) => call(OudergesprekOut, `${child(id)}/oudergesprek${query(q)}`),
    oudergesprekPrint: (id: string, q: string) => call(OudergesprekOut, `${child(id)}/oudergesprek/print${query(q)}`),
    saveOudergesprekDraft: (id: string, q: string, draft: z.input<typeof OudergesprekDraft>) =>
      call(OkOut, `${child(id)}/oudergesprek/draft${query(q)}`, put(draft)),
  },
  parents: {
    get: (id: string) => call(ParentsOut, `/api/parents/children/${encodeURIComponent(id)}`),
    save: (id: string, body: z.input<typeof ParentsBody>) =>
      call(OkOut, `/api/parents/children/${encodeURIComponent(id)}`, put(body)),
  },
  method: {
    get: (id: string) => call(MethodOut, methodOf(id)),
    consent: (id: string, body: z.input<typeof ConsentBody>) => call(MethodOut, `${methodOf(id)}/consent`, put(body)),
    oudergesprek: (id: string, body: z.input<typeof TalkBody>) =>
      call(MethodOut, `${methodOf(id)}/oudergesprekken`, post(body)),
    samen: (id: string, body: z.input<typeof TalkBody>) => call(MethodOut, `${methodOf(id)}/samen`, post(body)),
    fase1: (id: string, body: z.input<typeof Fase1Body>) => call(MethodOut, `${methodOf(id)}/fase1`, put(body)),
    overdracht: (id: string, body: z.input<typeof OverdrachtBody>) =>
      call(MethodOut, `${methodOf(id)}/overdracht`, put(body)),
    contacten: (id: string, body: z.input<typeof AfscheidContactsBody>) =>
      call(MethodOut, `${methodOf(id)}/contacten`, put(body)),
    family: (familyId: string, q: string) => call(FamilyPrepOut, `${family(familyId)}/oudergesprek${query(q)}`),
    familyTalk: (familyId: string, body: z.input<typeof FamilyTalkBody>) =>
      call(FamilyTalkOut, `${family(familyId)}/oudergesprekken`, post(body)),
  },
  plans: {
    actieplan: (id: string) => call(ActieplanOut, `${plan(id)}/actieplan`),
    actieplanPrint: (id: string) => call(ActieplanOut, `${plan(id)}/actieplan/print`),
    saveActieplan: (id: string, body: z.input<typeof ActieplanBody>) => call(OkOut, `${plan(id)}/actieplan`, put(body)),
    veiligheidsplan: (id: string) => call(VeiligheidsplanOut, `${plan(id)}/veiligheidsplan`),
    veiligheidsplanPrint: (id: string) => call(VeiligheidsplanOut, `${plan(id)}/veiligheidsplan/print`),
    saveVeiligheidsplan: (id: string, body: z.input<typeof VeiligheidsplanBody>) =>
      call(OkOut, `${plan(id)}/veiligheidsplan`, put(body)),
    evaluations: (id: string) => call(EvaluationsOut, `${plan(id)}/evaluations`),
    recordEvaluation: (id: string, body: z.input<typeof EvaluationPlanBody>) =>
      call(OkOut, `${plan(id)}/evaluations`, post(body)),
  },
  /** The recordings' list and removal; a recording itself goes up and comes down as audio (raw fetch). */
  voices: {
    list: (toolId: string, version: number) =>
      call(VoiceListOut, `/api/voices/tools/${encodeURIComponent(toolId)}/${version}`),
    /** `path` is the text's address, as the screen builds it for the audio too (voicePath). */
    remove: (path: string) => call(OkOut, path, { method: 'DELETE' }),
    /** The child's screen: which texts of its gesprek have a recorded voice in this language. */
    ofGesprek: (token: string, gesprekId: string, lang: string) =>
      call(
        KindVoicesOut,
        `/api/voices/gesprek/${encodeURIComponent(gesprekId)}/${encodeURIComponent(lang)}`,
        bearer(token),
      ),
  },
  toolVersions: {
    overview: () => call(ToolsOverviewOut, '/api/tool-versions'),
  },
  gesprekken: {
    create: (body: z.input<typeof NewGesprekBody>) => call(NewGesprekOut, '/api/gesprekken', post(body)),
    detail: (id: string) => call(GesprekDetail, `/api/gesprekken/${encodeURIComponent(id)}`),
    joinCode: (id: string, lang?: z.input<typeof JoinCodeBody>['lang']) =>
      call(JoinCodeOut, `/api/gesprekken/${encodeURIComponent(id)}/join-code`, post({ lang })),
    tool: (id: string) => call(GesprekToolOut, `/api/gesprek-tool/${encodeURIComponent(id)}`),
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
    me: (token: string) => call(KamerMe, '/api/kamer/me', bearer(token)),
    newGesprek: (token: string, toolId: string) => call(KamerGesprek, '/api/kamer/gesprekken', post({ toolId }, token)),
    /** The words of one of the kamer's gesprekken, in one language: its tool version's texts (ADR 0145). */
    tool: (token: string, gesprekId: string, lang: string) =>
      call(
        KamerToolOut,
        `/api/kamer/gesprekken/${encodeURIComponent(gesprekId)}/tool/${encodeURIComponent(lang)}`,
        bearer(token),
      ),
    touch: (token: string) => call(OkOut, '/api/kamer/touch', post({}, token)),
    talk: (token: string) => call(OkOut, '/api/signals/kamer/talk', post({}, token)),
    receipt: (token: string) => call(ReceiptOut, '/api/kamer/receipt', bearer(token)),
  },
  /** What the child's own screen (its device or its kamer) reads with its token. */
  mine: {
    presentParent: (token: string) => call(PresentParentOut, '/api/parents/mine', bearer(token)),
    safetyPlan: (token: string) => call(ChildPlanOut, '/api/plans/mine/veiligheidsplan', bearer(token)),
    contacts: (token: string) => call(MyContactsOut, '/api/method/mine/contacten', bearer(token)),
  },
  /** Public: the organisation's ways to help, shown on a locked kamer too. */
  helpLines: () => call(HelpLines, '/api/help-lines'),
  kind: {
    join: (code: string) => call(KindJoinOut, '/api/kind/join', post({ code })),
    receipt: (token: string) => call(ReceiptOut, '/api/kind/receipt', bearer(token)),
    tool: (token: string) => call(GesprekToolOut, '/api/kind/tool', bearer(token)),
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
