import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { NewGesprekOut } from '../../dialogs/contract/http'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { C2S } from '../../dialogs/contract/socket'
import { createBegeleider } from '../../server/auth/accounts'
import { redeemJoinCode } from '../../server/auth/join-codes'
import { createKamerInvite, setupKamer } from '../../server/auth/kamer'
import { createSession, sessionPrincipal } from '../../server/auth/sessions'
import { createApp } from '../../server/http/app'
import { oggOpus } from '../helpers/audio'
import { ACTORS, MATRIX, SOCKET_MATRIX, type Actor, type Fixture } from './authz-expectations'
import {
  connect,
  connected,
  emitAck,
  HttpUser,
  msgId,
  PASSWORD,
  seedOrganisations,
  startTestServer,
  type TestServer,
} from '../helpers/server'

/**
 * The authorisation matrix (docs/security.md): every HTTP route and socket event × every kind of caller → allowed or denied, as
 * documented in docs/security.md ("Authorisation matrix"). The routes are read from the Hono app
 * itself: a route without a row here fails the test, so nothing new slips through unclassified.
 *
 * Denied means a 401/403/404 with only `{error: <code>}` in the body. Allowed means authorisation let
 * the call through: any answer that is not one of those denials (a 400 for a body the matrix does not
 * bother to make valid is still "allowed").
 */
/** Middleware and the static client: not routes with an owner of their own (covered below separately). */
const INFRASTRUCTURE = new Set(['ALL /*', 'ALL /api/*', 'GET /*'])

const DENY_CODES = new Set(['not_logged_in', 'forbidden', 'not_found', 'session_expired'])

function registeredRoutes(): string[] {
  const app = createApp({} as never, {} as never, {} as never, { distDir: '/nonexistent' })
  return [...new Set(app.routes.map((r) => `${r.method} ${r.path}`))]
}

let server: TestServer
let ids: Awaited<ReturnType<typeof seedOrganisations>>

beforeAll(async () => {
  server = await startTestServer({ retentionDays: false })
  ids = await seedOrganisations(server)
})
afterAll(async () => server?.stop())

/** Fresh objects and fresh credentials per route, so a logout or an erasure in one row cannot colour the next. */
async function fixture(route: string) {
  const cookie = async (id: string) => `kg_session=${await createSession(server.deps, id)}`
  // A jongere of the same team with a kamer of their own, made directly (the HTTP setup is rate limited).
  const kamerToken = async (makerCookie: string) => {
    const child = await maker.post<CaseloadChild>('/api/workspace/children', { nickname: 'Kamer', ageBand: '12-15' })
    const p = await sessionPrincipal(server.deps, makerCookie.split('=')[1])
    const { code } = await createKamerInvite(server.deps, p!, { id: child.body.id, age_band: '12-15' })
    const name = `matrix ${Math.random().toString(36).slice(2, 10)}`
    return (await setupKamer(server.deps, code, name, 'een lange zin voor de matrix')).token
  }
  // A session of its own: a logout-everywhere row must not take the fixture maker down with it.
  const maker = new HttpUser(server.url)
  maker.cookie = await cookie(ids.a1)
  const gesprek = async () => {
    const child = await maker.post<CaseloadChild>('/api/workspace/children', { nickname: 'Matrix', ageBand: '8-12' })
    const g = await maker.post<NewGesprekOut>('/api/gesprekken', { childId: child.body.id, toolId: 'drie-huizen' })
    const joined = await redeemJoinCode(server.deps, String(g.body.join!.code).replace('-', ''))
    return { childId: child.body.id, gesprekId: g.body.gesprek.id, token: joined.token }
  }
  const mine = await gesprek()
  const other = await gesprek()
  const targetBegeleiderId = route.includes('/begeleiders/:id')
    ? await createBegeleider(server.deps, {
        teamId: ids.a.teamId,
        username: `doel-${Math.random().toString(36).slice(2, 8)}`,
        displayName: 'Doel',
        password: PASSWORD,
        role: 'begeleider',
      })
    : ''
  const creds: Record<Actor, { cookie?: string; bearer?: string }> = {
    anonymous: {},
    kind: { bearer: mine.token },
    kindOther: { bearer: other.token },
    begTeam: { cookie: await cookie(ids.a1) },
    begOtherTeam: { cookie: await cookie(ids.a2) },
    adminOtherOrg: { cookie: await cookie(ids.b.begeleiderId) },
    adminSameOrg: { cookie: await cookie(ids.a.begeleiderId) },
    kamer: { bearer: await kamerToken(maker.cookie) },
  }
  // A family holding the fixture child, for the siblings' routes.
  const familyId = route.includes('/families/:id')
    ? ((await maker.request('PUT', `/api/workspace/children/${mine.childId}`, { newFamily: 'Gezin M.' })).body
        .familyId as string)
    : ''
  const f: Fixture = {
    childId: mine.childId,
    familyId,
    gesprekId: mine.gesprekId,
    targetBegeleiderId,
    teamA2: ids.a2Team,
    joris: ids.a2,
    voiceEtag: route.includes('/api/voices/') ? await recordVoice(creds.adminSameOrg.cookie!) : '',
    taskId: route.includes('/tasks/:id') ? await taskFor(mine.childId, mine.gesprekId) : '',
  }
  return { f, creds, tokens: { mine, other } }
}

