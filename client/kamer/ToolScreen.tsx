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
import { Prompt, ReadAloudLook } from '../ui/ReadAloud'
import { useGesprekVoices } from '../ui/voices'
import { WaysToHelp } from '../ui/WaysToHelp'
import { useKamerTool, useKamerToken } from './kamer-texts'

/** The notes are written alone, at any hour: the ways to help now stand on every step of them. */
const NOTES_TOOL = 'kamer-notities'

/**
 * One kamer tool, using the same step screens as a guided gesprek, with the words of the tool version
 * the gesprek runs on (ADR 0145), from the `KamerTexts` source around it: the kamer's route, or the
 * editor's draft in its preview (ADR 0146, this same screen with nothing sent anywhere). The kamer never
 * "finishes" a tool: the last step leads back to the kamer, so the jongere can add to it next time.
 * Every prompt has a quiet "Voorlezen": the organisation's recorded voice, else the device's, else one
 * calm line; never by itself.
 */
export function ToolScreen({
  gesprekId,
  toolId,
  view,
  pending,
  send,
  onHome,
  begeleider,
}: {
  gesprekId: string
  toolId: string
  view: GesprekView | null
  pending: readonly OutboxEntry[]
  send: (event: GesprekCommand) => void
  onHome: () => void
  /** The jongere's own begeleider, so a tool that names them (the kennismaking, the afscheid) can. */
  begeleider: BegeleiderFace
}) {
  const kamerTool = useKamerTool(gesprekId, toolId)
  // A draft in the preview has no gesprek on a server, so no recorded voices: the device's, or the calm line.
  const token = useKamerToken()
  const tool = kamerTool?.tool
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
  if (!toolInfo(toolId)) return null
  const tTool = view ? registerT(tt, view.ageBand) : tt
  const stepSpec = view?.step ? tool?.steps.find((s) => s.id === view.step!.id) : undefined
  const ready = tool && view && !onIntro

  return (
    // The kamer's own read-aloud look on every prompt of the step screens: adult, quiet (ADR 0145).
    <ReadAloudLook.Provider value="adult">
      <section className="kamer-tool">
        <div className="kamer-tool__top">
          <button type="button" className="btn btn--quiet" onClick={onHome}>
            <span className="dir-arrow" aria-hidden="true">
              ←
            </span>{' '}
            {t('kamer:room.home')}
          </button>
        </div>
        {tool && token && <KamerVoices gesprekId={gesprekId} token={token} toolId={toolId} textsIn={tool.namespace} />}
        {!ready && <p className="loading">{t('common:loading')}</p>}
        {ready && (
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
        {oneScreen && ready && (
          <div className="kamer-notes__about" data-testid="notes-about">
            <Prompt text={tTool('intro.schuld')} />
            <Prompt text={tTool('intro.honest')} />
          </div>
        )}
        {toolId === NOTES_TOOL && <WaysToHelp compact />}
      </section>
    </ReadAloudLook.Provider>
  )
}

/**
 * The recorded voices of this gesprek's version, asked only once its words are there (a voice is found
 * by its words); leaving the tool stops what plays and revokes every recording fetched (ADR 0080).
 */
function KamerVoices(props: { gesprekId: string; token: string; toolId: string; textsIn: string }) {
  useGesprekVoices({
    gesprekId: props.gesprekId,
    token: props.token,
    namespace: toolInfo(props.toolId)?.namespace ?? 'common',
    textsIn: props.textsIn,
  })
  return null
}
