import i18next from 'i18next'
import { useCallback, useEffect, useRef, useState } from 'react'
import { CATALOG, toolInfo } from '../../../dialogs/catalog'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import { LANGUAGE_CODES, LANGUAGES, WORKSPACE_NAMESPACES, type LangCode } from '../../../dialogs/contract/languages'
import { VOICE_MAX_BYTES, VOICE_MAX_MS, type VoiceListOut, type VoiceRecording } from '../../../dialogs/contract/voices'
import { ensureFont } from '../../i18n'
import { ApiError } from '../../net/api'
import { apiClient } from '../../net/api-client'
import { registerVersion } from '../../tools/version-texts'
import { toolApi } from '../beheer/tool-api'
import { linkProps } from '../router'
import { useWorkspaceT } from '../words'
import { startRecording, type Recording } from './recorder'
import './voices.css'

/** The tools a child hears: the 0-4 observation is the begeleider's own and has no read-aloud. */
const CHILD_TOOLS = CATALOG.filter((t) => !(WORKSPACE_NAMESPACES as readonly string[]).includes(t.namespace))

const voicePath = (toolId: string, version: number, lang: string, key: string) =>
  `/api/voices/tools/${toolId}/${version}/${lang}/${key}`

/**
 * /begeleider/stemmen/<tool>: every text of a tool version per language, which have a recorded voice,
 * and a way to record one (the microphone, via MediaRecorder) or upload a file. Every login of the
 * organisation may record; the admin or the one who recorded a voice may replace or remove it.
 * `?versie=N` names an organisation's own version of the tool (ADR 0075); without it, the built-in one.
 */
