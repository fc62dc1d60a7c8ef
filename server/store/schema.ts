import type { Generated } from 'kysely'
import type { GesprekEventType } from '../../dialogs/contract/events'
import type { AgeBand, Setting } from '../../dialogs/contract/ids'
import type { AccessKind } from '../../dialogs/contract/receipt'
import type { Phase } from '../../dialogs/contract/view'
import type { ChildPhase, Living } from '../../dialogs/contract/workspace'

/** Table shapes for Kysely. Times are ISO strings so SQLite and PostgreSQL store them alike. */
export interface Database {
  schema_migrations: { version: number; applied_at: string }
  organisations: { id: string; name: string; created_at: string }
  teams: { id: string; organisation_id: string; name: string; created_at: string }
  begeleiders: {
    id: string
    organisation_id: string
    team_id: string
    username: string
    display_name: string
    password_hash: string
    role: 'begeleider' | 'admin'
    active: number
    created_at: string
  }
  sessions: {
    id_hash: string
    begeleider_id: string
    created_at: string
    last_seen_at: string
    expires_at: string
  }
  children: {
    id: string
    organisation_id: string
    team_id: string
    begeleider_id: string
    nickname: string
    age_band: AgeBand
    /** The child's data key, AES-256-GCM wrapped by the instance key. Null after erasure (crypto-shredding). */
    key_wrapped: string | null
    created_at: string
    closed_at: string | null
    /** Siblings share a family (migration 0003); null for a child recorded on their own. */
    family_id: string | null
    /** Method phase: 1 verkenning, 2 begeleiding, 3 afronding. */
    phase: Generated<ChildPhase>
    living: Generated<Living>
  }
  gesprekken: {
    id: string
    child_id: string
    tool_id: string
    tool_version: string
    setting: Setting
    /** The band the gesprek was started for (machine input); the child's band may move on later. */
    age_band: AgeBand
    seq: number
    phase: Phase
    /** Sealed persisted XState snapshot: a cache of folding the event log up to `snapshot_seq`. */
    snapshot_enc: string
    /** The last event the stored snapshot includes; events after it are replayed on load (migration 0040). */
    snapshot_seq: Generated<number>
    created_at: string
    updated_at: string
  }
  gesprek_events: {
    id: Generated<number>
    gesprek_id: string
    seq: number
    client_msg_id: string
    actor_role: 'kind' | 'begeleider'
    actor_id: string
    /** Event type only (e.g. item.add); the payload is sealed. */
    type: GesprekEventType
    event_enc: string
    created_at: string
  }
  join_codes: { code_hash: string; gesprek_id: string; expires_at: string; used_at: string | null; created_at: string }
  device_tokens: {
    token_hash: string
    gesprek_id: string
    child_id: string
    created_at: string
    expires_at: string
    last_seen_at: string
    revoked_at: string | null
  }
  /** Append-only, hash-chained access log (server/audit/access-log.ts); never holds content. */
  access_log: {
    id: Generated<number>
    organisation_id: string
    child_id: string
    begeleider_id: string
    gesprek_id: string | null
    what: AccessKind
    /** JSON array of step ids (parts of the script, not answers). */
    step_ids: string
    created_at: string
    prev_hash: string
    hash: string
  }
  families: { id: string; organisation_id: string; label: string; created_at: string }
  /** Six-weekly evaluations of goals with parent and child: only the date (the talk itself is offline). */
  evaluations: { id: string; child_id: string; begeleider_id: string; held_on: string; created_at: string }
  /** Warm handovers: who moved a child from which team/begeleider to which (ids only). */
  child_handovers: {
    id: string
    organisation_id: string
    child_id: string
    from_team_id: string
    to_team_id: string
    from_begeleider_id: string
    to_begeleider_id: string
    by_begeleider_id: string
    created_at: string
  }
  /** How the parent who did not come along is informed; sealed with the child's key, append-only. */
  other_parent_records: { id: string; child_id: string; begeleider_id: string; body_enc: string; created_at: string }
  /** The begeleider's editable talking points and tips for the next oudergesprek; sealed. */
  oudergesprek_drafts: { child_id: string; begeleider_id: string; body_enc: string; updated_at: string }
  /** The jongere's kamer (server/auth/kamer.ts): a hashed name key and a scrypt hash of the PIN, never the PIN. */
  kamers: {
    child_id: string
    name_key: string | null
    secret_hash: string | null
    failed_count: number
    locked_until: string | null
    opened_at: string | null
    created_at: string
    updated_at: string
  }
  kamer_invites: {
    code_hash: string
    child_id: string
    begeleider_id: string
    expires_at: string
    used_at: string | null
    created_at: string
  }
  kamer_tokens: {
    token_hash: string
    child_id: string
    created_at: string
    expires_at: string
    last_seen_at: string
    revoked_at: string | null
  }
  /** Which shared kamer items (ids only) a begeleider last saw: drives the quiet "new" notice. */
  kamer_seen: { child_id: string; begeleider_id: string; item_ids: string; seen_at: string }
}
