import type { Clock } from '../clock'

/**
 * Where every rate-limit, backoff and concurrency count lives. One small async interface so that
 * several nodes can share the counts (a Redis implementation of exactly this); the in-memory one
 * below is the default for one node.
 *
 * Keys never hold personal data: callers pass `scope:hmac` (server/auth/limits.ts), never an address,
 * a username or a kamer name in the clear.
 */
export interface LimitStore {
  /** Counts one hit on `key` in a fixed window of `windowMs` (started by the first hit); the count after it. */
  hit(key: string, windowMs: number): Promise<number>
  /** The count in the current window, 0 when there is none. */
  get(key: string): Promise<number>
  /** Forgets the key's window (a good login ends its failure count). */
  reset(key: string): Promise<void>
  /**
   * Takes one of `max` slots of `key`; false when all are held. A slot not released within `ttlMs`
   * frees itself, so a crashed holder cannot keep the ceiling down.
   */
  acquire(key: string, max: number, ttlMs: number): Promise<boolean>
  /** Gives back one slot taken by acquire. */
  release(key: string): Promise<void>
}

type Window = { count: number; resetAt: number }

/** One node's counts in memory: a restart forgets them (docs/operations.md). */
export class MemoryLimitStore implements LimitStore {
  private windows = new Map<string, Window>()
  private slots = new Map<string, number[]>()
  constructor(private readonly clock: Clock) {}

  hit(key: string, windowMs: number): Promise<number> {
    const now = this.clock.now()
    let w = this.windows.get(key)
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs }
      this.windows.set(key, w)
      if (this.windows.size > 50_000) this.sweep(now)
    }
    w.count++
    return Promise.resolve(w.count)
  }

  get(key: string): Promise<number> {
    const w = this.windows.get(key)
    return Promise.resolve(w && w.resetAt > this.clock.now() ? w.count : 0)
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key)
    return Promise.resolve()
  }

  acquire(key: string, max: number, ttlMs: number): Promise<boolean> {
    const now = this.clock.now()
    // Each held slot is its expiry time; expired ones are a holder that never came back.
    const held = (this.slots.get(key) ?? []).filter((until) => until > now)
    if (held.length >= max) {
      this.slots.set(key, held)
      return Promise.resolve(false)
    }
    held.push(now + ttlMs)
    this.slots.set(key, held)
    return Promise.resolve(true)
  }

  release(key: string): Promise<void> {
    const held = this.slots.get(key)
    if (held && held.length > 0) {
      // The oldest slot goes: every slot of a key is alike, only its expiry differs.
      held.sort((a, b) => a - b).shift()
      if (held.length === 0) this.slots.delete(key)
    }
    return Promise.resolve()
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
  }
}
