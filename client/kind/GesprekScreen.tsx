import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView } from '../../dialogs/contract/view'
import { rememberParentToken } from '../net/present-parent'
import { useGesprekTool } from '../tools/useGesprekTool'
import { useGesprek } from '../net/useGesprek'
import { StepHost } from '../steps/StepHost'
import { ConnectionNote } from '../ui/ConnectionNote'
import { pictureUrl } from '../ui/pictures'
import { QuickExit } from '../ui/QuickExit'
import { LanguagePicker } from '../ui/LanguagePicker'
import { AutoReadToggle } from '../ui/ReadAloud'
import { Prompt } from '../ui/ReadAloud'
import { useGesprekVoices } from '../ui/voices'
import { SharingButton, SharingPanel } from './deelafspraak/SharingPanel'
import { SignalAsk } from './signal/SignalAsk'
import { Closing, KeptClosing } from './Keepsake'
import { SafetyPlanButton, SafetyPlanView, useChildPlan } from '../ui/SafetyPlan'
import { BegeleiderContext } from './steps/begeleider'
import { ContactsContext, useAfscheidContacts } from './steps/contacts'
import { isAdultBand } from './steps/register'
import { clearKindSession, type KindSession } from './session'
import '../steps/child-screen.css'

/**
 * The child's side of a guided gesprek: one calm screen per step. Snel weg, Pauze and Stoppen sit in
 * a bar pinned to the top and Terug/Verder in one pinned to the bottom; the page is padded for both,
 * so on a phone they are always in reach and never cover an answer.
 */
export function GesprekScreen({ session, onEnded }: { session: KindSession; onEnded: () => void }) {
  const { view, connection, error, pending, send, wipe, pendingDevices, answerDevice } = useGesprek(
    session.gesprekId,
    session.token,
  )
  // The finished gesprek's closing, held in memory only: at "Klaar" the server ends this screen's token
  // (ADR 0010), but the child keeps its keepsake on screen to look at and print until it presses
  // Sluiten, quick exit or leaves it alone (ADR 0085). Nothing of it is in storage.
  const [kept, setKept] = useState<GesprekView | null>(null)
  // The organisation's version the gesprek started on (ADR 0075); the built-in needs no request. Once
  // the line has ended, the kept closing still names its version, so its tool stays known.
  const gesprekTool = useGesprekTool(session.toolId, (view ?? kept)?.version, { token: session.token })
  const tool = gesprekTool?.tool
  const { t } = useTranslation([tool?.namespace ?? 'common', 'common', 'errors'])
  rememberParentToken(session.token)
  useGesprekVoices({ gesprekId: session.gesprekId, token: session.token, namespace: tool?.namespace ?? 'common' })
  // The deelafspraak panel opens over the gesprek from any step; the gesprek itself does not move.
  const [sharing, setSharing] = useState(false)
  // The child's version of the veiligheidsplan, when the begeleider made one: opened over the gesprek.
  const plan = useChildPlan(session.token)
  const [planOpen, setPlanOpen] = useState(false)
  // The afscheid's names and numbers the begeleider entered beforehand: in memory, for the step and the keepsake.
  const contacts = useAfscheidContacts(session.token, tool)
  const face = {
    ...(session.begeleider ? { name: session.begeleider } : {}),
    ...(session.begeleiderPicture ? { picture: session.begeleiderPicture } : {}),
  }

  useEffect(() => {
    if (view?.phase === 'afgerond' && view.setting === 'begeleid' && !isAdultBand(view.ageBand)) setKept(view)
  }, [view])
  useEffect(() => {
    if (connection !== 'ended') return
    if (kept) clearKindSession()
    else onEnded()
  }, [connection, kept, onEnded])

  if (kept && tool && connection === 'ended')
    return (
      <div className={`app app--kind band-${kept.ageBand}`}>
        <header className="kind-bar">
          <QuickExit wipe={() => setKept(null)} />
          <LanguagePicker />
        </header>
        <main className="kind-main">
          <BegeleiderContext.Provider value={face}>
            <ContactsContext.Provider value={contacts}>
              <KeptClosing view={kept} tool={tool} t={t} onClose={onEnded} />
            </ContactsContext.Provider>
          </BegeleiderContext.Provider>
        </main>
      </div>
    )
  const stepType = view?.step ? tool?.steps.find((s) => s.id === view.step!.id)?.type : undefined

  return (
    <div className={`app app--kind band-${view?.ageBand ?? 'x'}${sharing ? ' is-sharing' : ''}`}>
      <header className="kind-bar">
        <QuickExit wipe={wipe} />
        <LanguagePicker only={gesprekTool?.languages} />
        {view?.ageBand === '4-7' && <AutoReadToggle />}
        {view?.phase === 'actief' && (
          <div className="kind-bar__actions">
            <button
              type="button"
              className="btn btn--soft"
              onClick={() => send({ type: 'gesprek.pause' })}
              disabled={!view.can.pause}
            >
              {t('common:nav.pause')}
            </button>
            <button
              type="button"
              className="btn btn--soft"
              onClick={() => send({ type: 'gesprek.stop' })}
              disabled={!view.can.stop}
            >
              {t('common:nav.stop')}
            </button>
          </div>
        )}
      </header>
      <main className="kind-main">
        {(!view || !tool) && <p className="loading">{t('common:loading')}</p>}
        <SignalAsk view={view} send={send} />
        {plan && planOpen && <SafetyPlanView plan={plan} onClose={() => setPlanOpen(false)} />}
        {view && tool && !(plan && planOpen) && (
          <BegeleiderContext.Provider value={face}>
            <ContactsContext.Provider value={contacts}>
              <StepHost
                view={view}
                tool={tool}
                send={send}
                pending={pending}
                t={t}
                nav={{ className: 'kind-nav', big: true, skip: stepType !== 'info' }}
                rest={
                  view.phase === 'gepauzeerd' ? (
                    <Rest picture="calm" title={t('common:pausedTitle')} text={t('common:pausedText')}>
                      <button
                        type="button"
                        className="btn btn--primary btn--big"
                        onClick={() => send({ type: 'gesprek.resume' })}
                      >
                        {t('common:nav.resume')}
                      </button>
                      <button type="button" className="btn btn--soft" onClick={() => send({ type: 'gesprek.stop' })}>
                        {t('common:nav.stop')}
                      </button>
                    </Rest>
                  ) : view.phase === 'gestopt' ? (
                    <Rest picture="heart" title={t('common:stoppedTitle')} text={t('common:stoppedText')}>
                      <button type="button" className="btn btn--soft" onClick={() => send({ type: 'gesprek.resume' })}>
                        {t('common:nav.resume')}
                      </button>
                    </Rest>
                  ) : view.phase === 'afgerond' ? (
                    <Closing view={view} tool={tool} t={t} done />
                  ) : null
                }
              >
                {/* On the sharing step itself the button would open the same view: the step gets the room. */}
                {stepType !== 'share' && (
                  <div className="kind-tools">
                    <span className="kind-tools__hello">{t('common:kind.joined', { name: session.nickname })}</span>
                    {session.begeleider && (
                      <BegeleiderFace name={session.begeleider} picture={session.begeleiderPicture} />
                    )}
                    {plan && <SafetyPlanButton onOpen={() => setPlanOpen(true)} />}
                    <SharingButton onOpen={() => setSharing(true)} />
                  </div>
                )}
                <ConnectionNote connection={connection} pending={pending.length} />
                {error && (
                  <div className="friendly-error" role="alert">
                    <Prompt text={t(`errors:${error}`)} />
                  </div>
                )}
              </StepHost>
            </ContactsContext.Provider>
          </BegeleiderContext.Provider>
        )}
      </main>
      {pendingDevices[0] && (
        <AskDevice
          onAnswer={(allow) => answerDevice(pendingDevices[0]!, allow)}
          title={t('common:kind.newScreen.title')}
          text={t('common:kind.newScreen.text')}
          yes={t('common:kind.newScreen.yes')}
          no={t('common:kind.newScreen.no')}
          exit={<QuickExit wipe={wipe} />}
        />
      )}
      {sharing && view && tool && (
        <SharingPanel
          view={view}
          tool={tool}
          send={send}
          t={t}
          token={session.token}
          onClose={() => setSharing(false)}
          exit={<QuickExit wipe={wipe} />}
        />
      )}
    </div>
  )
}

