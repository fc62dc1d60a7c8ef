import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { loadApiClient } from '../net/api'
import { rememberParentToken } from '../net/present-parent'
import type { OutboxEntry } from '../net/outbox'
import { ConnectionNote } from '../ui/ConnectionNote'
import { ReadAloudLook } from '../ui/ReadAloud'
import { WaysToHelp } from '../ui/WaysToHelp'
import { KamerContacts } from './KamerContacts'
import { Receipt } from './Receipt'
import { SafetyNote } from './SafetyNote'
import { ShareScreen } from './ShareScreen'
import { ToolScreen } from './ToolScreen'
import { forgetKamerTexts, KamerTexts, type KamerTextsSource } from './kamer-texts'
import type { LockReason } from './lock'
import { useKamer } from './useKamer'
import { SafetyPlanView, useChildPlan } from '../ui/SafetyPlan'

type Screen =
  | { name: 'home' }
  | { name: 'tool'; toolId: string }
  | { name: 'share' }
  | { name: 'receipt' }
  | { name: 'safety' }
  | { name: 'plan' }
/** Activity reaches the server at most this often, which keeps the server's idle lock from closing an active kamer. */
const TOUCH_EVERY_MS = 60_000

/** Inside the kamer: the tools, "Klaar voor mijn afspraak", the receipt. Screens switch in memory, never in the URL. */
export function Room({
  token,
  idleMs,
  showSafety,
  carried,
  onLocked,
  onStarted,
  wipeRef,
}: {
  token: string
  idleMs: number
  showSafety: boolean
  carried: readonly OutboxEntry[]
  onLocked: (r: LockReason, unsent: readonly OutboxEntry[]) => void
  onStarted: () => void
  wipeRef: { current: (() => void) | null }
}) {
  const { t } = useTranslation(['kamer', 'common', 'errors', 'screens'])
  const kamer = useKamer(token, carried, onLocked)
  rememberParentToken(token)
  const [screen, setScreen] = useState<Screen>(showSafety ? { name: 'safety' } : { name: 'home' })
  const [gesprekId, setGesprekId] = useState<string | null>(null)
  // The jongere's version of the veiligheidsplan, when the begeleider made one (docs/plans.md).
  const plan = useChildPlan(token)

  wipeRef.current = () => {
    forgetKamerTexts()
    kamer.wipe()
  }
  useEffect(() => onStarted(), [onStarted])
  // A locked kamer asks for its words again after the PIN: nothing of this visit's answers is kept.
  useEffect(() => forgetKamerTexts, [])
  useIdleLock(token, idleMs, () => kamer.lock('idle'))

  const openTool = (toolId: string) => {
    void kamer.openTool(toolId).then((id) => {
      setGesprekId(id)
      setScreen({ name: 'tool', toolId })
    })
  }
  const home = () => setScreen({ name: 'home' })

  return (
    <RoomContext token={token}>
      <main className="kamer-main">
        <ConnectionNote connection={kamer.line} pending={kamer.pending.length} />
        {kamer.error && (
          <p className="kamer-error" role="alert">
            {t(`errors:${kamer.error}`)}
          </p>
        )}
        {screen.name === 'safety' && <SafetyNote onDone={home} />}
        {screen.name === 'home' && (
          <section className="kamer-home">
            <div className="kamer-home__head">
              <h1>{t('kamer:room.title')}</h1>
              <button type="button" className="btn btn--soft btn--small" onClick={() => kamer.lock('ended')}>
                {t('kamer:room.lock')}
              </button>
            </div>
            <ul className="kamer-tiles">
              {(kamer.me?.tools ?? []).map((toolId) => (
                <li key={toolId}>
                  <button type="button" className="kamer-tile" onClick={() => openTool(toolId)}>
                    <strong>{t(`kamer:tool.${toolId}.title`)}</strong>
                    <span>{t(`kamer:tool.${toolId}.text`)}</span>
                  </button>
                </li>
              ))}
              <li>
                <button
                  type="button"
                  className="kamer-tile kamer-tile--share"
                  onClick={() => setScreen({ name: 'share' })}
                >
                  <strong>{t('kamer:room.share')}</strong>
                  <span>{t('kamer:room.shareText')}</span>
                </button>
              </li>
              {plan && (
                <li>
                  <button type="button" className="kamer-tile" onClick={() => setScreen({ name: 'plan' })}>
                    <strong>{t('screens:safetyPlan.title')}</strong>
                    <span>{t('screens:safetyPlan.tile_jongere')}</span>
                  </button>
                </li>
              )}
              <li>
                <button type="button" className="kamer-tile" onClick={() => setScreen({ name: 'receipt' })}>
                  <strong>{t('kamer:room.receipt')}</strong>
                  <span>{t('kamer:room.receiptText')}</span>
                </button>
              </li>
            </ul>
            <KamerContacts token={token} />
            <TalkRequest token={token} />
            <WaysToHelp />
            <button type="button" className="btn btn--quiet" onClick={() => setScreen({ name: 'safety' })}>
              {t('kamer:room.safety')}
            </button>
          </section>
        )}
        {screen.name === 'tool' && gesprekId && (
          <ToolScreen
            gesprekId={gesprekId}
            toolId={screen.toolId}
            view={kamer.views[gesprekId] ?? null}
            pending={kamer.pending.filter((p) => p.gesprekId === gesprekId)}
            send={(event) => kamer.send(gesprekId, event)}
            onHome={home}
            begeleider={{
              ...(kamer.me?.begeleider ? { name: kamer.me.begeleider } : {}),
              ...(kamer.me?.begeleiderPicture ? { picture: kamer.me.begeleiderPicture } : {}),
            }}
          />
        )}
        {screen.name === 'share' && (
          <ShareScreen gesprekken={kamer.me?.gesprekken ?? []} views={kamer.views} send={kamer.send} onHome={home} />
        )}
        {screen.name === 'receipt' && <Receipt token={token} onHome={home} />}
        {screen.name === 'plan' && plan && (
          <>
            <SafetyPlanView plan={plan} onClose={home} adult />
            <WaysToHelp />
          </>
        )}
      </main>
    </RoomContext>
  )
}