/** The huisdier task a shared pet answer makes (the task itself is tested in tests/server/tasks.test.ts). */
async function taskFor(childId: string, gesprekId: string): Promise<string> {
  const id = `taak${Math.random().toString(36).slice(2, 10)}`
  await server.deps.db
    .insertInto('tasks')
    .values({
      id,
      child_id: childId,
      type: 'huisdier-opvang',
      gesprek_id: gesprekId,
      item_id: 'pet-item',
      created_at: new Date().toISOString(),
      done_at: null,
      done_by: null,
    })
    .execute()
  return id
}

/** admin-a records the Drie huizen's title in Dutch (the fixture gesprek's tool); the same bytes, the same etag. */
async function recordVoice(cookie: string): Promise<string> {
  const res = await fetch(`${server.url}/api/voices/tools/drie-huizen/1/nl/intro.title`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'audio/ogg' },
    body: Buffer.from(oggOpus(1)),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { etag: string }).etag
}

function concretePath(path: string, f: Fixture): string {
  return path
    .replace(':toolId/:version', 'drie-huizen/1')
    .replace(':gesprekId', f.gesprekId)
    .replace(':lang', 'nl')
    .replace(':key', 'intro.title')
    .replace(':etag', f.voiceEtag)
    .replace(':toolId', 'stoplicht')
    .replace(':version', '1')
    .replace(/\/tasks\/:id/, `/tasks/${f.taskId}`)
    .replace(/^\/api\/gesprekken\/:id/, `/api/gesprekken/${f.gesprekId}`)
    .replace(/\/begeleiders\/:id/, `/begeleiders/${f.targetBegeleiderId}`)
    .replace(/\/families\/:id/, `/families/${f.familyId}`)
    .replace(/:childId|:id/, f.childId)
}

