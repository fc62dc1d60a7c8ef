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
const commit = db.transaction((batch) => {
  const conflicts = []
  batch.forEach((g, i) => {
    const changed = g.snapshotEnc === undefined
      ? advance.run(g.toSeq, g.toolVersion, g.phase, g.at, g.id, g.fromSeq).changes
      : advanceWithSnapshot.run(g.toSeq, g.toolVersion, g.phase, g.at, g.snapshotEnc, g.toSeq, g.id, g.fromSeq).changes
    if (changed !== 1) return void conflicts.push(i)
    insert.run(...g.event)
  })
  return conflicts
})
const touchOne = db.prepare('update device_tokens set last_seen_at = ? where token_hash = ? and (last_seen_at <= ? or last_seen_at > ?)')
const touch = db.transaction((at, staleBefore, hashes) => { for (const h of hashes) touchOne.run(at, h, staleBefore, at) })
parentPort.on('message', (m) => {
  // process.exit in a worker ends this thread only.
  if (m.close) { db.close(); process.exit(0) }
  try {
    if (m.touch) { touch(m.touch.at, m.touch.staleBefore, m.touch.hashes); return void parentPort.postMessage({ n: m.n, conflicts: [] }) }
    parentPort.postMessage({ n: m.n, conflicts: commit(m.batch) })
  }
  catch (err) { parentPort.postMessage({ n: m.n, error: String(err && err.code || 'internal') }) }
})
`

type Pending = { resolve: (conflicts: number[]) => void; reject: (err: Error) => void }

export class SqliteWriter {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private n = 0
  private closed: Promise<void> | null = null

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, columns: EVENT_COLUMNS } })
    this.worker.on('message', (m: { n?: number; conflicts?: number[]; error?: string }) => {
      if (m.n === undefined) return
      const p = this.pending.get(m.n)
      this.pending.delete(m.n)
      if (this.pending.size === 0) this.worker.unref()
      if (m.error) p?.reject(Object.assign(new Error('write failed'), { code: m.error }))
      else p?.resolve(m.conflicts ?? [])
    })
    this.worker.on('error', (err) => this.failAll(err))
    this.worker.on('exit', () => this.failAll(new Error('writer stopped')))
    // An idle writer never keeps the process alive (after the listeners: adding one refs it again).
    this.worker.unref()
  }

  /** Commits a batch in one transaction; resolves with the indexes of the writes whose gesprek moved on. */
  commit(batch: RowWrite[]): Promise<number[]> {
    return this.ask({ batch })
  }

  /**
   * Devices seen now (`last_seen_at`), in one transaction on this thread: on the main thread that
   * write's disk sync, and its wait for the write lock this thread holds, stopped every socket.
   */
  async touchDevices(at: string, staleBefore: string, hashes: string[]): Promise<void> {
    await this.ask({ touch: { at, staleBefore, hashes } })
  }

  private ask(message: object): Promise<number[]> {
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
