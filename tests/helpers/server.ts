import type { CaseloadChild } from '../../dialogs/contract/workspace'
import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io as ioClient, type Socket } from 'socket.io-client'
import { startServer, type RunningServer, type ServerOptions } from '../../server/app'
import { createBegeleider, createOrganisation, createTeam } from '../../server/auth/accounts'
import type { Clock } from '../../server/clock'
import type { Ack, C2SName, ClientToServerEvents, ServerToClientEvents } from '../../dialogs/contract/socket'
import { GesprekView } from '../../dialogs/contract/view'
import { onGesprekView, ViewSeqs } from '../../client/net/join'
import { createLogger } from '../../server/log'
import { databaseFor } from './services'
import { loadInstanceKey } from '../../server/crypto/keys'
import { dialectOf, type Db } from '../../server/store/db'
import { sql } from 'kysely'

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export const tempDir = (prefix = 'kg-test-') => mkdtempSync(join(tmpdir(), prefix))

/** A manual clock for expiry tests: the only thing we fake. */
export function fakeClock(start = Date.parse('2026-11-22T09:00:00Z')): Clock & { advance: (ms: number) => void } {
  let now = start
  return { now: () => now, advance: (ms) => void (now += ms) }
}

/** Every log line the server wrote, for canary checks. */
export function captureLog() {
  const lines: string[] = []
  return { lines, log: createLogger((l) => lines.push(l)) }
}

export type TestServer = RunningServer & {
  dataDir: string
  /** The environment a CLI or server process needs to reach the same store (DATA_DIR, or PostgreSQL + Redis). */
  env: Record<string, string>
  stop: () => Promise<void>
}

/** The instance key test servers use on PostgreSQL (there is no key file there). */
export const TEST_INSTANCE_KEY = Buffer.alloc(32, 7).toString('base64')

/** Which store the tests run on: KG_STORE=postgres (with the global setup's servers) or SQLite. */
export const onPostgres = () => Boolean(process.env.KG_TEST_PG_ADMIN_URL)

/**
 * Store options for a server on `dataDir`. On PostgreSQL a database of its own per data folder (a restart
 * on the same folder finds the same database) and a Redis prefix of the same name.
 */
export async function storeOptionsFor(dataDir: string): Promise<Partial<ServerOptions>> {
  const admin = process.env.KG_TEST_PG_ADMIN_URL
  if (!admin) return {}
  const databaseUrl = await databaseFor(admin, dataDir)
  return {
    databaseUrl,
    instanceKey: TEST_INSTANCE_KEY,
    redisUrl: process.env.KG_TEST_REDIS_URL,
    redisPrefix: new URL(databaseUrl).pathname.slice(1),
  }
}

/** The environment variables that select the same store as `store` does. */
export function storeEnv(dataDir: string, store: Partial<ServerOptions>): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    ...(store.databaseUrl
      ? {
          DATABASE_URL: store.databaseUrl,
          KINDGESPREK_KEY: store.instanceKey!,
          REDIS_URL: store.redisUrl!,
          REDIS_PREFIX: store.redisPrefix!,
        }
      : {}),
  }
}

/** The instance key of a test server's store (the key file on SQLite, TEST_INSTANCE_KEY on PostgreSQL). */
export function instanceKeyOf(server: { dataDir: string }): Buffer {
  return onPostgres() ? Buffer.from(TEST_INSTANCE_KEY, 'base64') : loadInstanceKey(server.dataDir, undefined)
}

/**
 * Everything the store holds, read through the store itself: every row of every table as text. A canary
 * that shows up here was stored readable. (SQLite's file bytes, WAL and free pages included, are checked
 * on top of this where the test is about the file.)
 */
export async function storedText(db: Db): Promise<string> {
  const tables =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
  const out: string[] = []
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)
    out.push(name, JSON.stringify(rows.rows))
  }
  return out.join('\n')
}

/** A real server on port 0 with a real SQLite file in a temp folder (or PostgreSQL + Redis: KG_STORE). */
export async function startTestServer(opts: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir()
  const store = opts.databaseUrl ? {} : await storeOptionsFor(dataDir)
  const server = await startServer({ log: createLogger(() => undefined), ...store, ...opts, dataDir, port: 0 })
  return {
    ...server,
    dataDir,
    env: storeEnv(dataDir, { ...store, ...opts }),
    stop: async () => {
      await server.close()
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export const PASSWORD = 'correct horse battery'

/** Organisation A with teams A1 and A2, organisation B with team B1; one begeleider each, plus an admin in A. */
export async function seedOrganisations(server: RunningServer) {
  const a = await createOrganisation(server.deps, {
    organisation: 'Opvang A',
    team: 'A1',
    username: 'admin-a',
    displayName: 'Admin A',
    password: PASSWORD,
    role: 'admin',
  })
  const a1 = await createBegeleider(server.deps, {
    teamId: a.teamId,
    username: 'sanne',
    displayName: 'Sanne',
    password: PASSWORD,
    role: 'begeleider',
  })
  const a2Team = await createTeam(server.deps, a.organisationId, 'A2')
  const a2 = await createBegeleider(server.deps, {
    teamId: a2Team,
    username: 'joris',
    displayName: 'Joris',
    password: PASSWORD,
    role: 'begeleider',
  })
  const b = await createOrganisation(server.deps, {
    organisation: 'Opvang B',
    team: 'B1',
    username: 'admin-b',
    displayName: 'Admin B',
    password: PASSWORD,
    role: 'admin',
  })
  return { a, a1, a2, a2Team, b }
}

/**
 * An HTTP answer as a test reads it. The caller names the body's type where it reads its fields
 * (`post<NewGesprekOut>(…)`); without one it is `any`, which only the test files that eslint.config.js
 * still lists may read.
 */
export type Answer<T> = { status: number; body: T; headers: Headers }

/** A cookie-carrying HTTP client for one begeleider. */
export class HttpUser {
  cookie = ''
  constructor(
    readonly base: string,
    readonly bearer?: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie) this.cookie = setCookie.split(';')[0]!
    const text = await res.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: res.status, body: json as T, headers: res.headers }
  }
  get = <T = any>(p: string) => this.request<T>('GET', p)
  post = <T = any>(p: string, b: unknown = {}) => this.request<T>('POST', p, b)

  static async login(base: string, username: string, password = PASSWORD) {
    const u = new HttpUser(base)
    const r = await u.post('/api/auth/login', { username, password })
    if (r.status !== 200) throw new Error(`login failed: ${r.status}`)
    return u
  }
}

export function connect(url: string, opts: { token?: string; cookie?: string; origin?: string } = {}): TestSocket {
  const socket = ioClient(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...(opts.origin ? { origin: opts.origin } : {}) },
  })
  follow(socket)
  return socket
}

