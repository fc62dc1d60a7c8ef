import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { OutboxEntry } from '../net/outbox'
import { SignalAsk } from '../kind/signal/SignalAsk'
import { STEP_SCREENS } from '../kind/steps'
import { registerT } from '../kind/steps/register'
import { BegeleiderContext, type BegeleiderFace } from '../kind/steps/begeleider'
import { StepHost } from '../steps/StepHost'
import { WaysToHelp } from '../ui/WaysToHelp'
import { speak } from '../ui/speech'

/** The notes are written alone, at any hour: the ways to help now stand on every step of them. */
const NOTES_TOOL = 'kamer-notities'

/**
 * One kamer tool, using the same step screens as a guided gesprek. The kamer never "finishes" a
 * tool: the last step leads back to the kamer, so the jongere can add to it next time.
 */
export function ToolScreen({
  toolId,
  view,
  pending,
  send,
  onHome,
  begeleider,
}: {
  toolId: string
  view: GesprekView | null
  pending: readonly OutboxEntry[]
  send: (event: GesprekCommand) => void
  onHome: () => void
  /** The jongere's own begeleider, so a tool that names them (the kennismaking, the afscheid) can. */
  begeleider: BegeleiderFace
}) {
  const tool = toolInfo(toolId)
  const { t: tt } = useTranslation([tool?.namespace ?? 'common', 'common', 'kamer'])
  const { t } = useTranslation(['kamer', 'common'])
  // The notes are one page: no intro screen and no "Stap 1 van 2" before writing. The intro's lines
  // (no-blame, the honest limits) stand under the notes instead, and its step is passed at once.
  const oneScreen = toolId === NOTES_TOOL
  const onIntro = oneScreen && view?.phase === 'actief' && view.step?.id === 'intro'
  const passed = useRef(false)
  useEffect(() => {
    if (!onIntro || passed.current) return
    passed.current = true
    send({ type: 'nav.next' })
  }, [onIntro, send])
  if (!tool) return null
  const tTool = view ? registerT(tt, view.ageBand) : tt
  const stepSpec = view?.step ? tool.steps.find((s) => s.id === view.step!.id) : undefined

  return (
    <section className="kamer-tool">
      <div className="kamer-tool__top">
        <button type="button" className="btn btn--quiet" onClick={onHome}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('kamer:room.home')}
        </button>
        {/* One optional read-aloud for the whole screen: the kamer keeps its adult look. */}
        <button
          type="button"
          className="btn btn--quiet btn--small kamer-tool__read"
          onClick={() =>
            speak(document.querySelector<HTMLElement>('.kamer-tool .step-host__step > section')?.innerText ?? '')
          }
        >
          {t('common:readAloud')}
        </button>
      </div>
      {(!view || onIntro) && <p className="loading">{t('common:loading')}</p>}
      {view && !onIntro && (
        <BegeleiderContext.Provider value={begeleider}>
          <StepHost
            indicator={!oneScreen}
            view={view}
            tool={tool}
            send={send}
            pending={pending}
            t={tTool}
            nav={{
              className: 'kamer-nav',
              back: !oneScreen,
              lastStep: (
                <button type="button" className="btn btn--primary" onClick={onHome}>
                  {t('kamer:room.backToKamer')}
                </button>
              ),
            }}
            rest={
              <div className="kamer-rest">
                <h1 className="visually-hidden">{t(`kamer:tool.${toolId}.title`)}</h1>
                <p>{t('kamer:room.resume')}</p>
                <button type="button" className="btn btn--primary" onClick={() => send({ type: 'gesprek.resume' })}>
                  {t('common:nav.resume')}
                </button>
              </div>
            }
          >
            {view.phase === 'actief' && stepSpec && !STEP_SCREENS[stepSpec.type] && (
              <p className="kamer-note">{t('kamer:room.notYet')}</p>
            )}
          </StepHost>
        </BegeleiderContext.Provider>
      )}
      <SignalAsk view={view} send={send} />
      {oneScreen && view && !onIntro && (
        <div className="kamer-notes__about" data-testid="notes-about">
          <p>{tTool('intro.schuld')}</p>
          <p>{tTool('intro.honest')}</p>
        </div>
      )}
      {toolId === NOTES_TOOL && <WaysToHelp compact />}
    </section>
  )
}
