import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  connect,
  connected,
  emitAck,
  errorOf,
  HttpUser,
  msgId,
  seedOrganisations,
  startGesprek,
  startTestServer,
  type TestServer,
  type TestSocket,
} from '../helpers/server'

/**
 * The authorisation matrix for every begeleider route and socket event (docs/workspace.md, docs/security.md):
 * no login, the begeleider of the team, a begeleider of another team (joris), and the admin of
 * another organisation (admin-b). "Not yours" answers exactly like "does not exist".
 */
type Who = 'none' | 'sanne' | 'joris' | 'adminB'
const WHO: Who[] = ['none', 'sanne', 'joris', 'adminB']

let server: TestServer
let users: Record<Who, HttpUser>
let adminA: HttpUser
let ids: Awaited<ReturnType<typeof seedOrganisations>>
let child: { childId: string; gesprekId: string; token: string }
let spareBegeleider = ''
const sockets: TestSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
  ids = await seedOrganisations(server)
  const [sanne, joris, adminB, a] = await Promise.all([
    HttpUser.login(server.url, 'sanne'),
    HttpUser.login(server.url, 'joris'),
    HttpUser.login(server.url, 'admin-b'),
    HttpUser.login(server.url, 'admin-a'),
  ])
  users = { none: new HttpUser(server.url), sanne, joris, adminB }
  adminA = a
  child = await startGesprek(server.url, sanne, { nickname: 'Mo' })
  const spare = await adminA.post('/api/beheer/begeleiders', {
    teamId: ids.a.teamId,
    username: 'spare',
    displayName: 'Spare',
    password: 'a long enough password',
  })
  spareBegeleider = spare.body.id
}, 60_000)

afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect()
  await server.stop()
})

type Route = { method: 'GET' | 'POST' | 'PUT'; path: () => string; body?: () => unknown; ok: number }

/** Routes about one child of team A1 (sanne's). */
const CHILD_ROUTES: Route[] = [
  { method: 'GET', path: () => `/api/workspace/children/${child.childId}/gesprekken`, ok: 200 },
  {
    method: 'POST',
    path: () => '/api/gesprekken',
    body: () => ({ childId: child.childId, toolId: 'drie-huizen' }),
    ok: 201,
  },
  { method: 'GET', path: () => `/api/gesprekken/${child.gesprekId}`, ok: 200 },
  { method: 'POST', path: () => `/api/gesprekken/${child.gesprekId}/join-code`, body: () => ({}), ok: 201 },
  { method: 'GET', path: () => `/api/workspace/children/${child.childId}`, ok: 200 },
  { method: 'PUT', path: () => `/api/workspace/children/${child.childId}`, body: () => ({ phase: 2 }), ok: 200 },
  {
    method: 'POST',
    path: () => `/api/workspace/children/${child.childId}/evaluations`,
    body: () => ({ heldOn: '2026-11-20' }),
    ok: 201,
  },
  { method: 'GET', path: () => `/api/workspace/children/${child.childId}/other-parent`, ok: 200 },
  {
    method: 'POST',
    path: () => `/api/workspace/children/${child.childId}/other-parent`,
    body: () => ({ text: 'Via de jeugdbeschermer, eens per maand', agreedOn: '2026-11-20' }),
    ok: 201,
  },
  { method: 'GET', path: () => `/api/workspace/children/${child.childId}/history`, ok: 200 },
  { method: 'GET', path: () => `/api/workspace/children/${child.childId}/oudergesprek`, ok: 200 },
  { method: 'GET', path: () => `/api/workspace/children/${child.childId}/oudergesprek/print`, ok: 200 },
  {
    method: 'PUT',
    path: () => `/api/workspace/children/${child.childId}/oudergesprek/draft`,
    body: () => ({ talkingPoints: 'x', tips: 'y' }),
    ok: 200,
  },
]

describe('every child route: only the begeleider of the team gets in', () => {
  for (const r of CHILD_ROUTES) {
    it(`${r.method} ${r.path.toString().replace(/.*`(.*)`.*/s, '$1')}`, async () => {
      const expected: Record<Who, number> = { none: 401, sanne: r.ok, joris: 404, adminB: 404 }
      for (const who of WHO) {
        const res = await users[who].request(r.method, r.path(), r.body?.())
        expect(res.status, `${who}`).toBe(expected[who])
        if (res.status >= 400) expect(Object.keys(res.body as object)).toEqual(['error'])
      }
    })
  }
})

