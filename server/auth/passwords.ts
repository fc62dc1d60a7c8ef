import { randomBytes, scrypt as scryptCb, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto'
import { MIN_PASSWORD_LENGTH } from '../../dialogs/contract/workspace'

const scrypt = (pw: BinaryLike, salt: BinaryLike, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (e, k) => (e ? reject(e) : resolve(k))))

// N=2^15, r=8: ~32 MiB and tens of ms per hash on the 2-core target; stored with the hash so it can grow later.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/**
 * Tests only (tests/setup.ts): new hashes use N=2^10, so the hundreds of logins a test run makes cost
 * little. Refuses under NODE_ENV=production; nothing in server/ calls it, and a stored hash carries its
 * own parameters, so verifying is the same either way.
 */
export function useCheapScryptForTests(): void {
  if (process.env.NODE_ENV === 'production') throw new Error('cheap scrypt is for tests only')
  PARAMS.N = 1024
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password.normalize('NFKC'), salt, 32, PARAMS)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  })
  return timingSafeEqual(expected, actual)
}

/** A hash of a password nobody has: verifying against it keeps timing equal for unknown usernames. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'))

export function passwordIsStrongEnough(password: string): boolean {
  return password.length >= MIN_PASSWORD_LENGTH
}
