import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'
import { CodedError } from '../../dialogs/contract/errors'
import { Lang } from '../../dialogs/contract/ids'
import {
  VOICE_MAX_BYTES,
  VoiceEtag,
  VoiceKey,
  VoiceToolId,
  VoiceVersion,
  type KindVoicesOut,
  type VoiceListOut,
} from '../../dialogs/contract/voices'
import { gesprekFor } from '../auth/access'
import type { BegeleiderPrincipal } from '../auth/principal'
import type { Deps } from '../deps'
import { requireChildScreen } from '../http/bearer'
import { requireBegeleider, type Ctx, type Env } from '../http/context'
import { toolEvents } from '../tools/events'
import { versionDoc } from '../tools/versions'
import { inspectAudio } from './container'
import {
  carryVoicesForward,
  findVoice,
  listVoices,
  putVoice,
  removeVoice,
  voiceAudio,
  voicesInLanguage,
  type Address,
} from './store'
import { textKeys, voiceVersionOf } from './texts'

/**
 * Recorded voices (docs/protocol.md, "Recorded voices"). Organisation content: every login of the
 * organisation may listen and record; the admin or the one who recorded it may replace or remove it.
 * A child's token reaches only the voices of its own gesprek's tool version. Nothing here is logged.
 */

const ToolParams = z.strictObject({ toolId: VoiceToolId, version: VoiceVersion })
const TextParams = z.strictObject({ toolId: VoiceToolId, version: VoiceVersion, lang: Lang, key: VoiceKey })
const AudioParams = TextParams.extend({ etag: VoiceEtag })
const KindParams = z.strictObject({ gesprekId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), lang: Lang })
const KindAudioParams = KindParams.extend({ key: VoiceKey, etag: VoiceEtag })

function params<T extends z.ZodType>(c: Ctx, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.param())
  // An unknown tool, language or key is as absent as a missing recording: nothing to probe.
  if (!parsed.success) throw new CodedError('not_found', 404)
  return parsed.data
}

/** The address of a text the tool version really has, in the caller's organisation. */
async function textAddress(deps: Deps, p: BegeleiderPrincipal, t: z.output<typeof TextParams>): Promise<Address> {
  const keys = await textKeys(deps, p.organisationId, t.toolId, t.version)
  if (!keys?.includes(t.key)) throw new CodedError('not_found', 404)
  return { organisationId: p.organisationId, toolId: t.toolId, version: t.version, lang: t.lang, key: t.key }
}

const mayRemove = (p: BegeleiderPrincipal, recordedBy: string) => p.admin || p.begeleiderId === recordedBy

function audioAnswer(c: Ctx, audio: { mime: string; bytes: Buffer }, etag: string, cache: string) {
  const headers = { ETag: `"${etag}"`, 'Cache-Control': cache, 'Content-Type': audio.mime }
  if ((c.req.header('if-none-match') ?? '').includes(`"${etag}"`)) return c.body(null, 304, headers)
  return c.body(new Uint8Array(audio.bytes), 200, { ...headers, 'Content-Length': String(audio.bytes.length) })
}

/**
 * The child's own screen: its gesprek device, or its kamer (ADR 0145), whose token reaches only the
 * gesprekken of the kamer it opened. Either way only that gesprek's organisation, tool and version.
 */
async function kindGesprek(c: Ctx, gesprekId: string) {
  const deps = c.var.deps
  const screen = await requireChildScreen(c)
  const g = await gesprekFor(deps, 'kamer' in screen ? screen.kamer : screen.device, gesprekId)
  const row = await deps.db
    .selectFrom('gesprekken')
    .select('tool_version')
    .where('id', '=', g.id)
    .executeTakeFirstOrThrow()
  return { organisationId: g.organisation_id, toolId: g.tool_id, version: voiceVersionOf(row) }
}

