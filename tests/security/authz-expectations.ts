/**
 * The authorisation matrix's expectations: who may call what. docs/security.md shows the same
 * table; tests/security/authz-matrix.test.ts checks both against the running app.
 */
export const ACTORS = [
  'anonymous',
  'kind',
  'kindOther',
  'begTeam',
  'begOtherTeam',
  'adminOtherOrg',
  'adminSameOrg',
  'kamer',
] as const
export type Actor = (typeof ACTORS)[number]

const ALL: Actor[] = [...ACTORS]
/** A jongere in their own kamer (a kamer token for another child of the same team). */
const KAMER: Actor[] = ['kamer']
/** Any begeleider, for routes scoped to the caller's own team or organisation (they see their own). */
const BEG: Actor[] = ['begTeam', 'begOtherTeam', 'adminOtherOrg', 'adminSameOrg']
/** The child's own team: sanne, and admin-a who works in the same team. */
const TEAM: Actor[] = ['begTeam', 'adminSameOrg']
/** Any admin, for organisation-level beheer of their own organisation. */
const ADMIN_ANY: Actor[] = ['adminOtherOrg', 'adminSameOrg']
/** An admin of the organisation the object belongs to. */
const ADMIN_SAME: Actor[] = ['adminSameOrg']
/** Any child device: its own receipt. */
const KIND: Actor[] = ['kind', 'kindOther']

export type Fixture = {
  childId: string
  familyId: string
  gesprekId: string
  targetBegeleiderId: string
  teamA2: string
  joris: string
  /** A recorded voice of the fixture's tool in organisation A, recorded by admin-a. */
  voiceEtag: string
  /** A begeleider's task for the fixture child (the huisdier task a shared answer makes). */
  taskId: string
}
export type Row = { allow: Actor[]; body?: (f: Fixture) => unknown }

