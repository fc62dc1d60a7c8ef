import * as z from 'zod'
import { Lang } from './ids'

/**
 * Recorded voices (docs/decisions/0080-recorded-voices.md): a human voice for one text of one tool
 * version in one language, recorded by the organisation. Addressed by (organisation, tool, version,
 * language, text key); the text key is the i18n key the child's screen uses for that text.
 */

/** At most 1 MiB and 60 s: a prompt, never a story; checked on the bytes, not the header. */
export const VOICE_MAX_BYTES = 1024 * 1024
export const VOICE_MAX_MS = 60_000

export const VoiceToolId = z.string().regex(/^[a-z-]{2,30}$/)
/** Built-in tools are version 1; an organisation's own versions are 2, 3, … (ADR 0080). */
export const VoiceVersion = z.coerce.number().int().min(1).max(100_000)
/** An i18n key inside the tool's namespace, as the screen uses it: `intro.prompt`, `plekken.prompts.school`. */
export const VoiceKey = z.string().regex(/^[A-Za-z0-9_-]{1,60}(\.[A-Za-z0-9_-]{1,60}){0,5}$/)
/** A recording's content hash: it names the bytes, so its address never changes meaning. */
export const VoiceEtag = z.string().regex(/^[a-f0-9]{32}$/)

export const VoiceRecording = z.strictObject({
  lang: Lang,
  key: VoiceKey,
  etag: VoiceEtag,
  mime: z.string(),
  bytes: z.number().int(),
  durationMs: z.number().int(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /** The caller may remove it: the admin, or the one who recorded it. */
  mayRemove: z.boolean(),
})
export type VoiceRecording = z.output<typeof VoiceRecording>

/** The recording page: every text of the tool version (keys) and which languages have a voice for each. */
export const VoiceListOut = z.strictObject({
  toolId: VoiceToolId,
  version: z.number().int(),
  keys: z.array(VoiceKey),
  recordings: z.array(VoiceRecording),
})
export type VoiceListOut = z.output<typeof VoiceListOut>

/** What a child's gesprek may play: the voices of its own tool version in one language. */
export const KindVoicesOut = z.strictObject({
  toolId: VoiceToolId,
  version: z.number().int(),
  lang: Lang,
  voices: z.array(z.strictObject({ key: VoiceKey, etag: VoiceEtag })),
})
export type KindVoicesOut = z.output<typeof KindVoicesOut>