describe('team-wide routes are scoped to the caller', () => {
  it('the caseload shows only the own team', async () => {
    expect((await users.none.get('/api/workspace/caseload')).status).toBe(401)
    const mine = await users.sanne.get('/api/workspace/caseload')
    expect(mine.status).toBe(200)
    expect(JSON.stringify(mine.body)).toContain(child.childId)
    for (const who of ['joris', 'adminB'] as const) {
      const caseload = await users[who].get('/api/workspace/caseload')
      expect(caseload.status).toBe(200)
      expect(JSON.stringify(caseload.body)).not.toContain(child.childId)
    }
  })

  it('creating children needs a login and lands in the own team', async () => {
    expect(
      (await users.none.post<CaseloadChild>('/api/workspace/children', { nickname: 'Lot', ageBand: '4-7' })).status,
    ).toBe(401)
    const made = await users.joris.post<CaseloadChild>('/api/workspace/children', {
      nickname: 'Lot',
      ageBand: '4-7',
      newFamily: 'Gezin J',
    })
    expect(made.status).toBe(201)
    expect((await users.sanne.get(`/api/workspace/children/${made.body.id}`)).status).toBe(404)
    // Joris's family cannot be borrowed by sanne's team either.
    const borrow = await users.sanne.request('PUT', `/api/workspace/children/${child.childId}`, {
      familyId: made.body.familyId,
    })
    expect(borrow.status).toBe(404)
  })

  it('me, logout and logout-everywhere need a login', async () => {
    expect((await users.none.get('/api/auth/me')).status).toBe(401)
    expect((await users.none.post('/api/auth/logout-everywhere')).status).toBe(401)
    for (const who of ['sanne', 'joris', 'adminB'] as const)
      expect((await users[who].get('/api/auth/me')).status).toBe(200)
  })

  it('session answers "not logged in" without a 401, and names who is', async () => {
    const none = await users.none.get('/api/auth/session')
    expect(none.status).toBe(200)
    expect(none.body).toEqual({ me: null })
    const sanne = await users.sanne.get('/api/auth/session')
    expect(sanne.status).toBe(200)
    expect((sanne.body as { me: { displayName: string } }).me.displayName).toBe('Sanne')
  })
})

describe('beheer: admins of the own organisation only', () => {
  const BEHEER: Route[] = [
    { method: 'GET', path: () => '/api/beheer', ok: 200 },
    { method: 'POST', path: () => '/api/beheer/teams', body: () => ({ name: 'A3' }), ok: 201 },
    {
      method: 'POST',
      path: () => `/api/beheer/begeleiders/${spareBegeleider}/password`,
      body: () => ({ password: 'another long password' }),
      ok: 200,
    },
    {
      method: 'POST',
      path: () => `/api/beheer/begeleiders/${spareBegeleider}/end-sessions`,
      body: () => ({}),
      ok: 200,
    },
    { method: 'POST', path: () => `/api/beheer/begeleiders/${spareBegeleider}/deactivate`, body: () => ({}), ok: 200 },
    { method: 'POST', path: () => `/api/beheer/begeleiders/${spareBegeleider}/activate`, body: () => ({}), ok: 200 },
    {
      method: 'POST',
      path: () => `/api/beheer/children/${child.childId}/move`,
      body: () => ({ teamId: ids.a.teamId, begeleiderId: ids.a1 }),
      ok: 200,
    },
  ]
  for (const r of BEHEER) {
    it(`${r.method} ${r.path.toString().replace(/.*`(.*)`.*/s, '$1')}`, async () => {
      const expected: Record<Who, number> = {
        none: 401,
        sanne: 403,
        joris: 403,
        adminB: r.path() === '/api/beheer' || r.path() === '/api/beheer/teams' ? r.ok : 404,
      }
      for (const who of WHO) {
        const res = await users[who].request(r.method, r.path(), r.body?.())
        expect(res.status, who).toBe(expected[who])
      }
      expect((await adminA.request(r.method, r.path(), r.body?.())).status).toBe(r.ok)
    })
  }

  it("admin-b's overview holds nothing of organisation A, and cannot add people to A's teams", async () => {
    const view = await users.adminB.get('/api/beheer')
    const text = JSON.stringify(view.body)
    for (const id of [ids.a.teamId, ids.a2Team, ids.a1, ids.a2, child.childId]) expect(text).not.toContain(id)
    const intrude = await users.adminB.post('/api/beheer/begeleiders', {
      teamId: ids.a.teamId,
      username: 'intruder',
      displayName: 'X',
      password: 'a long enough password',
    })
    expect(intrude.status).toBe(404)
    const move = await users.adminB.post(`/api/beheer/children/${child.childId}/move`, {
      teamId: ids.b.teamId,
      begeleiderId: ids.b.begeleiderId,
    })
    expect(move.status).toBe(404)
  })
})

describe('socket events follow the same matrix', () => {
  it('gesprek:join and gesprek:command', async () => {
    const none = connect(server.url, {})
    sockets.push(none)
    await expect(connected(none)).rejects.toThrow('not_logged_in')
    const expected: Record<Exclude<Who, 'none'>, boolean> = { sanne: true, joris: false, adminB: false }
    for (const who of ['sanne', 'joris', 'adminB'] as const) {
      const s = connect(server.url, { cookie: users[who].cookie })
      sockets.push(s)
      await connected(s)
      const join = await emitAck(s, 'gesprek:join', { gesprekId: child.gesprekId })
      expect(join.ok, who).toBe(expected[who])
      const note = await emitAck(s, 'gesprek:command', {
        gesprekId: child.gesprekId,
        clientMsgId: msgId(),
        event: { type: 'note.add', note: { id: `note-${who}-0001`, text: 'gezien' } },
      })
      expect(note.ok, who).toBe(expected[who])
      if (!expected[who]) expect(errorOf(note)).toBe('not_found')
      s.disconnect()
    }
  })
})
