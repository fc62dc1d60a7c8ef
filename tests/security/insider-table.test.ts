import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { C2S } from '../../dialogs/contract/socket'
import { GesprekEvent } from '../../dialogs/framework/events'
import { SHARE_LEVELS } from '../../dialogs/sharing'
import { createKamerInvite, setupKamer } from '../../server/auth/kamer'
import { createSession, sessionPrincipal } from '../../server/auth/sessions'
import { createApp } from '../../server/http/app'
import {
  connect,
  connected,
  emitAck,
  HttpUser,
  msgId,
  seedOrganisations,
  startTestServer,
  type TestServer,
} from '../helpers/server'

/**
 * The insiders' table (issue 17): every route of the Hono app (read from `app.routes`, so a new route is
 * tried without anyone adding it here) and every socket event, tried by a begeleider of the child's own
 * team and by an admin of the organisation, alone and in combination: codes and tokens any answer hands
 * out are redeemed and used (mint-and-redeem, re-invite-and-setup), and every page, print, export and
 * history is read. A success is any answer that holds an `alleen-ik` canary, or any level that moved.
 */
const INFRASTRUCTURE = new Set(['ALL /*', 'ALL /api/*', 'GET /*'])
/** Routes that end the fixture (erasure) or the actor's own session: tried last. */
const LAST = [/\/erase$/, /\/close$/, /\/move$/, /logout/, /deactivate$/, /password$/, /end-sessions$/]

const CANARY_GUIDED = 'CANARY-G-nieuw-adres-Lindelaan-7'
const CANARY_FOLLOW = 'CANARY-F-oma-weet-het'
const CANARY_KAMER = 'CANARY-K-ik-wil-weg'
const CANARIES = [CANARY_GUIDED, CANARY_FOLLOW, CANARY_KAMER]

function registeredRoutes(): string[] {
  const app = createApp({} as never, {} as never, {} as never, { distDir: '/nonexistent' })
  return [...new Set(app.routes.map((r) => `${r.method} ${r.path}`))].filter((r) => !INFRASTRUCTURE.has(r))
}

let server: TestServer
let ids: Awaited<ReturnType<typeof seedOrganisations>>
const fx = {
  mo: '',
  sam: '',
  family: '',
  guided: '',
  kamerGesprek: '',
  secretItems: [] as { gesprekId: string; itemId: string }[],
  targetBegeleider: '',
}

/** Both children of team A1, each with something they keep to themselves. */
async function seedChildren() {
  const sanne = new HttpUser(server.url)
  sanne.cookie = `kg_session=${await createSession(server.deps, ids.a1)}`
  const mo = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Mo', ageBand: '8-12' })
  fx.mo = mo.body.id
  // Mo and Sam are siblings: the family's preparation is tried like every child's.
  fx.family = (await sanne.request('PUT', `/api/workspace/children/${fx.mo}`, { newFamily: 'Gezin M.' })).body.familyId
  const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: fx.mo, toolId: 'drie-huizen' })
  fx.guided = g.body.gesprek.id
  const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })
  const kind = connect(server.url, { token: joined.body.token })
  await connected(kind)
  const send = (gesprekId: string, event: unknown) =>
    emitAck(kind, 'gesprek:command', { gesprekId, clientMsgId: msgId(), event })
  await send(fx.guided, { type: 'nav.next' })
  await send(fx.guided, { type: 'item.add', item: { id: 'item-secret-g', text: CANARY_GUIDED } })
  await send(fx.guided, {
    type: 'item.update',
    itemId: 'item-secret-g',
    patch: { followUps: { 'wie-weet': CANARY_FOLLOW } },
  })
  await send(fx.guided, { type: 'item.add', item: { id: 'item-shared-g', text: 'gedeeld antwoord' } })
  const set = await send(fx.guided, { type: 'share.set', itemIds: ['item-secret-g'], level: 'alleen-ik' })
  expect(set.ok).toBe(true)
  kind.disconnect()
  fx.secretItems.push({ gesprekId: fx.guided, itemId: 'item-secret-g' })

  const sam = await sanne.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand: '12-15' })
  fx.sam = sam.body.id
  await sanne.request('PUT', `/api/workspace/children/${fx.sam}`, { familyId: fx.family })
  const p = await sessionPrincipal(server.deps, sanne.cookie.split('=')[1])
  const { code } = await createKamerInvite(server.deps, p!, { id: fx.sam, age_band: '12-15' })
  const { token } = await setupKamer(server.deps, code, 'de kamer van sam', 'een lange zin van sam')
  const made = await new HttpUser(server.url, token).post('/api/kamer/gesprekken', { toolId: 'kamer-notities' })
  fx.kamerGesprek = made.body.gesprek?.id ?? made.body.id
  const jongere = connect(server.url, { token })
  await connected(jongere)
  await emitAck(jongere, 'gesprek:command', {
    gesprekId: fx.kamerGesprek,
    clientMsgId: msgId(),
    event: { type: 'nav.next' },
  })
  const note = await emitAck(jongere, 'gesprek:command', {
    gesprekId: fx.kamerGesprek,
    clientMsgId: msgId(),
    event: { type: 'item.add', item: { id: 'item-secret-k', text: CANARY_KAMER } },
  })
  expect(note.ok).toBe(true)
  jongere.disconnect()
  fx.secretItems.push({ gesprekId: fx.kamerGesprek, itemId: 'item-secret-k' })
}

