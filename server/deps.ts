import type { Clock } from './clock'
import type { Cluster } from './cluster/cluster'
import type { Limits } from './auth/limits'
import type { ChildKeys } from './crypto/keys'
import type { Logger } from './log'
import type { Revocations } from './realtime/revocations'
import type { Db } from './store/db'

/** What every room of the server gets handed; built once in server/app.ts. */
export type Deps = {
  db: Db
  clock: Clock
  log: Logger
  keys: ChildKeys
  /** Every rate limit, backoff and concurrency ceiling (server/auth/limits.ts). */
  limits: Limits
  /** The other nodes (server/cluster); absent or solo when this process is alone. */
  cluster?: Cluster
  /** Where a right that ended is announced, so every open socket it covered ends at once. */
  revocations: Revocations
  config: {
    /** Origins allowed for sockets and state-changing requests. */
    origins: string[]
    /** Set behind TLS: adds Secure to cookies and HSTS. */
    secure: boolean
    /** Days after closing before retention erases a child (shown on the beheer screen); default 30. */
    retentionDays?: number
  }
}
