import { CodedError } from '../../dialogs/contract/errors'
import type { Db } from '../store/db'
import type { Database } from '../store/schema'
import type { Insertable } from 'kysely'

/** One command's durable effect: its event row and the gesprek's new snapshot, guarded by the old seq. */
export type GesprekWrite = {
  event: Insertable<Database['gesprek_events']>
  gesprek: {
    id: string
    fromSeq: number
    toSeq: number
    toolVersion: string
    phase: Database['gesprekken']['phase']
    snapshotEnc: string
    at: string
  }
}

type Waiting = { write: GesprekWrite; resolve: () => void; reject: (err: unknown) => void }

/**
 * Group commit: writes that arrive while a transaction is committing wait and go together in the next
 * one, so many gesprekken share one fsync instead of queueing for one each (PERF-01). Nobody is acked
 * before the transaction holding their write has committed (REL-01). No timer: a lone write commits at once.
 */
export class GroupCommit {
  private waiting: Waiting[] = []
  private flushing = false

  constructor(private readonly db: Db) {}

  write(write: GesprekWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ write, resolve, reject })
      if (!this.flushing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, 500)
      const conflicts = new Set<Waiting>()
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const w of batch) {
            const g = w.write.gesprek
            const updated = await trx
              .updateTable('gesprekken')
              .set({
                seq: g.toSeq,
                tool_version: g.toolVersion,
                phase: g.phase,
                snapshot_enc: g.snapshotEnc,
                updated_at: g.at,
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
      } catch (err) {
        for (const w of batch) w.reject(err)
        continue
      }
      for (const w of batch) {
        if (conflicts.has(w)) w.reject(new CodedError('conflict', 409))
        else w.resolve()
      }
    }
    this.flushing = false
  }
}
