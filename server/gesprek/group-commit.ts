import type { Insertable } from 'kysely'
import { CodedError } from '../../dialogs/contract/errors'
import { sqliteFileOf, type Db } from '../store/db'
import {
  EVENT_COLUMNS,
  registerWriter,
  SqliteWriter,
  unregisterWriter,
  type RowWrite,
  type WriterStats,
} from '../store/sqlite-writer'
import type { Database } from '../store/schema'

/**
 * One command's durable effect: its event row and the gesprek's new seq, guarded by the old seq. Every
 * so many events (and at a pause or stop) the write carries a fresh sealed snapshot too; otherwise the
 * stored snapshot stays behind and the events after it are replayed on load (docs/decisions/0025).
 */
export type GesprekWrite = {
  event: Insertable<Database['gesprek_events']>
  gesprek: {
    id: string
    fromSeq: number
    toSeq: number
    toolVersion: string
    phase: Database['gesprekken']['phase']
    /** Present when this write also stores the snapshot as of `toSeq`. */
    snapshotEnc?: string
    at: string
  }
}

type Waiting = { write: GesprekWrite; resolve: () => void; reject: (err: unknown) => void; at: number }

/**
 * Where a commit's time goes, for the benchmarks (docs/performance.md): how many transactions (one disk
 * sync each) for how many writes, the time batches spent at the writer (round trip), and the time writes
 * waited from `write()` to their ack, queueing included. On the embedded database also the writer
 * thread's own split between running statements and the commit's sync.
 */
export type CommitStats = {
  batches: number
  writes: number
  maxBatch: number
  batchMs: number
  waitMs: number
  writer?: WriterStats
}

/** Most writes one transaction takes; the rest go in the next one. */
const BATCH = 1000

/**
 * Group commit: writes that arrive while a transaction is committing, or in the same turn of the event
 * loop, go together in one transaction, so many gesprekken share one fsync instead of queueing for one
 * each (docs/performance.md). Nobody is acked before the transaction holding their write has committed
 * (docs/protocol.md, durability).
 * No timer: a lone write commits on the next turn of the loop.
 *
 * On the embedded database the batch goes to a writer thread that runs it as prepared statements in one
 * transaction (server/store/sqlite-writer.ts): the main thread never waits for the disk, and the query
 * builder's cost per statement is gone (docs/decisions/0026). Any other dialect takes the same steps
 * through Kysely.
 */
export class GroupCommit {
  private waiting: Waiting[] = []
  private scheduled = false
  private flushing = false
  private readonly writer: SqliteWriter | undefined
  private readonly counts = { batches: 0, writes: 0, maxBatch: 0, batchMs: 0, waitMs: 0 }

  constructor(private readonly db: Db) {
    // Started with the host, so the first answer does not wait for a thread to start.
    const file = sqliteFileOf(db)?.name
    this.writer = file ? new SqliteWriter(file) : undefined
    if (this.writer) registerWriter(db, this.writer)
  }

  /** Stops the writer thread (after the last batch: the host drains first). */
  async close(): Promise<void> {
    if (this.writer) unregisterWriter(this.db, this.writer)
    await this.writer?.close()
  }

  stats(): CommitStats {
    return { ...this.counts, ...(this.writer ? { writer: { ...this.writer.stats } } : {}) }
  }

  write(write: GesprekWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ write, resolve, reject, at: performance.now() })
      if (this.scheduled || this.flushing) return
      this.scheduled = true
      // Everything queued in this turn of the loop joins the same transaction.
      setImmediate(() => {
        this.scheduled = false
        void this.flush()
      })
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, BATCH)
      let conflicts: Set<Waiting>
      const started = performance.now()
      try {
        conflicts = this.writer ? await this.viaWriter(this.writer, batch) : await this.viaKysely(batch)
      } catch (err) {
        for (const w of batch) w.reject(err)
        continue
      }
      const done = performance.now()
      const c = this.counts
      c.batches++
      c.writes += batch.length
      c.maxBatch = Math.max(c.maxBatch, batch.length)
      c.batchMs += done - started
      for (const w of batch) {
        c.waitMs += done - w.at
        if (conflicts.has(w)) w.reject(new CodedError('conflict', 409))
        else w.resolve()
      }
    }
    this.flushing = false
  }

  private async viaWriter(writer: SqliteWriter, batch: Waiting[]): Promise<Set<Waiting>> {
    const rows: RowWrite[] = batch.map(({ write: { gesprek: g, event: e } }) => ({
      ...g,
      event: EVENT_COLUMNS.map((c) => e[c] ?? null),
    }))
    const conflicts = await writer.commit(rows)
    return new Set(conflicts.map((i) => batch[i]!))
  }

  private async viaKysely(batch: Waiting[]): Promise<Set<Waiting>> {
    const conflicts = new Set<Waiting>()
    await this.db.transaction().execute(async (trx) => {
      for (const w of batch) {
        const g = w.write.gesprek
        const updated = await trx
          .updateTable('gesprekken')
          .set({
            seq: g.toSeq,
            tool_version: g.toolVersion,
            phase: g.phase,
            updated_at: g.at,
            ...(g.snapshotEnc === undefined ? {} : { snapshot_enc: g.snapshotEnc, snapshot_seq: g.toSeq }),
          })
          .where('id', '=', g.id)
          .where('seq', '=', g.fromSeq)
          .executeTakeFirst()
        // Another node wrote this gesprek first: only this write gives up; the client's retry sees the new state.
        if (Number(updated.numUpdatedRows) !== 1) {
          conflicts.add(w)
          continue
        }
        await trx.insertInto('gesprek_events').values(w.write.event).execute()
      }
    })
    return conflicts
  }
}