type Loot = { value: string; from: string }
const INSIDER_KAMER = { name: 'kamer van de begeleider', secret: 'een eigen lange zin' }
type Success = { who: string; how: string; what: string }

beforeAll(async () => {
  server = await startTestServer({ retentionDays: false })
  ids = await seedOrganisations(server)
  fx.targetBegeleider = ids.a2
  await seedChildren()
}, 60_000)
afterAll(async () => server?.stop())

const leaks = (text: string) => CANARIES.filter((c) => text.includes(c))

/** Concrete paths for one route: every way its parameters can name one of the two children or gesprekken. */
function pathsFor(path: string): string[] {
  if (path.startsWith('/api/gesprekken/:id')) return [fx.guided, fx.kamerGesprek].map((g) => path.replace(':id', g))
  if (path.includes('/begeleiders/:id')) return [path.replace(':id', fx.targetBegeleider)]
  if (path.includes('/families/:id')) return [path.replace(':id', fx.family)]
  if (path.includes(':childId') || path.includes(':id'))
    return [fx.mo, fx.sam].map((c) => path.replace(/:childId|:id/, c))
  return [path]
}

function bodyFor(route: string, child: string, loot: Loot[]): unknown {
  const latest = (from: RegExp) => loot.filter((l) => l.from.endsWith('code') && from.test(l.from)).at(-1)?.value
  const joinCode = latest(/gesprekken/) ?? 'ABCD-EFGH'
  const inviteCode = latest(/kamer\/children/) ?? 'ABCD-EFGH'
  if (route === 'POST /api/kind/join') return { code: joinCode }
  // The insider's own name and PIN: they do not know the jongere's.
  if (route === 'POST /api/kamer/setup')
    return { code: inviteCode, name: INSIDER_KAMER.name, secret: INSIDER_KAMER.secret }
  if (route === 'POST /api/kamer/open') return INSIDER_KAMER
  if (route === 'POST /api/kamer/invite/check') return { code: inviteCode }
  if (route === 'POST /api/gesprekken') return { childId: child || fx.mo, toolId: 'drie-huizen' }
  if (route === 'POST /api/kamer/gesprekken') return { toolId: 'kamer-notities' }
  if (route.endsWith('/move')) return { teamId: ids.a2Team, begeleiderId: ids.a2 }
  if (route.startsWith('PUT /api/workspace/children/:id') && !route.includes('draft')) return { nickname: 'Mo2' }
  // Canary: a plan that cites an alleen-ik answer must be refused, so no screen or sheet can print it.
  const secret = fx.secretItems.map(({ gesprekId, itemId }) => ({ gesprekId, itemId }))
  if (route === 'PUT /api/plans/children/:id/actieplan')
    return { goals: [{ id: 'goal-canary', text: 'doel', citations: secret }] }
  if (route === 'PUT /api/plans/children/:id/veiligheidsplan')
    return {
      worries: [],
      mustHappen: [],
      whoDoesWhat: [],
      citations: secret,
      childVersion: [{ picture: 'home', text: 'kort' }],
      agreements: [],
    }
  return {}
}