describe('authorisation matrix', () => {
  it('has an expectation row for every registered route, and no stale rows', () => {
    const routes = registeredRoutes().filter((r) => !INFRASTRUCTURE.has(r))
    const unclassified = routes.filter((r) => !(r in MATRIX))
    expect(unclassified, 'routes without a row in MATRIX (add one, and to docs/security.md)').toEqual([])
    expect(
      Object.keys(MATRIX).filter((r) => !routes.includes(r)),
      'rows for routes that no longer exist',
    ).toEqual([])
  })

  it('documents every route and socket event in docs/security.md', () => {
    const doc = readFileSync('docs/security.md', 'utf8')
    const missing = [...Object.keys(MATRIX), ...Object.keys(SOCKET_MATRIX)].filter((r) => !doc.includes(`\`${r}\``))
    expect(missing).toEqual([])
  })

  it('has a row for every socket event in the contract', () => {
    expect(Object.keys(SOCKET_MATRIX).sort()).toEqual(Object.keys(C2S).sort())
  })

  for (const [route, row] of Object.entries(MATRIX)) {
    it(`${route}`, async () => {
      const { f, creds } = await fixture(route)
      const [method, path] = route.split(' ') as [string, string]
      const url = concretePath(path, f)
      // Denied callers first, so an allowed destructive call (logout, erase) runs last.
      const order = [...ACTORS].sort((a, b) => Number(row.allow.includes(a)) - Number(row.allow.includes(b)))
      const wrong: string[] = []
      for (const actor of order) {
        const user = new HttpUser(server.url, creds[actor].bearer)
        user.cookie = creds[actor].cookie ?? ''
        const body = method === 'GET' ? undefined : (row.body?.(f) ?? {})
        const res = await user.request(method, url, body)
        const code = (res.body as { error?: string } | null)?.error
        const denied = [401, 403, 404].includes(res.status) && typeof code === 'string' && DENY_CODES.has(code)
        if (row.allow.includes(actor)) {
          if (denied || res.status >= 500) wrong.push(`${actor}: expected allowed, got ${res.status} ${code}`)
        } else if (!denied)
          wrong.push(`${actor}: expected denied, got ${res.status} ${JSON.stringify(res.body).slice(0, 60)}`)
        else if (Object.keys(res.body as object).join() !== 'error')
          wrong.push(`${actor}: a denial carried more than a code`)
      }
      expect(wrong).toEqual([])
    })
  }

  it('answers unknown API paths with not_found for everyone (deny by default)', async () => {
    const { creds } = await fixture('unknown')
    for (const actor of ACTORS) {
      const user = new HttpUser(server.url, creds[actor].bearer)
      user.cookie = creds[actor].cookie ?? ''
      for (const [m, p] of [
        ['GET', '/api/ouders'],
        ['POST', '/api/workspace/children/../beheer'],
        ['DELETE', '/api/workspace/children'],
        ['GET', '/api/admin/export'],
      ] as const) {
        const res = await user.request(m, p, m === 'GET' ? undefined : {})
        expect([404, 405], `${actor} ${m} ${p}`).toContain(res.status)
      }
    }
  })

  for (const [event, allow] of Object.entries(SOCKET_MATRIX)) {
    it(`socket ${event}`, async () => {
      const { f, creds } = await fixture(event)
      const wrong: string[] = []
      for (const actor of ACTORS) {
        const c = creds[actor]
        const socket = connect(server.url, { token: c.bearer, cookie: c.cookie })
        try {
          const ok = await connected(socket).then(
            () => true,
            () => false,
          )
          if (!ok) {
            if (allow.includes(actor)) wrong.push(`${actor}: handshake refused`)
            continue
          }
          if (actor === 'anonymous') wrong.push('anonymous got a socket')
          const payload =
            event === 'gesprek:join'
              ? { gesprekId: f.gesprekId }
              : event === 'device:answer'
                ? { gesprekId: f.gesprekId, deviceId: 'no-such-device-1', allow: true }
                : {
                    gesprekId: f.gesprekId,
                    clientMsgId: msgId(),
                    // Each role sends an event it may send in principle: the matrix tests the gesprek scope.
                    event: actor.startsWith('kind')
                      ? { type: 'nav.next' }
                      : {
                          type: 'note.add',
                          note: { id: `note-${Math.random().toString(36).slice(2, 10)}`, text: 'matrix' },
                        },
                  }
          const ack = await emitAck(socket, event, payload)
          if (allow.includes(actor) && !ack.ok) wrong.push(`${actor}: expected allowed, got ${ack.error}`)
          if (!allow.includes(actor) && (ack.ok || !DENY_CODES.has(ack.error)))
            wrong.push(`${actor}: expected denied, got ${JSON.stringify(ack)}`)
        } finally {
          socket.disconnect()
        }
      }
      expect(wrong).toEqual([])
    })
  }
})
