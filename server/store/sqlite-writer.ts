import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from './db'

/** The columns of an event row as the writer thread inserts them, in this order. */
export const EVENT_COLUMNS = [
  'gesprek_id',
  'seq',
  'client_msg_id',
  'actor_role',
  'actor_id',
  'type',
  'event_enc',
  'created_at',
  'actor_device',
  'item_id',
  // Whether anyone but the child saw this event change their view (ADR 0050).
  'shown',
] as const

/**
 * The columns of an access-log row that its hash covers, in the hash's order (server/audit/access-log.ts
 * hashes the same list; the writer thread appends with it).
 */
export const CHAINED_COLUMNS = [
  'prev_hash',
  'organisation_id',
  'child_id',
  'begeleider_id',
  'gesprek_id',
  'what',
  'step_ids',
  'created_at',
] as const
/** An access-log row as the writer thread takes it: the chain's head and the organisation it finds itself. */
export type AccessRow = {
  child_id: string
  begeleider_id: string
  gesprek_id: string | null
  what: string
  step_ids: string
  created_at: string
}

/** One gesprek write as the writer thread takes it (see server/gesprek/group-commit.ts). */
export type RowWrite = {
  id: string
  fromSeq: number
  toSeq: number
  toolVersion: string
  phase: string
  at: string
  snapshotEnc?: string
  /** The values of EVENT_COLUMNS. */
  event: (string | number | null)[]
}

/**
 * The thread that writes gesprek events to the embedded database (docs/decisions/0026). better-sqlite3
 * is synchronous: a commit with its fsync on the main thread stops every socket for as long as the disk
 * takes. Here the main thread keeps reading sockets and gathering the next batch while this thread
 * commits the last one. Its own connection to the same WAL file, with the same durability pragmas; a
 * batch is one transaction, acked back only once it has committed.
 *
 * Plain JavaScript evaluated in the worker, so it runs the same under tsx, vitest and a build.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Sqlite = require(workerData.driver)
const db = new Sqlite(workerData.file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('foreign_keys = ON')
db.pragma('busy_timeout = 5000')
db.pragma('secure_delete = ON')
const advance = db.prepare('update gesprekken set seq = ?, tool_version = ?, phase = ?, updated_at = ? where id = ? and seq = ?')
const advanceWithSnapshot = db.prepare('update gesprekken set seq = ?, tool_version = ?, phase = ?, updated_at = ?, snapshot_enc = ?, snapshot_seq = ? where id = ? and seq = ?')
const insert = db.prepare('insert into gesprek_events (' + workerData.columns.join(', ') + ') values (' + workerData.columns.map(() => '?').join(', ') + ')')
const begin = db.prepare('begin immediate')
const end = db.prepare('commit')
const rollback = db.prepare('rollback')
// By hand instead of db.transaction(): the statements' time and the commit's (its disk sync) are timed
// apart, so a benchmark can tell computing from waiting on the disk (docs/performance.md).
const commit = (batch) => {
  const t0 = performance.now()
  begin.run()
  const conflicts = []
  try {
    batch.forEach((g, i) => {
      const changed = g.snapshotEnc === undefined
        ? advance.run(g.toSeq, g.toolVersion, g.phase, g.at, g.id, g.fromSeq).changes
        : advanceWithSnapshot.run(g.toSeq, g.toolVersion, g.phase, g.at, g.snapshotEnc, g.toSeq, g.id, g.fromSeq).changes
      if (changed !== 1) return void conflicts.push(i)
      insert.run(...g.event)
    })
  } catch (err) {
    if (db.inTransaction) rollback.run()
    throw err
  }
  const t1 = performance.now()
  try {
    end.run()
  } catch (err) {
    if (db.inTransaction) rollback.run()
    throw err
  }
  return { conflicts, execMs: t1 - t0, syncMs: performance.now() - t1 }
}
// The access log's chain (server/audit/access-log.ts): the head is read in the same transaction as the
// rows that link to it; this thread is the only writer of this process, so the chain never forks.
const orgOf = db.prepare('select organisation_id from children where id = ?')
const chainHead = db.prepare('select hash from access_log order by id desc limit 1')
const chained = workerData.chained
const appendAccess = db.prepare('insert into access_log (' + chained.join(', ') + ', hash) values (' + chained.map(() => '?').join(', ') + ', ?)')
const { createHash } = require('node:crypto')
const accesses = db.transaction((rows, genesis) => {
  const missing = []
  let head = chainHead.get()?.hash ?? genesis
  rows.forEach((r, i) => {
    const org = orgOf.get(r.child_id)
    if (!org) return void missing.push(i)
    const values = chained.map((c) => c === 'prev_hash' ? head : c === 'organisation_id' ? org.organisation_id : r[c])
    const hash = createHash('sha256').update(JSON.stringify(values)).digest('hex')
    appendAccess.run(...values, hash)
    head = hash
  })
  return missing
})
// Small hot writes (a session kept alive): statements with their values, in one transaction.
const statements = new Map()
const runAll = db.transaction((list) => {
  for (const [text, values] of list) {
    let stmt = statements.get(text)
    if (!stmt) statements.set(text, (stmt = db.prepare(text)))
    stmt.run(...values)
  }
})
const touchOne = db.prepare('update device_tokens set last_seen_at = ? where token_hash = ? and (last_seen_at <= ? or last_seen_at > ?)')
const touch = db.transaction((at, staleBefore, hashes) => { for (const h of hashes) touchOne.run(at, h, staleBefore, at) })
parentPort.on('message', (m) => {
  // process.exit in a worker ends this thread only.
  if (m.close) { db.close(); process.exit(0) }
  try {
    if (m.access) return void parentPort.postMessage({ n: m.n, conflicts: accesses.immediate(m.access.rows, m.access.genesis) })
    if (m.run) { runAll.immediate(m.run); return void parentPort.postMessage({ n: m.n, conflicts: [] }) }
    if (m.touch) { touch(m.touch.at, m.touch.staleBefore, m.touch.hashes); return void parentPort.postMessage({ n: m.n, conflicts: [] }) }
    parentPort.postMessage({ n: m.n, ...commit(m.batch) })
  }
  catch (err) { parentPort.postMessage({ n: m.n, error: String(err && err.code || 'internal') }) }
})
`

type Answer = { conflicts: number[]; execMs?: number; syncMs?: number }
type Pending = { resolve: (answer: Answer) => void; reject: (err: Error) => void }

/** What the writer thread spent, for the benchmarks: its statements apart from its commits' disk syncs. */
export type WriterStats = { batches: number; writes: number; execMs: number; syncMs: number }