type Follower = { seqs: ViewSeqs; listeners: Set<(gesprekId: string, seq: number, view: GesprekView) => void> }
const followers = new WeakMap<object, Follower>()

/**
 * The whole views a test socket holds, built the way the client builds them (client/net/join.ts): the
 * join ack's view (see emitAck), then every patch and view the server pushes.
 */
function follow(socket: TestSocket): Follower {
  let f = followers.get(socket)
  if (f) return f
  const made: Follower = (f = { seqs: new ViewSeqs(), listeners: new Set() })
  followers.set(socket, f)
  onGesprekView(
    socket,
    f.seqs,
    (gesprekId, seq, view) => {
      if (view) for (const l of made.listeners) l(gesprekId, seq, view)
    },
    () => undefined,
  )
  return f
}

/** Calls `listener` with the socket's whole view after every view or patch the server pushes. */
export function onViews(socket: TestSocket, listener: (gesprekId: string, seq: number, view: GesprekView) => void) {
  follow(socket).listeners.add(listener)
}

export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve()
    socket.once('connect', () => resolve())
    socket.once('connect_error', (e) => reject(e))
  })
}

export type AckOf<K extends string> = K extends C2SName ? Ack<K> : Ack<C2SName>

/** The data of an ack that must have been accepted; a refusal fails the test with its code. */
export function dataOf<T>(ack: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!ack.ok) throw new Error(`refused: ${ack.error}`)
  return ack.data
}

/** The error code of an ack, or undefined when it was accepted. */
export const errorOf = (ack: { ok: true } | { ok: false; error: string } | null | undefined): string | undefined =>
  ack && !ack.ok ? ack.error : undefined

/** Emits with an ack and resolves with what the server answered, typed as the contract's ack. */
export function emitAck<K extends string>(
  socket: TestSocket,
  event: K,
  payload: unknown,
  timeoutMs = 5000,
): Promise<AckOf<K>> {
  const join = event === 'gesprek:join' ? (payload as { gesprekId?: unknown }).gesprekId : undefined
  const f = typeof join === 'string' ? follow(socket) : undefined
  if (f) f.seqs.joining(join as string)
  return new Promise((resolve, reject) => {
    ;(socket as unknown as Socket).timeout(timeoutMs).emit(event, payload, (err: Error | null, res: unknown) => {
      if (f) {
        const r = res as { ok?: boolean; data?: { seq: number; view: GesprekView | null } } | undefined
        if (!err && r?.ok && r.data) f.seqs.joined(join as string, r.data.seq, r.data.view)
        else f.seqs.joinFailed(join as string)
      }
      if (err) reject(err)
      else resolve(res as AckOf<K>)
    })
  })
}

/** Waits for `check` to hold, polling; fails after `ms`. */
export async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Collects every view a socket receives, in arrival order. */
export function collectViews(socket: TestSocket) {
  const seen: { seq: number; view: GesprekView }[] = []
  onViews(socket, (_gesprekId, seq, view) => {
    // The frames as sent must be valid too (a patch made into a view is checked as a view).
    seen.push({ seq, view: GesprekView.parse(view) })
  })
  return seen
}

/** The children of the caller's team, as the caseload lists them (every family together). */
export async function teamChildren(user: HttpUser): Promise<{ id: string; nickname: string }[]> {
  const caseload = (await user.get('/api/workspace/caseload')).body as {
    families: { children: { id: string; nickname: string }[] }[]
  }
  return caseload.families.flatMap((f) => f.children)
}

/** Begeleider creates a child and a gesprek; the child joins with the code. */
export async function startGesprek(
  base: string,
  begeleider: HttpUser,
  opts: { nickname?: string; ageBand?: string; toolId?: string } = {},
) {
  const child = await begeleider.post<CaseloadChild>('/api/workspace/children', {
    nickname: opts.nickname ?? 'Mo',
    ageBand: opts.ageBand ?? '8-12',
  })
  const childId = (child.body as { id: string }).id
  const g = await begeleider.post<NewGesprekOut>('/api/gesprekken', { childId, toolId: opts.toolId ?? 'drie-huizen' })
  const body = g.body as { gesprek: { id: string }; join: { code: string } | null }
  let token = ''
  if (body.join) {
    const joined = await new HttpUser(base).post<KindJoinOut>('/api/kind/join', { code: body.join.code })
    token = (joined.body as { token: string }).token
  }
  return { childId, gesprekId: body.gesprek.id, code: body.join?.code ?? '', token }
}

let msg = 0
export const msgId = () => `test-msg-${process.pid}-${++msg}-${Math.random().toString(36).slice(2, 8)}`