/** Codes and tokens anywhere in an answer: the next calls redeem and use them. */
function collect(value: unknown, from: string, into: Loot[]) {
  if (value === null || typeof value !== 'object') return
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && (k === 'code' || k === 'token')) into.push({ value: v, from: `${from} ${k}` })
    else collect(v, from, into)
  }
}

async function trySocket(who: string, creds: { cookie?: string; token?: string }, how: string, successes: Success[]) {
  const socket = connect(server.url, creds)
  const seen: string[] = []
  socket.on('gesprek:view', (v) => seen.push(JSON.stringify(v)))
  socket.on('gesprek:patch', (v) => seen.push(JSON.stringify(v)))
  try {
    if (
      !(await connected(socket).then(
        () => true,
        () => false,
      ))
    )
      return
    for (const gesprekId of [fx.guided, fx.kamerGesprek]) {
      const join = await emitAck(socket, 'gesprek:join', { gesprekId })
      for (const c of leaks(JSON.stringify(join))) successes.push({ who, how: `${how} gesprek:join`, what: c })
      // Every event type, the private items as target: levels, edits, removals, notes, worry marks.
      for (const { itemId, gesprekId: g } of fx.secretItems.filter((s) => s.gesprekId === gesprekId)) {
        const events: unknown[] = [
          ...SHARE_LEVELS.filter((l) => l !== 'alleen-ik').map((level) => ({
            type: 'share.set',
            itemIds: [itemId],
            level,
          })),
          { type: 'item.update', itemId, patch: { text: 'overschreven' } },
          { type: 'worry.mark', itemId, on: true },
          { type: 'note.add', note: { id: `note-${Math.random().toString(36).slice(2, 10)}`, text: 'x', itemId } },
        ]
        for (const event of events) {
          expect(GesprekEvent.safeParse(event).success).toBe(true)
          const ack = await emitAck(socket, 'gesprek:command', { gesprekId: g, clientMsgId: msgId(), event })
          for (const c of leaks(JSON.stringify(ack))) successes.push({ who, how: `${how} command`, what: c })
        }
      }
      const answer = await emitAck(socket, 'device:answer', { gesprekId, deviceId: 'no-such-device-1', allow: true })
      if (answer.ok) successes.push({ who, how: `${how} device:answer`, what: 'approved a screen' })
    }
    await new Promise((r) => setTimeout(r, 150))
    for (const frame of seen) for (const c of leaks(frame)) successes.push({ who, how: `${how} frame`, what: c })
  } finally {
    socket.disconnect()
  }
}

/** What the table found; filled by the first test, judged by the ones after. */
const found: Success[] = []
const tokens: (Loot & { who: string })[] = []

