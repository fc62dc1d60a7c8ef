import { createHmac, randomBytes } from 'node:crypto'
import type { Db } from '../store/db'
import { open, seal } from './seal'

const INDEX = 'index'
const aad = (purpose: string) => `instance-secret:${purpose}`

/**
 * Keyed indexes for things a backup must not give away: kamer names, join codes and invite codes,
 * and the pepper in every kamer PIN. The secret is random, stored sealed under the instance key (so a
 * key rotation rewraps it and every index stays valid), and never leaves memory unsealed. Without the
 * instance key a backup's name index and code hashes cannot be checked against guesses.
 */
export class IndexKeys {
  private readonly pepperKey: Buffer
  constructor(private readonly secret: Buffer) {
    this.pepperKey = createHmac('sha256', secret).update('kamer-pin-pepper').digest()
  }

  /** The keyed index of `value` for one purpose (the purposes never share an index). */
  mac(purpose: 'kamer-name' | 'join-code' | 'kamer-invite', value: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}\u0000${value}`).digest('base64url')
  }

  /** The PIN as scrypt gets it: keyed by the pepper, so a stolen database alone cannot test PINs. */
  pepperedPin(pin: string): Buffer {
    return createHmac('sha256', this.pepperKey).update(pin.normalize('NFKC')).digest()
  }
}

/** Loads the index secret, making it on first start; two nodes starting at once agree on one. */
export async function loadIndexKeys(db: Db, instanceKey: Buffer): Promise<IndexKeys> {
  const read = () => db.selectFrom('instance_secrets').select('sealed').where('purpose', '=', INDEX).executeTakeFirst()
  let row = await read()
  if (!row) {
    await db
      .insertInto('instance_secrets')
      .values({
        purpose: INDEX,
        sealed: seal(instanceKey, randomBytes(32).toString('base64'), aad(INDEX)),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('purpose').doNothing())
      .execute()
    row = await read()
  }
  return new IndexKeys(Buffer.from(open(instanceKey, row!.sealed, aad(INDEX)), 'base64'))
}

/** Instance-key rotation: the same secrets, sealed under the new key. */
export async function rewrapInstanceSecrets(db: Db, from: Buffer, to: Buffer): Promise<void> {
  for (const r of await db.selectFrom('instance_secrets').selectAll().execute())
    await db
      .updateTable('instance_secrets')
      .set({ sealed: seal(to, open(from, r.sealed, aad(r.purpose)), aad(r.purpose)) })
      .where('purpose', '=', r.purpose)
      .execute()
}