export function VoicesPage({ toolId, go }: { toolId: string | null; go: (path: string) => void }) {
  const { t } = useWorkspaceT()
  const tool = toolInfo(toolId ?? '') ?? CHILD_TOOLS.find((x) => x.id === 'stoplicht') ?? CHILD_TOOLS[0]!
  const version = Math.max(1, Number(new URLSearchParams(location.search).get('versie')) || 1)
  const [lang, setLang] = useState<LangCode>('nl')
  const [data, setData] = useState<VoiceListOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [, setTextsReady] = useState(0)
  const load = useCallback(() => {
    apiClient.voices
      .list(tool.id, version)
      .then(setData, (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'))
  }, [tool.id, version])
  useEffect(load, [load])
  // The texts of the chosen language, which the workspace itself does not load (it is in nl or en).
  const ns = version === 1 ? tool.namespace : `${tool.namespace}~v${version}`
  useEffect(() => {
    ensureFont(lang)
    if (version === 1) void i18next.reloadResources([lang], [ns]).then(() => setTextsReady((n) => n + 1))
  }, [lang, ns, version])
  // An organisation's own version: its texts come from the server, every language at once (ADR 0075).
  useEffect(() => {
    if (version === 1) return
    toolApi.version(tool.id, version).then(
      (v) => {
        registerVersion(v.doc, version, LANGUAGE_CODES)
        setTextsReady((n) => n + 1)
      },
      () => setError('not_found'),
    )
  }, [tool.id, version])
  const text = (key: string) => (i18next.exists(key, { lng: lang, ns }) ? i18next.t(key, { lng: lang, ns }) : '')
  const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr'

  const count = (code: string) => data?.recordings.filter((r) => r.lang === code).length ?? 0
  return (
    <div className="voices">
      <h1>{t('workspace:voices.title')}</h1>
      <p className="muted voices__intro">{t('workspace:voices.intro')}</p>
      <nav className="voices__tools" aria-label={t('workspace:voices.tools')}>
        {CHILD_TOOLS.map((x) => (
          <a
            key={x.id}
            className={x.id === tool.id ? 'btn btn--small is-active' : 'btn btn--quiet btn--small'}
            aria-current={x.id === tool.id ? 'page' : undefined}
            {...linkProps(go, `/begeleider/stemmen/${x.id}`)}
          >
            {t(`${x.namespace}:title`)}
          </a>
        ))}
      </nav>
      {error && <p className="form-error">{t(`errors:${error}`)}</p>}
      <div className="voices__langs" role="group" aria-label={t('workspace:voices.languages')}>
        {LANGUAGES.map((l) => (
          <button
            key={l.code}
            type="button"
            lang={l.code}
            className={l.code === lang ? 'voices__lang is-active' : 'voices__lang'}
            aria-pressed={l.code === lang}
            onClick={() => setLang(l.code)}
          >
            <span>{l.name}</span>
            <span className="voices__count" lang="nl">
              {t('workspace:voices.count', { done: count(l.code), total: data?.keys.length ?? 0 })}
            </span>
          </button>
        ))}
      </div>
      {data && (
        <ol className="voices__list">
          {data.keys.map((key) => (
            <VoiceRow
              key={`${lang}/${key}`}
              path={voicePath(tool.id, version, lang, key)}
              textKey={key}
              text={text(key)}
              lang={lang}
              dir={dir}
              recording={data.recordings.find((r) => r.lang === lang && r.key === key) ?? null}
              onChanged={load}
            />
          ))}
        </ol>
      )}
    </div>
  )
}

type RowState =
  | { type: 'idle' }
  | { type: 'recording'; rec: Recording; startedAt: number }
  | { type: 'review'; blob: Blob; url: string }
  | { type: 'saving' }

function VoiceRow(props: {
  path: string
  textKey: string
  text: string
  lang: string
  dir: string
  recording: VoiceRecording | null
  onChanged: () => void
}) {
  const { path, textKey, text, lang, dir, recording, onChanged } = props
  const { t } = useWorkspaceT()
  const [state, setState] = useState<RowState>({ type: 'idle' })
  const [error, setError] = useState<ErrorCode | null>(null)
  const [seconds, setSeconds] = useState(0)
  const file = useRef<HTMLInputElement>(null)

  // While recording: the seconds so far, and a stop at the limit so nothing is lost to a refusal.
  useEffect(() => {
    if (state.type !== 'recording') return
    const timer = setInterval(() => {
      const ms = Date.now() - state.startedAt
      setSeconds(Math.floor(ms / 1000))
      if (ms >= VOICE_MAX_MS - 500) void stop()
    }, 250)
    return () => clearInterval(timer)
  })
  useEffect(
    () => () => {
      if (state.type === 'review') URL.revokeObjectURL(state.url)
    },
    [state],
  )

  const upload = async (blob: Blob) => {
    setError(null)
    if (blob.size > VOICE_MAX_BYTES) return setError('voice_too_large')
    setState({ type: 'saving' })
    try {
      // Audio, not JSON: the body is the recording itself, so this stays a raw fetch.
      const res = await fetch(path, {
        method: 'PUT',
        headers: { 'Content-Type': blob.type || 'application/octet-stream' },
        body: blob,
        credentials: 'same-origin',
      })
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: ErrorCode } | null
        setError(body?.error ?? 'internal')
      } else onChanged()
    } catch {
      setError('server_busy')
    }
    setState({ type: 'idle' })
  }

  const record = async () => {
    setError(null)
    try {
      const rec = await startRecording()
      setSeconds(0)
      setState({ type: 'recording', rec, startedAt: Date.now() })
    } catch {
      setError('voice_no_microphone')
    }
  }
  const stop = async () => {
    if (state.type !== 'recording') return
    const blob = await state.rec.stop()
    setState({ type: 'review', blob, url: URL.createObjectURL(blob) })
  }
  const remove = async () => {
    setError(null)
    try {
      await apiClient.voices.remove(path)
      onChanged()
    } catch (e) {
      setError(e instanceof ApiError ? e.code : 'internal')
    }
  }

  const mayChange = !recording || recording.mayRemove
  return (
    <li className={recording ? 'voice voice--recorded' : 'voice'} data-key={textKey}>
      <div className="voice__text">
        <bdi lang={lang} dir={dir}>
          {text || <span className="muted">{t('workspace:voices.noText')}</span>}
        </bdi>
        <code className="voice__key">{textKey}</code>
      </div>
      <div className="voice__status">
        {recording ? (
          <>
            <span className="badge badge--voice">{t('workspace:voices.has')}</span>{' '}
            <span className="muted">
              {t('workspace:voices.by', {
                name: recording.recordedBy,
                seconds: (recording.durationMs / 1000).toFixed(1),
              })}
            </span>
            <audio controls preload="none" src={`${path}/${recording.etag}`} className="voice__player" />
          </>
        ) : (
          <span className="muted">{t('workspace:voices.none')}</span>
        )}
      </div>
      <div className="voice__actions">
        {state.type === 'idle' && mayChange && (
          <>
            <button type="button" className="btn btn--small" onClick={() => void record()}>
              {recording ? t('workspace:voices.again') : t('workspace:voices.record')}
            </button>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => file.current?.click()}>
              {t('workspace:voices.upload')}
            </button>
            <input
              ref={file}
              type="file"
              hidden
              accept="audio/webm,audio/ogg,audio/mpeg,audio/mp4,.webm,.ogg,.opus,.mp3,.m4a"
              aria-label={t('workspace:voices.upload')}
              onChange={(e) => {
                const f = e.target.files?.[0]
                e.target.value = ''
                if (f) void upload(f)
              }}
            />
            {recording && (
              <button type="button" className="btn btn--quiet btn--small" onClick={() => void remove()}>
                {t('workspace:voices.remove')}
              </button>
            )}
          </>
        )}
        {state.type === 'recording' && (
          <>
            <span className="voice__live" role="status">
              {t('workspace:voices.recording', { seconds, max: VOICE_MAX_MS / 1000 })}
            </span>
            <button type="button" className="btn btn--primary btn--small" onClick={() => void stop()}>
              {t('workspace:voices.stop')}
            </button>
          </>
        )}
        {state.type === 'review' && (
          <>
            <audio controls src={state.url} className="voice__player" aria-label={t('workspace:voices.listen')} />
            <button type="button" className="btn btn--primary btn--small" onClick={() => void upload(state.blob)}>
              {t('workspace:voices.save')}
            </button>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => setState({ type: 'idle' })}>
              {t('workspace:voices.discard')}
            </button>
          </>
        )}
        {state.type === 'saving' && <span className="muted">{t('workspace:voices.saving')}</span>}
      </div>
      {error && (
        <p className="form-error voice__error" role="alert">
          {t(`errors:${error}`)}
        </p>
      )}
    </li>
  )
}