/** The expectations. Keep in step with docs/security.md; routes are `METHOD path` as Hono registers them. */
export const MATRIX: Record<string, Row> = {
  'GET /api/health': { allow: ALL },
  'GET /api/help-lines': { allow: ALL },
  'GET /api/signals': { allow: BEG },
  'GET /api/signals/children/:id': { allow: TEAM },
  'POST /api/signals/children/:id/followups': { allow: TEAM },
  'POST /api/signals/children/:id/talk/handled': { allow: TEAM },
  'POST /api/signals/kamer/talk': { allow: KAMER },
  'GET /api/parents/children/:id': { allow: TEAM },
  'PUT /api/parents/children/:id': {
    allow: TEAM,
    body: () => ({ present: 'mama', other: {}, flags: [] }),
  },
  // The child's own device or kamer: only the role word of its own oudergesprek.
  'GET /api/parents/mine': { allow: ['kind', 'kindOther', 'kamer'] },
  // Recorded voices: organisation content. Any login lists and records for its own organisation (a JSON
  // body is refused as a type, past authorisation); removing: the admin or the recorder (here admin-a).
  'GET /api/voices/tools/:toolId/:version': { allow: BEG },
  'PUT /api/voices/tools/:toolId/:version/:lang/:key': { allow: BEG },
  'DELETE /api/voices/tools/:toolId/:version/:lang/:key': { allow: ADMIN_SAME },
  'GET /api/voices/tools/:toolId/:version/:lang/:key/:etag': { allow: ['begTeam', 'begOtherTeam', 'adminSameOrg'] },
  // The child's own gesprek only.
  // The begeleider's own picture, shown to children beside the name: each login sets only its own.
  'PUT /api/auth/me/picture': { allow: BEG, body: () => ({ picture: 'sun' }) },
  // The tool version a gesprek runs on (ADR 0075): the child's own screen, and the child's own team.
  'GET /api/kind/tool': { allow: KIND },
  'GET /api/gesprek-tool/:gesprekId': { allow: TEAM },
  // An organisation's own tool versions: every login of the organisation sees and compares them; only
  // an admin edits, publishes, withdraws, exports or imports, each in their own organisation.
  'GET /api/tool-versions': { allow: BEG },
  'GET /api/tool-versions/:toolId/versions': { allow: BEG },
  'GET /api/tool-versions/:toolId/versions/:version': { allow: BEG },
  'GET /api/tool-versions/:toolId/compare': { allow: BEG },
  'GET /api/tool-versions/:toolId/draft': { allow: ADMIN_ANY },
  'PUT /api/tool-versions/:toolId/draft': { allow: ADMIN_ANY },
  'DELETE /api/tool-versions/:toolId/draft': { allow: ADMIN_ANY },
  'POST /api/tool-versions/:toolId/draft/from/:version': { allow: ADMIN_ANY },
  'POST /api/tool-versions/:toolId/publish': { allow: ADMIN_ANY },
  'POST /api/tool-versions/:toolId/versions/:version/withdraw': { allow: ADMIN_ANY },
  'POST /api/tool-versions/:toolId/versions/:version/reinstate': { allow: ADMIN_ANY },
  'DELETE /api/tool-versions/:toolId/versions/:version': { allow: ADMIN_ANY },
  'GET /api/tool-versions/:toolId/versions/:version/export': { allow: ADMIN_ANY },
  'POST /api/tool-versions/:toolId/import': { allow: ADMIN_ANY },
  // Tasks an answer asks for (the huisdier task): the child's own team.
  'GET /api/workspace/children/:id/tasks': { allow: TEAM },
  'PUT /api/workspace/tasks/:id': { allow: TEAM, body: () => ({ done: true }) },
  'GET /api/voices/gesprek/:gesprekId/:lang': { allow: ['kind'] },
  'GET /api/voices/gesprek/:gesprekId/:lang/:key/:etag': { allow: ['kind'] },
  'POST /api/auth/login': { allow: ALL, body: () => ({ username: 'niemand', password: 'fout-wachtwoord' }) },
  'POST /api/auth/logout': { allow: ALL },
  'POST /api/auth/logout-everywhere': { allow: BEG },
  'GET /api/auth/me': { allow: BEG },
  'GET /api/auth/session': { allow: ALL },
  'GET /api/auth/sessions': { allow: BEG },
  'POST /api/auth/sessions/end-others': { allow: BEG },
  'POST /api/gesprekken': { allow: TEAM, body: (f) => ({ childId: f.childId, toolId: 'drie-huizen' }) },
  'GET /api/gesprekken/:id': { allow: TEAM },
  'POST /api/gesprekken/:id/join-code': { allow: TEAM },
  'GET /api/kind/receipt': { allow: KIND },
  'POST /api/kind/join': { allow: ALL, body: () => ({ code: 'ABCD-EFGH' }) },
  'POST /api/kamer/invite/check': { allow: ALL, body: () => ({ code: 'ABCD-EFGH' }) },
  'POST /api/kamer/setup': { allow: ALL, body: () => ({ code: 'ABCD-EFGH', name: 'matrix kamer', secret: 'x' }) },
  'POST /api/kamer/open': { allow: ALL, body: () => ({ name: 'matrix kamer', secret: 'x' }) },
  // Only a kamer token opens these, and only for the jongere's own kamer.
  'GET /api/kamer/me': { allow: KAMER },
  'POST /api/kamer/gesprekken': { allow: KAMER, body: () => ({ toolId: 'mijn-netwerk' }) },
  'POST /api/kamer/touch': { allow: KAMER },
  // Locking is always allowed, like logout: without a kamer token it locks nothing and reveals nothing.
  'POST /api/kamer/lock': { allow: ALL },
  'GET /api/kamer/receipt': { allow: KAMER },
  // The words of the kamer's own gesprekken only: the fixture's gesprek is a guided one, so every caller,
  // the other jongere's kamer included, is refused; its own kamer reads it (tests/server/kamer-tool.test.ts).
  'GET /api/kamer/gesprekken/:gesprekId/tool/:lang': { allow: [] },
  'POST /api/kamer/children/:childId/invite': { allow: TEAM },
  'GET /api/kamer/children/:childId': { allow: TEAM },
  'GET /api/kamer/notices': { allow: BEG },
  'GET /api/workspace/caseload': { allow: BEG },
  'POST /api/workspace/children': { allow: BEG, body: () => ({ nickname: 'Matrix', ageBand: '8-12' }) },
  'GET /api/workspace/children/:id': { allow: TEAM },
  'GET /api/workspace/children/:id/gesprekken': { allow: TEAM },
  'PUT /api/workspace/children/:id': { allow: TEAM },
  'POST /api/workspace/children/:id/evaluations': { allow: TEAM },
  'GET /api/workspace/children/:id/other-parent': { allow: TEAM },
  'POST /api/workspace/children/:id/other-parent': { allow: TEAM },
  'GET /api/workspace/children/:id/history': { allow: TEAM },
  'GET /api/workspace/children/:id/oudergesprek': { allow: TEAM },
  'GET /api/workspace/children/:id/oudergesprek/print': { allow: TEAM },
  'PUT /api/workspace/children/:id/oudergesprek/draft': { allow: TEAM },
  // The method's records (server/method): the child's own team only.
  'GET /api/method/children/:id': { allow: TEAM },
  'PUT /api/method/children/:id/consent': {
    allow: TEAM,
    body: () => ({ present: {}, other: {}, jongere: {}, told: {} }),
  },
  'POST /api/method/children/:id/oudergesprekken': { allow: TEAM, body: () => ({ heldOn: '2026-11-20' }) },
  'POST /api/method/children/:id/samen': { allow: TEAM, body: () => ({ heldOn: '2026-11-20' }) },
  'PUT /api/method/children/:id/fase1': { allow: TEAM, body: () => ({ ticks: ['sdq'] }) },
  'PUT /api/method/children/:id/overdracht': { allow: TEAM, body: () => ({ to: 'Jeugdteam', on: '2026-11-20' }) },
  'PUT /api/method/children/:id/contacten': { allow: TEAM, body: () => ({ contacts: [{ who: 'Karin' }] }) },
  // The afscheid's contacts on the child's own (trusted) screen, or the jongere's own kamer (its own list).
  'GET /api/method/mine/contacten': { allow: ['kind', 'kindOther', 'kamer'] },
  'GET /api/method/families/:id/oudergesprek': { allow: TEAM },
  'POST /api/method/families/:id/oudergesprekken': { allow: TEAM, body: () => ({ heldOn: '2026-11-20' }) },
  'GET /api/plans/children/:id/actieplan': { allow: TEAM },
  'GET /api/plans/children/:id/actieplan/print': { allow: TEAM },
  'PUT /api/plans/children/:id/actieplan': { allow: TEAM, body: () => ({ goals: [] }) },
  'GET /api/plans/children/:id/veiligheidsplan': { allow: TEAM },
  'GET /api/plans/children/:id/veiligheidsplan/print': { allow: TEAM },
  'PUT /api/plans/children/:id/veiligheidsplan': { allow: TEAM },
  'GET /api/plans/children/:id/evaluations': { allow: TEAM },
  'POST /api/plans/children/:id/evaluations': { allow: TEAM },
  // The child version: the child's own (trusted) screen or kamer only.
  'GET /api/plans/mine/veiligheidsplan': { allow: ['kind', 'kindOther', 'kamer'] },
  'GET /api/beheer': { allow: ADMIN_ANY },
  'POST /api/beheer/teams': { allow: ADMIN_ANY, body: () => ({ name: 'Matrixteam' }) },
  'POST /api/beheer/begeleiders': { allow: ADMIN_ANY },
  'POST /api/beheer/begeleiders/:id/deactivate': { allow: ADMIN_SAME },
  'POST /api/beheer/begeleiders/:id/activate': { allow: ADMIN_SAME },
  'POST /api/beheer/begeleiders/:id/password': {
    allow: ADMIN_SAME,
    body: () => ({ password: 'een lang nieuw wachtwoord' }),
  },
  'POST /api/beheer/begeleiders/:id/end-sessions': { allow: ADMIN_SAME },
  'POST /api/beheer/children/:id/move': {
    allow: ADMIN_SAME,
    body: (f) => ({ teamId: f.teamA2, begeleiderId: f.joris }),
  },
  'GET /api/beheer/children/:id/export': { allow: ADMIN_SAME },
  'POST /api/beheer/children/:id/close': { allow: ADMIN_SAME },
  'POST /api/beheer/children/:id/erase': { allow: ADMIN_SAME },
}

/** Socket events × callers. Anonymous never gets a socket at all (handshake refused). */
export const SOCKET_MATRIX: Record<string, Actor[]> = {
  'gesprek:join': ['kind', 'begTeam', 'adminSameOrg'],
  'gesprek:command': ['kind', 'begTeam', 'adminSameOrg'],
  // Only the child's own screen answers for another screen of its gesprek; an unknown device is not_found
  // even for it, so in this matrix (no screen waiting) nobody gets a yes through.
  'device:answer': [],
}
