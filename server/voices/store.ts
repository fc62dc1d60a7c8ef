import { createHash } from 'node:crypto'
import type { Deps } from '../deps'
import type { Inspected } from './container'

/** The table of recorded voices, kept beside the shared schema so the voices room stays in one folder. */
export type VoiceRow = {
  organisation_id: string
  tool_id: string
  version: number
  lang: string
  text_key: string
  etag: string
  mime: string
  codec: string
  bytes: number
  duration_ms: number
  audio_b64: string
  recorded_by: string
  recorded_at: string
}
const voices = (deps: Deps) => deps.db.withTables<{ voice_recordings: VoiceRow }>()

export type Address = { organisationId: string; toolId: string; version: number; lang: string; key: string }

/** The content hash names the bytes: a new recording gets a new address, so a cached one is never stale. */
export const etagOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32)

const META = [
  'lang',
  'text_key',
  'etag',
  'mime',
  'bytes',
  'duration_ms',
  'recorded_by',
  'recorded_at',
] as const satisfies readonly (keyof VoiceRow)[]

/** Every recording of one tool version (without the audio), with who recorded it. */
export function listVoices(deps: Deps, organisationId: string, toolId: string, version: number) {
  return voices(deps)
    .selectFrom('voice_recordings')
    .innerJoin('begeleiders', 'begeleiders.id', 'voice_recordings.recorded_by')
    .select(META.map((c) => `voice_recordings.${c}` as const))
    .select('begeleiders.display_name')
    .where('voice_recordings.organisation_id', '=', organisationId)
    .where('voice_recordings.tool_id', '=', toolId)
    .where('voice_recordings.version', '=', version)
    .orderBy('voice_recordings.text_key')
    .orderBy('voice_recordings.lang')
    .execute()
}

/** The voices one language of a tool version has: what a child's gesprek may play. */
export function voicesInLanguage(deps: Deps, organisationId: string, toolId: string, version: number, lang: string) {
  return voices(deps)
    .selectFrom('voice_recordings')
    .select(['text_key', 'etag'])
    .where('organisation_id', '=', organisationId)
    .where('tool_id', '=', toolId)
    .where('version', '=', version)
    .where('lang', '=', lang)
    .orderBy('text_key')
    .execute()
}

function at(q: ReturnType<typeof voices>, a: Address) {
  return q
    .selectFrom('voice_recordings')
    .where('organisation_id', '=', a.organisationId)
    .where('tool_id', '=', a.toolId)
    .where('version', '=', a.version)
    .where('lang', '=', a.lang)
    .where('text_key', '=', a.key)
}

export function findVoice(deps: Deps, a: Address) {
  return at(voices(deps), a).select(['recorded_by', 'etag']).executeTakeFirst()
}

export async function voiceAudio(deps: Deps, a: Address, etag: string) {
  const row = await at(voices(deps), a).select(['mime', 'audio_b64']).where('etag', '=', etag).executeTakeFirst()
  return row ? { mime: row.mime, bytes: Buffer.from(row.audio_b64, 'base64') } : null
}

/** One recording per address: a new one replaces the old in one transaction. */
export async function putVoice(deps: Deps, a: Address, found: Inspected, bytes: Uint8Array, by: string) {
  const row: VoiceRow = {
    organisation_id: a.organisationId,
    tool_id: a.toolId,
    version: a.version,
    lang: a.lang,
    text_key: a.key,
    etag: etagOf(bytes),
    mime: found.mime,
    codec: found.codec,
    bytes: bytes.length,
    duration_ms: found.durationMs,
    audio_b64: Buffer.from(bytes).toString('base64'),
    recorded_by: by,
    recorded_at: new Date(deps.clock.now()).toISOString(),
  }
  await voices(deps)
    .transaction()
    .execute(async (trx) => {
      await trx
        .deleteFrom('voice_recordings')
        .where('organisation_id', '=', a.organisationId)
        .where('tool_id', '=', a.toolId)
        .where('version', '=', a.version)
        .where('lang', '=', a.lang)
        .where('text_key', '=', a.key)
        .execute()
      await trx.insertInto('voice_recordings').values(row).execute()
    })
  return row
}

export async function removeVoice(deps: Deps, a: Address): Promise<void> {
  await voices(deps)
    .deleteFrom('voice_recordings')
    .where('organisation_id', '=', a.organisationId)
    .where('tool_id', '=', a.toolId)
    .where('version', '=', a.version)
    .where('lang', '=', a.lang)
    .where('text_key', '=', a.key)
    .execute()
}
