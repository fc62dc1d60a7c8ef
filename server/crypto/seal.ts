import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto'

/**
 * Nonces are taken from a pool filled by the CSPRNG 1,024 at a time: every sealed answer needs one, and
 * a call into the system's random source per seal cost more than the cipher itself. Each 12 bytes of the
 * pool are used once and copied out; uniqueness rests on the randomness as before.
 */
const NONCE = 12
const pool = Buffer.alloc(NONCE * 1024)
let used = pool.length
function nonce(): Buffer {
  if (used === pool.length) {
    randomFillSync(pool)
    used = 0
  }
  const iv = Buffer.from(pool.subarray(used, used + NONCE))
  used += NONCE
  return iv
}

/** The cipher's key object per key buffer (a gesprek keeps its key buffer while it is loaded). */
const keyObjects = new WeakMap<Buffer, KeyObject>()
function keyObject(key: Buffer): KeyObject {
  let k = keyObjects.get(key)
  if (!k) keyObjects.set(key, (k = createSecretKey(key)))
  return k
}

/**
 * AES-256-GCM with a random 96-bit nonce. Output: "v1.<base64 nonce|tag|ciphertext>".
 * `aad` binds a sealed value to where it belongs (gesprek and seq), so rows cannot be swapped.
 */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = nonce()
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), iv)
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')
}

export function open(key: Buffer, sealed: string, aad: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown seal version')
  const raw = Buffer.from(sealed.slice(3), 'base64')
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), raw.subarray(0, 12))
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(raw.subarray(12, 28))
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
}
