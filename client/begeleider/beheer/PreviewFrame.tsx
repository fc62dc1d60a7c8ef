import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import { Closing } from '../../kind/Keepsake'
import { StepHost } from '../../steps/StepHost'
import { registerVersion } from '../../tools/version-texts'
import { Prompt } from '../../ui/ReadAloud'
import { QuickExit } from '../../ui/QuickExit'
import { KamerPreview } from './KamerPreview'
import { isPreviewMessage, previewsInKamer, type PreviewMessage } from './preview-message'
import type { Running } from './preview-machine'
import '../../steps/child-screen.css'

const loadMachine = () => import('./preview-machine')
type MachineModule = Awaited<ReturnType<typeof loadMachine>>

/**
 * The editor's live preview, inside a 360×740 frame (so the child's own phone layout applies): the real
 * machine built from the draft's steps, running in this page, and the real StepHost and step screens
 * showing the draft's texts in the chosen language. A kamer tool at a jongere's band runs in the kamer's
 * own tool screen instead (`KamerPreview`). Nothing is sent anywhere and nothing is stored.
 */
export default function PreviewFrame() {
  const [message, setMessage] = useState<PreviewMessage | null>(null)
  const [running, setRunning] = useState<Running | null>(null)
  const [machine, setMachine] = useState<MachineModule | null>(null)
  const { i18n } = useTranslation()
  useEffect(() => {
    void loadMachine().then(setMachine)
  }, [])

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
    if (!message || !machine) return
    const tool = registerVersion(message.doc, 'preview', [message.lang], i18n)
    if (!tool) return
    void i18n.changeLanguage(message.lang).then(() => {
      setRunning((prev) => {
        // New words only: stay on the screen the trainer is looking at. New steps, another band or a
        // jump: start there.
        const same = prev && prev.jump === message.jump && prev.ageBand === message.ageBand
        if (prev && same && prev.shape === machine.shape(message.doc)) return machine.retool(prev, tool)
        return machine.start(tool, message, prev ? machine.here(prev) : undefined, (prev?.run ?? 0) + 1)
      })
    })
  }, [message, machine, i18n])

  const { t } = useTranslation([running?.tool.namespace ?? 'common', 'common', 'errors'])
  const view = running?.view
  if (!running || !view || !message || !machine) return <p className="loading">…</p>
  const send = (event: GesprekCommand) => setRunning((r) => (r ? machine.step(r, event) : r))
  if (previewsInKamer(message.doc.toolId, view.ageBand))
    return <KamerPreview running={running} send={send} lang={message.lang} />
  const stepType = view.step ? running.tool.steps.find((s) => s.id === view.step!.id)?.type : undefined

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
      {/* A new run gets fresh screens; new words are the same screens rendered again, so the step's
          heading is not focused anew and the trainer's field in the editor keeps the focus. */}
      <main className="kind-main" key={running.run}>
        <StepHost
          view={view}
          tool={running.tool}
          send={send}
          pending={[]}
          t={t}
          nav={{ className: 'kind-nav', big: true, skip: stepType !== 'info' }}
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