export class SqliteWriter {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private n = 0
  private closed: Promise<void> | null = null
  readonly stats: WriterStats = { batches: 0, writes: 0, execMs: 0, syncMs: 0 }

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, columns: EVENT_COLUMNS, chained: CHAINED_COLUMNS },
    })
    this.worker.on('message', (m: Answer & { n?: number; error?: string }) => {
      if (m.n === undefined) return
      const p = this.pending.get(m.n)
      this.pending.delete(m.n)
      if (this.pending.size === 0) this.worker.unref()
      if (m.error) p?.reject(Object.assign(new Error('write failed'), { code: m.error }))
      else p?.resolve(m)
    })
    this.worker.on('error', (err) => this.failAll(err))
    this.worker.on('exit', () => this.failAll(new Error('writer stopped')))
    // An idle writer never keeps the process alive (after the listeners: adding one refs it again).
    this.worker.unref()
  }

  /** Commits a batch in one transaction; resolves with the indexes of the writes whose gesprek moved on. */
  async commit(batch: RowWrite[]): Promise<number[]> {
    const answer = await this.ask({ batch })
    this.stats.batches++
    this.stats.writes += batch.length
    this.stats.execMs += answer.execMs ?? 0
    this.stats.syncMs += answer.syncMs ?? 0
    return answer.conflicts
  }

  /**
   * Devices seen now (`last_seen_at`), in one transaction on this thread: on the main thread that
   * write's disk sync, and its wait for the write lock this thread holds, stopped every socket.
   */
  async touchDevices(at: string, staleBefore: string, hashes: string[]): Promise<void> {
    await this.ask({ touch: { at, staleBefore, hashes } })
  }

  /**
   * Access-log rows appended to the chain in one transaction (server/audit/access-log.ts); resolves with
   * the indexes of the rows whose child is gone (nothing is written for them).
   */
  async appendAccesses(rows: AccessRow[], genesis: string): Promise<number[]> {
    return (await this.ask({ access: { rows, genesis } })).conflicts
  }

  /** Statements with their values in one transaction: a small write the main thread must not sync itself. */
  async run(list: [sql: string, values: (string | number | null)[]][]): Promise<void> {
    await this.ask({ run: list })
  }

  private ask(message: object): Promise<Answer> {
    if (this.closed) return Promise.reject(new Error('writer closed'))
    const n = ++this.n
    return new Promise((resolve, reject) => {
      this.pending.set(n, { resolve, reject })
      this.worker.ref()
      this.worker.postMessage({ n, ...message })
    })
  }

  close(): Promise<void> {
    return (this.closed ??= new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve())
      this.worker.ref()
      this.worker.postMessage({ close: true })
    }))
  }

  private failAll(err: Error) {
    for (const p of this.pending.values()) p.reject(err)
    this.pending.clear()
  }
}

/** The writer thread of each embedded database, for the other hot writes (device touches). */
const writers = new WeakMap<Db, SqliteWriter>()
export const writerOf = (db: Db): SqliteWriter | undefined => writers.get(db)
export const registerWriter = (db: Db, writer: SqliteWriter): void => void writers.set(db, writer)
export function unregisterWriter(db: Db, writer: SqliteWriter): void {
  if (writers.get(db) === writer) writers.delete(db)
}