/** The child's begeleider, by name and initial, on every step: a trusted, consistent face. */
function BegeleiderFace({ name, picture }: { name: string; picture?: string | undefined }) {
  const { t } = useTranslation(['screens'])
  const src = picture ? pictureUrl(picture) : undefined
  return (
    <span className="begeleider-face" data-testid="begeleider-face" title={t('screens:kind.withBegeleider', { name })}>
      {src && <img src={src} alt="" className="begeleider-face__picture" />}
      <span className="begeleider-face__initial" aria-hidden="true">
        {name.trim().charAt(0).toUpperCase()}
      </span>
      <span className="visually-hidden">{t('screens:kind.withBegeleider', { name })}</span>
      <span aria-hidden="true">{name}</span>
    </span>
  )
}

function Rest({
  picture,
  title,
  text,
  children,
}: {
  picture: string
  title: string
  text: string
  children?: React.ReactNode
}) {
  return (
    <section className="rest">
      <img src={pictureUrl(picture)} alt="" className="step__picture" />
      <Prompt as="h1" text={title} />
      <Prompt text={text} />
      <div className="rest__actions">{children}</div>
    </section>
  )
}

/** A later screen wants to join: only the child's own screen says yes (ADR 0010). Calm, two big answers. */
function AskDevice(props: {
  title: string
  text: string
  yes: string
  no: string
  exit: React.ReactNode
  onAnswer: (allow: boolean) => void
}) {
  return (
    <div className="ask-device" role="dialog" aria-modal="true" aria-label={props.title}>
      <header className="kind-bar">{props.exit}</header>
      <section className="rest">
        <img src={pictureUrl('calm')} alt="" className="step__picture" />
        <Prompt as="h1" text={props.title} />
        <Prompt text={props.text} />
        <div className="rest__actions">
          <button type="button" className="btn btn--primary btn--big" onClick={() => props.onAnswer(true)}>
            {props.yes}
          </button>
          <button type="button" className="btn btn--soft btn--big" onClick={() => props.onAnswer(false)}>
            {props.no}
          </button>
        </div>
      </section>
    </div>
  )
}
