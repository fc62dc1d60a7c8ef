import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import type { AgeBand } from '../../../dialogs/contract/ids'
import { LANGUAGES, SOURCE_LANGUAGE, type LangCode } from '../../../dialogs/contract/languages'
import type { DraftOut, StepDoc, ToolProblem, ToolVersionDoc } from '../../../dialogs/contract/tool-version'
import { toolInfo } from '../../../dialogs/catalog'
import { completeness, type VersionKeys } from '../../../dialogs/framework/texts'
import { checkDoc } from '../../../dialogs/framework/tool-rules'
import { ensureFont } from '../../i18n'
import { useWorkspaceT } from '../words'
import { PREVIEW_PATH, type PreviewMessage } from './preview-message'
import { StepEditor } from './StepEditor'
import { TextsEditor } from './TextsEditor'
import { toolApi, ToolApiError } from './tool-api'

/**
 * The editor of one tool's draft: the steps on the left (texts per language, prompts, follow-ups,
 * pictures, order), the child's phone on the right (a live preview through the real step screens).
 * A texts-only tool (the kamer tools, ADR 0140) lists its texts by step instead, with no structure
 * controls. The rules are checked here as the trainer types, and again by the server at save and publish.
 */
export function ToolEditor({ toolId, onClose }: { toolId: string; onClose: () => void }) {
  const { t } = useWorkspaceT()
  const [draft, setDraft] = useState<DraftOut | null>(null)
  const [doc, setDoc] = useState<ToolVersionDoc | null>(null)
  const [lang, setLang] = useState<LangCode>(SOURCE_LANGUAGE)
  // The preview's bands are the tool's own (the kamer tools are 12-18, their adult register).
  const bands = toolInfo(toolId)?.ageBands.filter((b) => b !== '0-4') ?? ['8-12']
  const [ageBand, setAgeBand] = useState<AgeBand>(bands.includes('8-12') ? '8-12' : bands[0]!)
  const [stepId, setStepId] = useState<string>('intro')
  const [jump, setJump] = useState(0)
  const [note, setNote] = useState('')
  const [status, setStatus] = useState<{ error?: ErrorCode; problems?: ToolProblem[]; done?: string } | null>(null)
  const [dirty, setDirty] = useState(false)
  const frame = useRef<HTMLIFrameElement>(null)
  const [frameReady, setFrameReady] = useState(false)

  const loadDraft = useCallback(() => {
    toolApi.draft(toolId).then(
      (d) => {
        setDraft(d)
        setDoc(d.doc)
        setDirty(false)
      },
      (e: unknown) => setStatus({ error: e instanceof ToolApiError ? e.code : 'internal' }),
    )
  }, [toolId])
  useEffect(loadDraft, [loadDraft])
  // Every language's own script on its tab and in its fields (Tigrinya, Arabic, Farsi).
  useEffect(() => LANGUAGES.forEach((l) => ensureFont(l.code)), [])

  // The preview frame says when it listens; from then on it gets the draft at every change.
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin === location.origin && e.source === frame.current?.contentWindow)
        if ((e.data as { type?: string } | null)?.type === 'kg-tool-preview-ready') setFrameReady(true)
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [])
  useEffect(() => {
    if (!doc || !frameReady) return
    const message: PreviewMessage = { type: 'kg-tool-preview', doc, lang, ageBand, stepId, jump }
    frame.current?.contentWindow?.postMessage(message, location.origin)
  }, [doc, lang, ageBand, stepId, jump, frameReady])

  // A texts-only tool: its keys come with the draft, its steps are the ones the server sent (never edited here).
  const fixed = useMemo<VersionKeys | undefined>(() => draft?.keys?.map((k) => [k.key, k.slot] as const), [draft])
  const problems = useMemo(
    () =>
      doc
        ? checkDoc(doc, toolId, {
            publishing: true,
            ...(fixed && draft ? { textsOnly: { steps: draft.doc.steps, keys: fixed } } : {}),
          })
        : [],
    [doc, toolId, fixed, draft],
  )
  const missing = useMemo(() => (doc ? completeness(doc, fixed) : []), [doc, fixed])

  if (!doc || !draft)
    return status?.error ? (
      <p className="form-error">{t(`errors:${status.error}`)}</p>
    ) : (
      <p className="muted">{t('common:loading')}</p>
    )

  const change = (next: ToolVersionDoc) => {
    setDoc(next)
    setDirty(true)
    setStatus(null)
  }
  const setText = (key: string, text: string) =>
    change({ ...doc, texts: { ...doc.texts, [lang]: { ...(doc.texts[lang] ?? {}), [key]: text } } })
  const setStep = (index: number, step: StepDoc) =>
    change({ ...doc, steps: doc.steps.map((s, i) => (i === index ? step : s)) })
  const moveStep = (index: number, by: -1 | 1) => {
    const steps = [...doc.steps]
    const [s] = steps.splice(index, 1)
    steps.splice(index + by, 0, s!)
    change({ ...doc, steps })
  }
  const removeStep = (index: number) => change({ ...doc, steps: doc.steps.filter((_, i) => i !== index) })
  const addStep = (step: StepDoc) => {
    // A new step goes before the sharing step: answers come before "who may know".
    const at = doc.steps.findIndex((s) => s.type === 'share')
    const steps = [...doc.steps]
    steps.splice(at < 0 ? steps.length - 1 : at, 0, step)
    change({ ...doc, steps })
    setStepId(step.id)
    setJump((j) => j + 1)
  }
  const fail = (e: unknown) =>
    setStatus(e instanceof ToolApiError ? { error: e.code, problems: e.problems } : { error: 'internal' })

  const save = () =>
    toolApi.saveDraft(toolId, doc).then((d) => {
      setDraft(d)
      setDoc(d.doc)
      setDirty(false)
      setStatus({ done: t('workspace:tools.saved') })
      return true
    }, fail)
  const publish = async () => {
    if (dirty && !(await save())) return
    toolApi.publish(toolId, note).then((r) => {
      setStatus({ done: t('workspace:tools.publishedAs', { version: r.version, languages: r.languages.join(', ') }) })
      setNote('')
      loadDraft()
    }, fail)
  }
  const discard = () => toolApi.discardDraft(toolId).then(loadDraft, fail)

  const shownProblems = status?.problems ?? problems
  const offered = missing.filter((m) => m.missing.length === 0).map((m) => m.lang)

  return (
    <div className="tool-editor">
      <header className="tool-editor__head">
        <button type="button" className="btn btn--quiet" onClick={onClose}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('workspace:tools.back')}
        </button>
        <h1>
          {t(`common:tools.${toolId}`)} · {t('workspace:tools.draftOf', { version: draft.basedOn })}
        </h1>
      </header>

      <nav className="tool-editor__langs" aria-label={t('workspace:tools.editLanguage')}>
        {LANGUAGES.map((l) => {
          const count = missing.find((m) => m.lang === l.code)?.missing.length ?? 0
          return (
            <button
              key={l.code}
              type="button"
              className={`lang-tab${lang === l.code ? ' is-current' : ''}`}
              aria-pressed={lang === l.code}
              onClick={() => setLang(l.code)}
              data-testid={`lang-${l.code}`}
            >
              <span lang={l.code} dir={l.dir}>
                {l.name}
              </span>
              {count > 0 ? (
                <span className="badge badge--warn">{t('workspace:tools.missing', { count })}</span>
              ) : (
                <span className="badge badge--ok">✓</span>
              )}
            </button>
          )
        })}
      </nav>

      <div className="tool-editor__body">
        {fixed ? (
          <TextsEditor
            doc={doc}
            keys={fixed}
            lang={lang}
            missing={new Set(missing.find((m) => m.lang === lang)?.missing ?? [])}
            problems={shownProblems}
            selected={stepId}
            onSelect={(id) => {
              setStepId(id)
              setJump((j) => j + 1)
            }}
            onText={setText}
          />
        ) : (
          <div className="tool-editor__steps">
            {doc.steps.map((step, index) => (
              <StepEditor
                key={step.id}
                doc={doc}
                step={step}
                index={index}
                lang={lang}
                selected={stepId === step.id}
                problems={shownProblems.filter((p) => p.stepId === step.id || p.key?.startsWith(`${step.id}.`))}
                onSelect={() => {
                  setStepId(step.id)
                  setJump((j) => j + 1)
                }}
                onText={setText}
                onStep={(s) => setStep(index, s)}
                onMove={(by) => moveStep(index, by)}
                onRemove={() => removeStep(index)}
                onAdd={addStep}
              />
            ))}
          </div>
        )}

        <aside className="tool-editor__preview">
          <div className="tool-editor__preview-bar">
            <label>
              {t('workspace:tools.previewAge')}{' '}
              <select value={ageBand} onChange={(e) => setAgeBand(e.target.value as AgeBand)}>
                {bands.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn btn--quiet btn--small" onClick={() => setJump((j) => j + 1)}>
              {t('workspace:tools.previewRestart')}
            </button>
          </div>
          <iframe
            ref={frame}
            title={t('workspace:tools.preview')}
            src={PREVIEW_PATH}
            className="tool-editor__phone"
            width={360}
            height={740}
            data-testid="preview-frame"
          />
        </aside>
      </div>

      <footer className="tool-editor__publish panel">
        <p role="status" className="tool-editor__status">
          {status?.error && <span className="form-error">{t(`errors:${status.error}`)}</span>}
          {status?.done && <span className="muted">{status.done}</span>}
        </p>
        {shownProblems.length > 0 && (
          <ul className="tool-editor__problems" data-testid="tool-problems">
            {shownProblems.slice(0, 12).map((p, i) => (
              <li key={i}>
                {t(`workspace:tools.rule.${p.rule}`)}
                {p.key && <span className="muted"> · {p.key}</span>}
                {p.lang && <span className="muted"> · {p.lang}</span>}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">{t('workspace:tools.offered', { languages: offered.join(', ') || '—' })}</p>
        <div className="tool-editor__actions">
          <button type="button" className="btn" onClick={() => void save()} disabled={!dirty}>
            {t('workspace:tools.save')}
          </button>
          <label className="tool-editor__note">
            {t('workspace:tools.note')}
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void publish()}
            disabled={note.trim() === '' || problems.length > 0}
          >
            {t('workspace:tools.publish')}
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => void discard()}>
            {t('workspace:tools.discard')}
          </button>
        </div>
      </footer>
    </div>
  )
}
