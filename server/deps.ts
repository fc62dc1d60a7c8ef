import type { HelpLines } from '../dialogs/contract/help-lines'
import type { Clock } from './clock'
import type { Cluster } from './cluster/cluster'
import type { Limits } from './auth/limits'
import type { KamerKeys } from './crypto/kamer-keys'
import type { ChildKeys } from './crypto/keys'
import type { IndexKeys } from './crypto/secrets'
import type { TrustProxy } from './http/client-address'
import type { Logger } from './log'
import type { Revocations } from './realtime/revocations'
import type { Db } from './store/db'

/** What every room of the server gets handed; built once in server/app.ts. */
export type Deps = {
  db: Db
  clock: Clock
  log: Logger
  keys: ChildKeys
  /** Keyed indexes a backup cannot read: kamer names, join and invite codes, the PIN pepper. */
  index: IndexKeys
  /** Data keys of the kamers open on this node; the gesprek host's sealing hook. */
  kamerKeys: KamerKeys
  /** Every rate limit, backoff and concurrency ceiling (server/auth/limits.ts). */
  limits: Limits
  /** The other nodes (server/cluster); absent or solo when this process is alone. */
  cluster?: Cluster
  /** Where a right that ended is announced, so every open socket it covered ends at once. */
  revocations: Revocations
  config: {
    /** Origins allowed for sockets and state-changing requests. */
    origins: string[]
    /**
     * Without `origins`: the origins of the address this server listens on (set once it listens). The
     * own origin never comes from a Host header (server/http/security.ts: ownOrigins).
     */
    localOrigins: string[]
    /** Set behind TLS: adds Secure to cookies and HSTS. */
    secure: boolean
    /** Which proxies may name the client's address (TRUST_PROXY); rate limits key on that address. */
    trustProxy: TrustProxy
    /** Days after closing before retention erases a child (shown on the beheer screen); default 30. */
    retentionDays?: number
    /** The organisation's ways to help now (HELP_LINES); the bundled defaults when unset. */
    helpLines?: HelpLines
    /** Working days within which a signal should be discussed (SIGNAL_FOLLOW_UP_DAYS); default 2. */
    signalFollowUpDays?: number
  }
}
