import type { Generated } from 'kysely'

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
    age_band: string
    /** The child's data key, AES-256-GCM wrapped by the instance key. Null after erasure (crypto-shredding). */
    key_wrapped: string | null
    created_at: string
    closed_at: string | null
  }
  gesprekken: {
    id: string
    child_id: string
    tool_id: string
    tool_version: string
    setting: string
    /** The band the gesprek was started for (machine input); the child's band may move on later. */
    age_band: string
    seq: number
    phase: string
    /** Sealed persisted XState snapshot: a cache of folding the event log. */
    snapshot_enc: string
    created_at: string
    updated_at: string
  }
  gesprek_events: {
    id: Generated<number>
    gesprek_id: string
    seq: number
    client_msg_id: string
    actor_role: string
    actor_id: string
    /** Event type only (e.g. item.add); the payload is sealed. */
    type: string
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
}