describe('insiders cannot read an alleen-ik answer or change a level (issue 17)', () => {
  it('tries every route and socket event as a begeleider of the own team and as an admin', async () => {
    const routes = registeredRoutes()
    expect(routes.length).toBeGreaterThan(40)
    expect(Object.keys(C2S).sort()).toEqual(['device:answer', 'gesprek:command', 'gesprek:join'])
    const ordered = [
      ...routes.filter((r) => !LAST.some((x) => x.test(r))),
      ...routes.filter((r) => LAST.some((x) => x.test(r))),
    ]
    for (const who of ['begeleider', 'admin'] as const) {
      const loot: Loot[] = []
      const session = async () => {
        const u = new HttpUser(server.url)
        u.cookie = `kg_session=${await createSession(server.deps, who === 'admin' ? ids.a.begeleiderId : ids.a1)}`
        return u
      }
      // Twice over the non-final routes: codes minted in the first pass are redeemed in the second.
      const passes = [ordered.filter((r) => !LAST.some((x) => x.test(r))), ordered]
      for (const pass of passes)
        for (const route of pass) {
          if (LAST.some((x) => x.test(route)) && route.includes('erase')) continue // erasure: its own test below
          const [method, path] = route.split(' ') as [string, string]
          for (const url of pathsFor(path)) {
            const user = await session()
            const child = url.includes(fx.sam) ? fx.sam : url.includes(fx.mo) ? fx.mo : ''
            const res = await user.request(method, url, method === 'GET' ? undefined : bodyFor(route, child, loot))
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body)
            for (const c of leaks(text)) found.push({ who, how: `${method} ${url}`, what: c })
            collect(res.body, route, loot)
          }
        }
      // Every token handed out is used: its pages and its socket.
      for (const t of loot.filter((l) => l.from.endsWith('token'))) tokens.push({ ...t, who })
      for (const t of loot.filter((l) => l.from.endsWith('token'))) {
        for (const route of routes.filter((r) => r.startsWith('GET /api/kind') || r.startsWith('GET /api/kamer/'))) {
          const [, path] = route.split(' ') as [string, string]
          if (path.includes(':')) continue
          const res = await new HttpUser(server.url, t.value).get(path)
          for (const c of leaks(JSON.stringify(res.body))) found.push({ who, how: `${t.from} → GET ${path}`, what: c })
        }
        await trySocket(who, { token: t.value }, t.from, found)
      }
      const me = await session()
      await trySocket(who, { cookie: me.cookie }, 'own session', found)
    }
  }, 240_000)

  it('mint-and-redeem, export, print, history and every page: zero successes', () => {
    const kamerTakeover = (s: Success) => /kamer\/(setup|open)/.test(s.how)
    expect(found.filter((s) => !kamerTakeover(s))).toEqual([])
    // The table did redeem codes it was handed: the combinations were really tried.
    expect(tokens.some((t) => t.from.includes('/api/kind/join'))).toBe(true)
  })

  // Re-invite-and-setup: a new invite opens a new, empty kamer; the old one stays sealed under the PIN.
  it('re-invite-and-setup: zero successes', async () => {
    expect(tokens.some((t) => t.from.includes('/api/kamer/setup'))).toBe(true)
    expect(found.filter((s) => /kamer\/(setup|open)/.test(s.how))).toEqual([])
    // The kamer is sealed under the jongere's PIN: without it even the host reads none of its items.
    const closed = await server.host.view(fx.kamerGesprek, 'kind')
    expect(JSON.stringify(closed.view)).not.toContain('item-secret-k')
    // Only a kamer token reaches the kamer's items: a moved level there came through the takeover.
    // The table's calls (lock, re-invite) leave Sam's kamer closed; only the right name and PIN open it again.
    const reopened = await new HttpUser(server.url).post('/api/kamer/open', {
      name: 'de kamer van sam',
      secret: 'een lange zin van sam',
    })
    expect(reopened.status).toBe(200)
    const { view } = await server.host.view(fx.kamerGesprek, 'kind')
    expect(view.items.find((i) => i.id === 'item-secret-k')?.share).toBe('alleen-ik')
  })

  it('a plan citing an alleen-ik answer was refused, and no plan or sheet holds it', async () => {
    const sanne = new HttpUser(server.url)
    sanne.cookie = `kg_session=${await createSession(server.deps, ids.a1)}`
    for (const type of ['actieplan', 'veiligheidsplan']) {
      const cited = await sanne.request(
        'PUT',
        `/api/plans/children/${fx.mo}/${type}`,
        bodyFor(`PUT /api/plans/children/:id/${type}`, fx.mo, []),
      )
      expect(cited.body).toEqual({ error: 'citation_not_shared' })
      for (const path of [`/api/plans/children/${fx.mo}/${type}`, `/api/plans/children/${fx.mo}/${type}/print`]) {
        const res = await sanne.get(path)
        expect(res.status).toBe(200)
        expect(leaks(JSON.stringify(res.body))).toEqual([])
        expect(JSON.stringify(res.body)).not.toContain('item-secret-g')
      }
    }
  })

  it('every private answer of the guided gesprek is still alleen-ik, and in no export', async () => {
    for (const { gesprekId, itemId } of fx.secretItems.filter((s) => s.gesprekId === fx.guided)) {
      const { view } = await server.host.view(gesprekId, 'kind')
      const item = view.items.find((i) => i.id === itemId)
      expect(item?.share, `${itemId}`).toBe('alleen-ik')
      expect(JSON.stringify(item)).not.toContain('overschreven')
    }
    const admin = new HttpUser(server.url)
    admin.cookie = `kg_session=${await createSession(server.deps, ids.a.begeleiderId)}`
    for (const child of [fx.mo, fx.sam]) {
      const exported = await admin.get(`/api/beheer/children/${child}/export`)
      expect(leaks(JSON.stringify(exported.body))).toEqual([])
    }
  })
})
