import { randomBytes, scrypt as scryptCb, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { CodedError } from '../../dialogs/contract/errors'
import { MIN_PASSWORD_LENGTH } from '../../dialogs/contract/workspace'

export type Priority = 'high' | 'low'

/**
 * A ceiling on concurrent scrypt in this process, with two queues. Without it a login flood fills the
 * thread pool and a real login waits behind every guess (seconds instead of ~90 ms). Tries from an
 * address or on an account that already went wrong are 'low': real users go first, and when the queue
 * is full a low try is turned away at once. Per process on purpose: it guards this node's CPU.
 */
class ScryptGate {
  private running = 0
  private readonly high: (() => void)[] = []
  private readonly low: (() => void)[] = []
  constructor(
    private readonly max: number,
    private readonly maxQueued: number,
  ) {}

  async run<T>(priority: Priority, work: () => Promise<T>): Promise<T> {
    if (this.running < this.max) this.running++
    else {
      const queued = this.high.length + this.low.length
      if (priority === 'low' && queued >= this.maxQueued) throw new CodedError('rate_limited', 429)
      if (priority === 'high' && this.high.length >= this.maxQueued) throw new CodedError('server_busy', 503)
      // The slot is handed over by the finishing holder: `running` stays as it is.
      await new Promise<void>((resolve) => (priority === 'high' ? this.high : this.low).push(resolve))
    }
    try {
      return await work()
    } finally {
      const next = this.high.shift() ?? this.low.shift()
      if (next) next()
      else this.running--
    }
  }
}

const gate = new ScryptGate(Math.max(1, Math.min(4, availableParallelism())), 32)

const scrypt = (pw: BinaryLike, salt: BinaryLike, len: number, opts: ScryptOptions, priority: Priority = 'high') =>
  gate.run(
    priority,
    () =>
      new Promise<Buffer>((resolve, reject) => scryptCb(pw, salt, len, opts, (e, k) => (e ? reject(e) : resolve(k)))),
  )

/** Scrypt through the process-wide ceiling, for other keys derived from a secret (the kamer PIN). */
export const gatedScrypt = scrypt

// N=2^15, r=8: ~32 MiB and tens of ms per hash on the 2-core target; stored with the hash so it can grow later.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

const FULL_N = PARAMS.N

/**
 * Tests only (tests/setup.ts): new hashes use N=2^10, so the hundreds of logins a test run makes cost
 * little; a test that measures scrypt's own cost (the ceiling) asks for full strength again. Refuses
 * under NODE_ENV=production; nothing in server/ calls it, and a stored hash carries its own
 * parameters, so verifying is the same either way.
 */
export function useScryptStrengthForTests(strength: 'cheap' | 'full'): void {
  if (process.env.NODE_ENV === 'production') throw new Error('scrypt strength is set by tests only')
  PARAMS.N = strength === 'cheap' ? 1024 : FULL_N
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password.normalize('NFKC'), salt, 32, PARAMS)
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string, priority: Priority = 'high'): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(
    password.normalize('NFKC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem },
    priority,
  )
  return timingSafeEqual(expected, actual)
}

/** A hash of a password nobody has: verifying against it keeps timing equal for unknown usernames. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(16).toString('hex'))

/** Different characters a password needs at least: "aaaaaaaaaa" and ten spaces are not passwords. */
const MIN_PASSWORD_VARIETY = 5

/**
 * The rule (said in full by the `password_too_short` message): at least MIN_PASSWORD_LENGTH
 * characters without the spaces around it, not only spaces, and at least MIN_PASSWORD_VARIETY
 * different characters.
 */
export function passwordIsStrongEnough(password: string): boolean {
  const p = password.normalize('NFKC')
  const core = p.trim()
  if ([...core].length < MIN_PASSWORD_LENGTH) return false
  return new Set([...core.toLowerCase()].filter((ch) => !/\s/u.test(ch))).size >= MIN_PASSWORD_VARIETY
}
