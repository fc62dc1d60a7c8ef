import type { Clock } from '../clock'

/** Token bucket for sockets: a steady rate with a burst (docs/security.md, the brute-forcer). */
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
