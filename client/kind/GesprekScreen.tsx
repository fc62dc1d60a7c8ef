import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import { rememberParentToken } from '../net/present-parent'
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
import { Closing } from './Keepsake'
import type { KindSession } from './session'
import '../steps/child-screen.css'

/**
 * The child's side of a guided gesprek: one calm screen per step. Snel weg, Pauze and Stoppen sit in
 * a bar pinned to the top and Terug/Verder in one pinned to the bottom; the page is padded for both,
 * so on a phone they are always in reach and never cover an answer.
 */
export function GesprekScreen({ session, onEnded }: { session: KindSession; onEnded: () => void }) {
  const tool = toolInfo(session.toolId)
  const { t } = useTranslation([tool?.namespace ?? 'common', 'common', 'errors'])
  const { view, connection, error, pending, send, wipe, pendingDevices, answerDevice } = useGesprek(
    session.gesprekId,
    session.token,
  )
  rememberParentToken(session.token)
  useGesprekVoices({ gesprekId: session.gesprekId, token: session.token, namespace: tool?.namespace ?? 'common' })
  // The deelafspraak panel opens over the gesprek from any step; the gesprek itself does not move.
  const [sharing, setSharing] = useState(false)

  useEffect(() => {
    if (connection === 'ended') onEnded()
  }, [connection, onEnded])

  if (!tool) return null
  const stepKind = view?.step ? tool.steps.find((s) => s.id === view.step!.id)?.kind : undefined

  return (
    <div className={`app app--kind band-${view?.ageBand ?? 'x'}${sharing ? ' is-sharing' : ''}`}>
      <header className="kind-bar">
        <QuickExit wipe={wipe} />
        <LanguagePicker />
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
        {!view && <p className="loading">{t('common:loading')}</p>}
        <SignalAsk view={view} send={send} />
        {view && (
          <StepHost
            view={view}
            tool={tool}
            send={send}
            pending={pending}
            t={t}
            nav={{ className: 'kind-nav', big: true, skip: stepKind !== 'info' }}
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
            {stepKind !== 'share' && (
              <div className="kind-tools">
                <span className="kind-tools__hello">{t('common:kind.joined', { name: session.nickname })}</span>
                {session.begeleider && <BegeleiderFace name={session.begeleider} />}
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
      {sharing && view && (
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
function BegeleiderFace({ name }: { name: string }) {
  const { t } = useTranslation(['screens'])
  return (
    <span className="begeleider-face" data-testid="begeleider-face" title={t('screens:kind.withBegeleider', { name })}>
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
