import type { Clock } from '../clock'

/**
 * Fixed-window counter per key. In memory per node: with several nodes each node limits on its own,
 * which only makes the effective limit N times looser (docs/operations.md).
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>()
  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Returns false when the key is over its limit; counts the attempt either way. */
  take(key: string): boolean {
    const now = this.clock.now()
    let entry = this.hits.get(key)
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs }
      this.hits.set(key, entry)
      if (this.hits.size > 50_000) this.sweep(now)
    }
    entry.count++
    return entry.count <= this.limit
  }

  reset(key: string): void {
    this.hits.delete(key)
  }

  private sweep(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k)
  }
}

/** Token bucket for sockets: a steady rate with a burst (REL-08). */
export class TokenBucket {
  private tokens: number
  private last: number
  constructor(
    private readonly clock: Clock,
    private readonly ratePerSec: number,
    private readonly burst: number,
  ) {
    this.tokens = burst
    this.last = clock.now()
  }
  take(): boolean {
    const now = this.clock.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSec)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