export function voiceRoutes(deps: Deps) {
  toolEvents(deps).onPublished(async (p) => {
    const before = await deps.db
      .selectFrom('tool_versions')
      .select((e) => e.fn.max('version').as('v'))
      .where('organisation_id', '=', p.organisationId)
      .where('tool_id', '=', p.toolId)
      .where('version', '<', p.version)
      .executeTakeFirst()
    const from = Number(before?.v ?? 1) || 1
    const [was, now] = await Promise.all([
      versionDoc(deps, p.organisationId, p.toolId, from),
      versionDoc(deps, p.organisationId, p.toolId, p.version),
    ])
    const text = (doc: typeof was, lang: string, key: string) =>
      (doc.texts as Record<string, Record<string, string>>)[lang]?.[key]
    await carryVoicesForward(deps, p, from, (lang, key) => {
      const t = text(now, lang, key)
      return t !== undefined && t === text(was, lang, key)
    })
  })
  return (
    new Hono<Env>()
      .get('/tools/:toolId/:version', async (c) => {
        const p = await requireBegeleider(c)
        const { toolId, version } = params(c, ToolParams)
        const keys = await textKeys(deps, p.organisationId, toolId, version)
        if (!keys) throw new CodedError('not_found', 404)
        const rows = await listVoices(deps, p.organisationId, toolId, version)
        const out: VoiceListOut = {
          toolId,
          version,
          keys,
          recordings: rows.map((r) => ({
            lang: Lang.parse(r.lang),
            key: r.text_key,
            etag: r.etag,
            mime: r.mime,
            bytes: r.bytes,
            durationMs: r.duration_ms,
            recordedBy: r.display_name,
            recordedAt: r.recorded_at,
            mayRemove: mayRemove(p, r.recorded_by),
          })),
        }
        return c.json(out)
      })
      .put(
        '/tools/:toolId/:version/:lang/:key',
        bodyLimit({
          maxSize: VOICE_MAX_BYTES,
          onError: () => {
            throw new CodedError('voice_too_large', 413)
          },
        }),
        async (c) => {
          const p = await requireBegeleider(c)
          const a = await textAddress(deps, p, params(c, TextParams))
          const bytes = new Uint8Array(await c.req.arrayBuffer())
          // Checked before anything is written: a refused file leaves no row behind.
          const found = inspectAudio(c.req.header('content-type'), bytes)
          const old = await findVoice(deps, a)
          if (old && !mayRemove(p, old.recorded_by)) throw new CodedError('forbidden', 403)
          const row = await putVoice(deps, a, found, bytes, p.begeleiderId)
          return c.json({ etag: row.etag, mime: row.mime, bytes: row.bytes, durationMs: row.duration_ms }, 201)
        },
      )
      .delete('/tools/:toolId/:version/:lang/:key', async (c) => {
        const p = await requireBegeleider(c)
        const a = await textAddress(deps, p, params(c, TextParams))
        const old = await findVoice(deps, a)
        if (!old) throw new CodedError('not_found', 404)
        if (!mayRemove(p, old.recorded_by)) throw new CodedError('forbidden', 403)
        await removeVoice(deps, a)
        return c.json({ ok: true })
      })
      .get('/tools/:toolId/:version/:lang/:key/:etag', async (c) => {
        const p = await requireBegeleider(c)
        const t = params(c, AudioParams)
        const a = await textAddress(deps, p, t)
        const audio = await voiceAudio(deps, a, t.etag)
        if (!audio) throw new CodedError('not_found', 404)
        return audioAnswer(c, audio, t.etag, 'private, max-age=31536000, immutable')
      })
      // The child's side: its own gesprek, in the language the child chose (the picker may change it).
      .get('/gesprek/:gesprekId/:lang', async (c) => {
        const { gesprekId, lang } = params(c, KindParams)
        const g = await kindGesprek(c, gesprekId)
        const rows = await voicesInLanguage(deps, g.organisationId, g.toolId, g.version, lang)
        const out: KindVoicesOut = {
          toolId: g.toolId,
          version: g.version,
          lang,
          voices: rows.map((r) => ({ key: r.text_key, etag: r.etag })),
        }
        return c.json(out)
      })
      .get('/gesprek/:gesprekId/:lang/:key/:etag', async (c) => {
        const t = params(c, KindAudioParams)
        const g = await kindGesprek(c, t.gesprekId)
        const audio = await voiceAudio(deps, { ...g, lang: t.lang, key: t.key }, t.etag)
        if (!audio) throw new CodedError('not_found', 404)
        return audioAnswer(c, audio, t.etag, 'no-store')
      })
  )
}
