/**
 * The disk's own floor under a durable commit (benchmarks only): in a folder on the same file system as
 * the product's data, the time of one small append followed by `fdatasync`, and of one single-row
 * SQLite commit with the product's pragmas (WAL, `synchronous=FULL`). Nothing else runs meanwhile in
 * this process; the figures say what no code can go below on this disk at this load.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { percentiles } from './harness'

export function diskSync(parent: string, count = 400) {
  const dir = mkdtempSync(join(parent, 'kg-sync-'))
  try {
    const fd = openSync(join(dir, 'append.log'), 'a')
    const line = Buffer.from('x'.repeat(200) + '\n')
    const append: number[] = []
    for (let i = 0; i < count; i++) {
      const t0 = performance.now()
      writeSync(fd, line)
      fdatasyncSync(fd)
      append.push(performance.now() - t0)
    }
    closeSync(fd)
    const db = new Sqlite(join(dir, 'sync.db'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec('create table t (id integer primary key, v text not null)')
    const insert = db.prepare('insert into t (v) values (?)')
    const commit: number[] = []
    for (let i = 0; i < count; i++) {
      const t0 = performance.now()
      insert.run('x'.repeat(200))
      commit.push(performance.now() - t0)
    }
    db.close()
    return { append: percentiles(append), sqlite: percentiles(commit) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