/**
 * The kamer is the adult register throughout: every read-aloud in it is the quiet one (ADR 0145). Its
 * tool screens take their words from the kamer's route, with this visit's token (ADR 0146).
 */
function RoomContext({ token, children }: { token: string; children: ReactNode }) {
  const texts = useMemo<KamerTextsSource>(() => ({ from: 'route', token }), [token])
  return (
    <ReadAloudLook.Provider value="adult">
      <KamerTexts.Provider value={texts}>{children}</KamerTexts.Provider>
    </ReadAloudLook.Provider>
  )
}

/**
 * The kamer locks itself after `idleMs` without a touch, a key or a scroll. While the jongere is
 * active the server hears of it about once a minute, so its own idle lock stays in step.
 */
function useIdleLock(token: string, idleMs: number, lock: () => void) {
  const lockRef = useRef(lock)
  lockRef.current = lock
  useEffect(() => {
    let lastActive = Date.now()
    let lastTouch = Date.now()
    const onActivity = () => {
      lastActive = Date.now()
      if (lastActive - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = lastActive
        void loadApiClient()
          .then((c) => c.kamer.touch(token))
          .catch(() => undefined)
      }
    }
    const events = ['pointerdown', 'keydown', 'input', 'scroll', 'touchstart'] as const
    for (const e of events) window.addEventListener(e, onActivity, { passive: true, capture: true })
    // A little before the server's limit, so the phone never shows a kamer the server already locked.
    const timer = setInterval(() => {
      if (Date.now() - lastActive >= idleMs - 10_000) lockRef.current()
    }, 5_000)
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity, { capture: true })
      clearInterval(timer)
    }
  }, [token, idleMs])
}

/** "Ik wil praten": the begeleider gets a contact request, nothing more (docs/signals.md). */
function TalkRequest({ token }: { token: string }) {
  const { t } = useTranslation(['kamer', 'errors'])
  const [state, setState] = useState<'idle' | 'sent' | 'failed'>('idle')
  const ask = () =>
    void loadApiClient()
      .then((c) => c.kamer.talk(token))
      .then(
        () => setState('sent'),
        () => setState('failed'),
      )
  return (
    <div className="kamer-talk">
      {state !== 'sent' && (
        <button type="button" className="btn btn--soft" onClick={ask}>
          {t('kamer:room.talk')}
        </button>
      )}
      <p className="kamer-small" role="status">
        {state === 'sent'
          ? t('kamer:room.talkSent')
          : state === 'failed'
            ? t('errors:internal')
            : t('kamer:room.talkText')}
      </p>
    </div>
  )
}
