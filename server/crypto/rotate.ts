import { randomBytes } from 'node:crypto'
import { existsSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../store/db'
import { rewrapChildKey } from './keys'
import { rewrapInstanceSecrets } from './secrets'

/**
 * Rotates the instance key with the server stopped: every child key and the index secret are rewrapped
 * in one transaction.
 * Key-file mode: the new key is first written to `instance.key.next`, then the database is committed,
 * then the file is renamed over `instance.key`; after a crash in between, `instance.key.next` is the key
 * that opens the database. Env mode (KINDGESPREK_KEY): the new key is returned for the secrets store.
 */
export async function rotateInstanceKey(
  db: Db,
  dataDir: string,
  oldKey: Buffer,
  keyFromEnv: boolean,
): Promise<{ rewrapped: number; newKey?: string }> {
  const newKey = randomBytes(32)
  const next = join(dataDir, 'instance.key.next')
  if (!keyFromEnv) {
    if (existsSync(next))
      throw new Error('instance.key.next exists: an earlier rotation did not finish (docs/operations.md)')
    writeFileSync(next, newKey.toString('base64'), { mode: 0o600, flag: 'wx' })
  }
  const rows = await db
    .selectFrom('children')
    .select(['id', 'key_wrapped'])
    .where('key_wrapped', 'is not', null)
    .execute()
  await db.transaction().execute(async (trx) => {
    await rewrapInstanceSecrets(trx, oldKey, newKey)
    for (const r of rows)
      await trx
        .updateTable('children')
        .set({ key_wrapped: rewrapChildKey(oldKey, newKey, r.id, r.key_wrapped!) })
        .where('id', '=', r.id)
        .execute()
  })
  if (keyFromEnv) return { rewrapped: rows.length, newKey: newKey.toString('base64') }
  renameSync(next, join(dataDir, 'instance.key'))
  return { rewrapped: rows.length }
}
