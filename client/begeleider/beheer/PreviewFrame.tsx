import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { initialTransition, transition } from 'xstate'
import { GesprekEvent } from '../../../dialogs/contract/events'
import type { ToolVersionDoc } from '../../../dialogs/contract/tool-version'
import { buildToolMachine } from '../../../dialogs/framework/build'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import { stateOf, type ToolSnapshot } from '../../../dialogs/framework/snapshot'
import { toView } from '../../../dialogs/framework/view'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import { Closing } from '../../kind/Keepsake'
import { StepHost } from '../../steps/StepHost'
import { registerVersion } from '../../tools/version-texts'
import { Prompt } from '../../ui/ReadAloud'
import { QuickExit } from '../../ui/QuickExit'
import { isPreviewMessage, type PreviewMessage } from './preview-message'
import '../../steps/child-screen.css'

type Running = {
  tool: ToolInfo
  machine: ReturnType<typeof buildToolMachine>
  snapshot: ToolSnapshot
  shape: string
  jump: number
}

/** The step ids in order: a preview only starts again when the steps themselves changed. */
const shape = (doc: ToolVersionDoc) =>
  doc.steps.map((s) => `${s.id}:${s.kind}:${(s.prompts ?? []).join(',')}`).join('|')

function start(tool: ToolInfo, message: PreviewMessage, here: string | undefined): Running {
  const { doc, ageBand } = message
  const stepId = message.stepId ?? here
  const machine = buildToolMachine(doc.toolId, 'preview', doc.steps)
  let [snapshot] = initialTransition(machine, { ageBand, setting: 'begeleid' })
  // To a step: forward through the real machine, as a child pressing Verder would.
  for (let i = 0; stepId && i < doc.steps.length && stateOf(snapshot).stepId !== stepId; i++)
    [snapshot] = transition(machine, snapshot, { type: 'nav.next' })
  return { tool, machine, snapshot, shape: shape(doc), jump: message.jump }
}

/**
 * The editor's live preview, inside a 360×740 frame (so the child's own phone layout applies): the real
 * machine built from the draft's steps, running in this page, and the real StepHost and step screens
 * showing the draft's texts in the chosen language. Nothing is sent anywhere and nothing is stored.
 */
export default function PreviewFrame() {
  const [message, setMessage] = useState<PreviewMessage | null>(null)
  const [running, setRunning] = useState<Running | null>(null)
  const [revision, setRevision] = useState(0)
  const { i18n } = useTranslation()

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      // Only the editor that opened this frame, on this origin, may drive it.
      if (e.origin !== location.origin || e.source !== window.parent || !isPreviewMessage(e.data)) return
      setMessage(e.data)
    }
    window.addEventListener('message', onMessage)
    window.parent.postMessage({ type: 'kg-tool-preview-ready' }, location.origin)
    return () => window.removeEventListener('message', onMessage)
  }, [])

  useEffect(() => {
    if (!message) return
    const tool = registerVersion(message.doc, 'preview', [message.lang], i18n)
    if (!tool) return
    void i18n.changeLanguage(message.lang).then(() => {
      setRunning((prev) => {
        // New words only: stay on the screen the trainer is looking at. New steps or a jump: start there.
        if (prev && prev.jump === message.jump && prev.shape === shape(message.doc)) return { ...prev, tool }
        return start(tool, message, prev ? stateOf(prev.snapshot).stepId : undefined)
      })
      setRevision((r) => r + 1)
    })
  }, [message, i18n])

  const { t } = useTranslation([running?.tool.namespace ?? 'common', 'common', 'errors'])
  const view = useMemo(() => (running ? toView(running.tool, running.snapshot, 'kind') : null), [running])
  if (!running || !view || !message) return <p className="loading">…</p>
  const send = (event: GesprekCommand) =>
    setRunning((r) => {
      // Parsed with the contract and checked against the machine, as the server does.
      const parsed = GesprekEvent.safeParse(event)
      if (!r || !parsed.success || !r.snapshot.can(parsed.data)) return r
      const [next] = transition(r.machine, r.snapshot, parsed.data)
      return { ...r, snapshot: next }
    })
  const stepKind = view.step ? running.tool.steps.find((s) => s.id === view.step!.id)?.kind : undefined

  return (
    <div className={`app app--kind band-${view.ageBand}`} data-testid="tool-preview" lang={message.lang}>
      <header className="kind-bar">
        <QuickExit />
        {view.phase === 'actief' && (
          <div className="kind-bar__actions">
            <button type="button" className="btn btn--soft" onClick={() => send({ type: 'gesprek.pause' })}>
              {t('common:nav.pause')}
            </button>
            <button type="button" className="btn btn--soft" onClick={() => send({ type: 'gesprek.stop' })}>
              {t('common:nav.stop')}
            </button>
          </div>
        )}
      </header>
      <main className="kind-main" key={revision}>
        <StepHost
          view={view}
          tool={running.tool}
          send={send}
          pending={[]}
          t={t}
          nav={{ className: 'kind-nav', big: true, skip: stepKind !== 'info' }}
          rest={
            view.phase === 'afgerond' ? (
              <Closing view={view} tool={running.tool} t={t} done />
            ) : (
              <section className="rest">
                <Prompt as="h1" text={t(view.phase === 'gepauzeerd' ? 'common:pausedTitle' : 'common:stoppedTitle')} />
                <Prompt text={t(view.phase === 'gepauzeerd' ? 'common:pausedText' : 'common:stoppedText')} />
                <div className="rest__actions">
                  <button
                    type="button"
                    className="btn btn--primary btn--big"
                    onClick={() => send({ type: 'gesprek.resume' })}
                  >
                    {t('common:nav.resume')}
                  </button>
                </div>
              </section>
            )
          }
        />
      </main>
    </div>
  )
}
