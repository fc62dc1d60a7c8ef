import type { Generated } from 'kysely'
import type { GesprekEventType } from '../../dialogs/contract/events'
import type { AgeBand, Setting } from '../../dialogs/contract/ids'
import type { AccessType } from '../../dialogs/contract/receipt'
import type { Phase } from '../../dialogs/contract/view'
import type { TaskType } from '../../dialogs/contract/tasks'
import type { Fase, Living } from '../../dialogs/contract/workspace'

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
    /** The picture shown to children beside the name (migration 0090); null until chosen. */
    picture: string | null
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
    phase: Generated<Fase>
    living: Generated<Living>
    /** The band the werkvormen are chosen and worded by, when the begeleider set one apart from age (0115). */
    development_band: AgeBand | null
  }
  gesprekken: {
    id: string
    child_id: string
    tool_id: string
    tool_version: string
    setting: Setting
    /** The band the gesprek was started for (machine input); the child's band may move on later. */
    age_band: AgeBand
    /** The child's actual age band when it differs from `age_band` (0115): the deelafspraak's words follow it. */
    legal_band: AgeBand | null
    /** The living situation the gesprek started with (machine input, migration 0090); null: from before. */
    living: Living | null
    seq: number
    phase: Phase
    /** Sealed persisted XState snapshot: a cache of folding the event log up to `snapshot_seq`. */
    snapshot_enc: string
    /** The last event the stored snapshot includes; events after it are replayed on load (migration 0040). */
    snapshot_seq: Generated<number>
    created_at: string
    updated_at: string
    /** The organisation's tool version it runs on (migration 107); null: the built-in version 1. */
    tool_version_id?: string | null
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
    /** Which child device sent it (ADR 0010); null for a begeleider, the kamer, or rows from before. */
    actor_device?: string | null
    /** For item.add: the new item's id (an id, never content), so a device's own items are known. */
    item_id?: string | null
    /** 1 when the event changed a view other than the child's, 0 when not; null before migration 80 (ADR 0050). */
    shown?: number | null
  }
  join_codes: {
    code_hash: string
    gesprek_id: string
    expires_at: string
    used_at: string | null
    created_at: string
    /** The begeleider who made the code (named on the child's receipt when a screen joins). */
    created_by?: string | null
  }
  device_tokens: {
    token_hash: string
    gesprek_id: string
    child_id: string
    created_at: string
    expires_at: string
    last_seen_at: string
    revoked_at: string | null
    /** Public id of the device (events, approval); the token itself stays secret. */
    device_id?: string | null
    /** 1: the child's own device (the first, or approved by one); 0: sees only what a begeleider sees. */
    trusted: Generated<number>
    minted_by?: string | null
  }
  /** Append-only, hash-chained access log (server/audit/access-log.ts); never holds content. */
  access_log: {
    id: Generated<number>
    organisation_id: string
    child_id: string
    begeleider_id: string
    gesprek_id: string | null
    what: AccessType
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
  /**
   * The method's records (ADR 0065): consent, oudergesprek, samen (joint conversation), fase1, overdracht.
   * Append-only; the newest of a type is current. Body sealed with the child's key; held_on a plain day.
   */
  method_records: {
    id: string
    child_id: string
    type: string
    n: number
    held_on: string | null
    begeleider_id: string
    body_enc: string
    created_at: string
  }
  /** The begeleider's editable talking points and tips for the next oudergesprek; sealed. */
  oudergesprek_drafts: { child_id: string; begeleider_id: string; body_enc: string; updated_at: string }
  /** The oudergesprek's talking points and tips per parent (`mama`, `papa`, `hier`): migration 135. */
  parent_drafts: {
    child_id: string
    parent: string
    begeleider_id: string
    body_enc: string
    updated_at: string
    legacy: Generated<number>
  }
  /**
   * The jongere's kamers (server/auth/kamer.ts), several per child over time: a keyed name index, the
   * PIN's key-derivation parameters and the kamer data key sealed under the PIN; never the PIN or name.
   * `legacy_*`: rows from before migration 20, upgraded at their next open.
   */
  kamers: {
    id: string
    child_id: string
    name_key: string | null
    pin_kdf: string | null
    key_sealed: string | null
    legacy_name_key: string | null
    legacy_secret_hash: string | null
    opened_at: string | null
    created_at: string
    updated_at: string
  }
  /** Which kamer a kamer gesprek belongs to and which key seals it ('kamer': the PIN; 'child'). */
  kamer_gesprekken: { gesprek_id: string; kamer_id: string; sealed: 'kamer' | 'child' }
  /** The begeleider's projection of a PIN-sealed kamer gesprek, sealed under the child key. */
  kamer_shared: { gesprek_id: string; seq: number; view_enc: string; updated_at: string }
  /** Secrets sealed under the instance key (server/crypto/secrets.ts). */
  instance_secrets: { purpose: string; sealed: string; created_at: string }
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
    /** Null only for tokens from before migration 20 (all revoked by it). */
    kamer_id: string | null
    /** The kamer data key, sealed under a key derived from the token (only its holder opens it). */
    key_sealed: string | null
    created_at: string
    expires_at: string
    last_seen_at: string
    revoked_at: string | null
  }
  /** Which shared kamer items (ids only) a begeleider last saw: drives the quiet "new" notice. */
  kamer_seen: { child_id: string; begeleider_id: string; item_ids: string; seen_at: string }
  /** Revocation notices from another process (the CLI), ids only (server/realtime/revocation-table.ts). */
  revocations: { seq: number; notice: string; created_at: string }
  /** When a signal first reached the begeleider's projection (migration 0070): ids and a time only. */
  signal_seen: { gesprek_id: string; item_id: string; child_id: string; first_seen_at: string }
  /** "Besproken met het kind / in het team / met de ouder op …" per signal, by a begeleider. */
  signal_followups: {
    id: string
    child_id: string
    gesprek_id: string
    item_id: string
    begeleider_id: string
    with_whom: string
    held_on: string
    created_at: string
  }
  /** "Ik wil praten" from the kamer: a contact request, nothing else. */
  /** Which parent the oudergesprek is with, and the sealed other-parent record and network flags (0071). */
  parent_profiles: {
    child_id: string
    present_parent: string | null
    other_enc: string | null
    flags_enc: string | null
    updated_by: string
    updated_at: string
  }
  /** An organisation's published tool versions (migration 105, ADR 0075); version 1 is built in. */
  tool_versions: {
    id: string
    organisation_id: string
    tool_id: string
    version: number
    based_on: number
    /** The immutable ToolVersionDoc as JSON: organisation content, never child data. */
    doc: string
    /** JSON array of the languages it is complete in. */
    languages: string
    note: string
    published_by: string
    published_at: string
    withdrawn_at: string | null
    withdrawn_by: string | null
  }
  tool_builtin_withdrawn: { organisation_id: string; tool_id: string; withdrawn_at: string; withdrawn_by: string }
  /** The one working draft per organisation and tool (migration 106). */
  tool_drafts: {
    organisation_id: string
    tool_id: string
    based_on: number
    doc: string
    updated_by: string
    updated_at: string
  }
  talk_requests: {
    id: string
    child_id: string
    created_at: string
    handled_at: string | null
    handled_by: string | null
  }
  /** A begeleider's tasks that an answer asks for (0091): ids, a type and dates, never words. */
  tasks: {
    id: string
    child_id: string
    type: TaskType
    gesprek_id: string
    item_id: string
    created_at: string
    done_at: string | null
    done_by: string | null
  }
  /** The actieplan and veiligheidsplan per child (0100), sealed; citations only, never answer words. */
  plans: { child_id: string; type: string; body_enc: string; updated_by: string; updated_at: string }
  /** The content of a 6-weekly evaluation (0101), sealed. */
  plan_evaluations: {
    id: string
    child_id: string
    begeleider_id: string
    held_on: string
    body_enc: string
    created_at: string
  }
}
