import { createAdapter } from '@socket.io/redis-streams-adapter'
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import type { LimitStore } from '../auth/limit-store'
import type { Clock } from '../clock'
import type { Logger } from '../log'
import { errorFields } from '../log'
import { Notice, type Cluster } from './cluster'

/**
 * Several nodes joined through one Redis: socket.io's Redis Streams adapter for room broadcasts,
 * a pub/sub channel for notices (gesprek G is at seq N; end room R), SET NX claims for once-per-round
 * jobs, and the rate-limit counts. `prefix` keeps installations (or test files) sharing a Redis apart.
 */
export async function redisCluster(opts: {
  url: string
  prefix?: string | undefined
  clock: Clock
  log: Logger
  /** The CLI publishes only: no adapter, no subscription. */
  publishOnly?: boolean
}): Promise<Cluster> {
  const prefix = opts.prefix ?? 'kg'
  const nodeId = randomBytes(8).toString('hex')
  const channel = `${prefix}:notices`
  const client = new Redis(opts.url, { lazyConnect: true, maxRetriesPerRequest: 3 })
  client.on('error', (err) => opts.log.warn('redis error', errorFields(err)))
  await client.connect()
  const subscriber = opts.publishOnly ? null : client.duplicate()
  const listeners: ((n: Notice) => void)[] = []
  if (subscriber) {
    subscriber.on('error', (err) => opts.log.warn('redis error', errorFields(err)))
    subscriber.on('message', (_channel: string, raw: string) => {
      let parsed: { from?: unknown; n?: unknown }
      try {
        parsed = JSON.parse(raw) as { from?: unknown; n?: unknown }
      } catch {
        return
      }
      if (parsed.from === nodeId) return
      const notice = Notice.safeParse(parsed.n)
      if (!notice.success) return
      for (const l of listeners) l(notice.data)
    })
    await subscriber.subscribe(channel)
  }
  const adapter = opts.publishOnly
    ? null
    : createAdapter(client, {
        streamName: `${prefix}:socket.io`,
        channelPrefix: `${prefix}:socket.io`,
        sessionKeyPrefix: `${prefix}:sio:session:`,
        blockTimeInMs: 2000,
        onlyPlaintext: true,
      })
  return {
    publish: async (n) => {
      await client.publish(channel, JSON.stringify({ from: nodeId, n })).catch((err: unknown) => {
        opts.log.warn('redis publish failed', errorFields(err))
      })
    },
    onNotice: (l) => void listeners.push(l),
    claim: async (name, windowMs, now) => {
      const round = Math.floor(now / windowMs)
      const ok = await client.set(`${prefix}:claim:${name}:${round}`, nodeId, 'PX', windowMs * 2, 'NX')
      return ok === 'OK'
    },
    limitStore: new RedisLimitStore(client, `${prefix}:limit:`, opts.clock),
    adapter,
    close: async () => {
      await subscriber?.quit().catch(() => undefined)
      await client.quit().catch(() => undefined)
    },
  }
}

/** Counts one hit in a window that starts at the first hit; `now` comes from the server's clock. */
const HIT = `
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'r') or '0')
local now = tonumber(ARGV[1])
if resetAt <= now then
  redis.call('HSET', KEYS[1], 'c', 0, 'r', now + tonumber(ARGV[2]))
end
local n = redis.call('HINCRBY', KEYS[1], 'c', 1)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return n`

const GET = `
local resetAt = tonumber(redis.call('HGET', KEYS[1], 'r') or '0')
if resetAt <= tonumber(ARGV[1]) then return 0 end
return tonumber(redis.call('HGET', KEYS[1], 'c') or '0')`

/** Slots are members scored by their expiry; expired ones are holders that never came back. */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[3]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
return 1`

/**
 * The LimitStore shared by every node: N nodes give an attacker the same number of tries as one.
 * Keys arrive as `scope:hmac` (server/auth/limits.ts), so Redis holds no address, name or kamer name.
 * Windows follow the server's clock (passed in), so tests with a manual clock behave as in memory.
 */
export class RedisLimitStore implements LimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: Clock,
  ) {}

  async hit(key: string, windowMs: number): Promise<number> {
    return Number(await this.redis.eval(HIT, 1, this.prefix + key, this.clock.now(), windowMs))
  }

  async get(key: string): Promise<number> {
    return Number(await this.redis.eval(GET, 1, this.prefix + key, this.clock.now()))
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key)
  }

  async acquire(key: string, max: number, ttlMs: number): Promise<boolean> {
    const member = randomBytes(8).toString('hex')
    return (
      Number(await this.redis.eval(ACQUIRE, 1, `${this.prefix}slots:${key}`, this.clock.now(), max, ttlMs, member)) ===
      1
    )
  }

  async release(key: string): Promise<void> {
    await this.redis.zpopmin(`${this.prefix}slots:${key}`)
  }
}
