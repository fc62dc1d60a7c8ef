import { createHmac, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { open, seal } from './seal'

/**
 * The instance key wraps every child's data key. From KINDGESPREK_KEY (base64, 32 bytes) or a key
 * file created with mode 0600 beside the database on first start (docs/operations.md: key handling).
 * With PostgreSQL (`sharedStore`) only from KINDGESPREK_KEY.
 */
export function loadInstanceKey(dataDir: string, fromEnv: string | undefined, sharedStore = false): Buffer {
  // Several nodes share one database: a key file made by whichever node started would differ per node,
  // and each would seal with its own key. The key must come from the environment, the same everywhere.
  if (sharedStore && !fromEnv)
    throw new Error('DATABASE_URL is set: KINDGESPREK_KEY is required (base64, 32 bytes, the same on every node)')
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64')
    if (key.length !== 32) throw new Error('KINDGESPREK_KEY must be 32 bytes, base64')
    return key
  }
  const file = join(dataDir, 'instance.key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error('instance.key is not a 32-byte base64 key')
  return key
}

const childKeyAad = (childId: string) => `child-key:${childId}`

/** Instance-key rotation: the same child key, wrapped by the new instance key (the data is not touched). */
export function rewrapChildKey(from: Buffer, to: Buffer, childId: string, wrapped: string): string {
  return seal(to, open(from, wrapped, childKeyAad(childId)), childKeyAad(childId))
}

/** Per-child data keys: wrapped at rest, unwrapped keys cached in memory only. */
export class ChildKeys {
  private cache = new Map<string, Buffer>()
  constructor(private readonly instanceKey: Buffer) {}

  newWrappedKey(childId: string): string {
    return seal(this.instanceKey, randomBytes(32).toString('base64'), childKeyAad(childId))
  }

  unwrap(childId: string, wrapped: string | null): Buffer {
    const hit = this.cache.get(childId)
    if (hit) return hit
    if (!wrapped) throw new Error('child key erased')
    const key = Buffer.from(open(this.instanceKey, wrapped, childKeyAad(childId)), 'base64')
    this.cache.set(childId, key)
    return key
  }

  forget(childId: string): void {
    this.cache.delete(childId)
  }
}

/**
 * A key for one purpose, derived from the instance key. Only for state that may be lost on a key
 * rotation (rate-limit keys); lasting indexes use the stored index secret (server/crypto/secrets.ts).
 */
export function deriveKey(instanceKey: Buffer, purpose: string): Buffer {
  return createHmac('sha256', instanceKey).update(`kindgesprek:${purpose}`).digest()
}
