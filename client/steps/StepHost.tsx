import type { TFunction } from 'i18next'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { ToolInfo } from '../../dialogs/framework/tool'
import type { OutboxEntry } from '../net/outbox'
import { STEP_SCREENS } from '../kind/steps'
import { PagesContext } from './pages'
import { registerT } from '../kind/steps/register'
import { StepIndicator } from '../ui/StepIndicator'
import { StepNav } from '../ui/StepNav'

/**
 * Something the child has started on a step but not yet put in (a tapped picture, a typed word).
 * The step host stores it when the child presses Verder or Terug: a child who cannot read taps the
 * dog and presses Verder, and the dog is kept.
 */
type DraftSlot = { current: (() => void) | null }
const DraftContext = createContext<DraftSlot | null>(null)

/** Used by a composer: `flush` puts the draft in, or is null while there is nothing to keep. */
export function useStepDraft(flush: (() => void) | null): void {
  const slot = useContext(DraftContext)
  useEffect(() => {
    if (!slot) return
    slot.current = flush
    return () => {
      if (slot.current === flush) slot.current = null
    }
  }, [slot, flush])
}

/**
 * Every new step (and every rest screen) opens at the top with its heading focused, so a child on a
 * phone never lands mid-page, and a screen reader says where they are.
 */
function useFocusOnChange(key: string, root: React.RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' })
    const heading = root.current?.querySelector<HTMLElement>('h1')
    if (!heading) return
    heading.tabIndex = -1
    heading.focus({ preventScroll: true })
  }, [key, root])
}

export type StepNavOptions = Omit<Parameters<typeof StepNav>[0], 'view' | 'send' | 'note'>

/** The commands that move the gesprek to another step. */
const MOVES: ReadonlySet<GesprekCommand['type']> = new Set(['nav.next', 'nav.back', 'nav.skip'])

/**
 * Whether the child has asked for another step that has not arrived yet. It has arrived when the
 * step changes, or when the command has left the outbox (the server stored it) and a newer view came.
 * A command the server refused brings no newer view: the step is given back after a moment.
 */
function useLeaving(stepKey: string, view: GesprekView, pending: readonly OutboxEntry[]) {
  const [from, setFrom] = useState<{ key: string; view: GesprekView; event: GesprekCommand } | null>(null)
  const waiting = from !== null && from.key === stepKey
  const queued = waiting && pending.some((e) => e.event === from.event)
  const active = waiting && (queued || from.view === view)
  useEffect(() => {
    if (!from || active) return
    setFrom(null)
  }, [from, active])
  useEffect(() => {
    if (!waiting || queued) return
    const timer = setTimeout(() => setFrom(null), 2000)
    return () => clearTimeout(timer)
  }, [waiting, queued])
  const start = useCallback((event: GesprekCommand) => setFrom({ key: stepKey, view, event }), [stepKey, view])
  return useMemo(() => ({ active, back: from?.event.type === 'nav.back', start }), [active, from, start])
}

/**
 * The one host for a tool's steps, for every screen that shows them (the child's gesprek, the kamer,
 * the begeleider operating the 0-4 observation): step line, the step's own screen, the navigation.
 */
export function StepHost({
  view,
  tool,
  send,
  pending,
  t,
  nav,
  indicator = true,
  rest,
  children,
}: {
  view: GesprekView
  tool: ToolInfo
  send: (event: GesprekCommand) => void
  pending: readonly OutboxEntry[]
  t: TFunction
  nav: StepNavOptions
  indicator?: boolean
  /** What shows instead of a step while the gesprek is paused, stopped or finished. */
  rest?: ReactNode
  /** Shown between the step line and the step (connection notes, errors). */
  children?: ReactNode
}) {
  const draft = useRef<(() => void) | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const stepSpec = view.step ? tool.steps.find((s) => s.id === view.step!.id) : undefined
  const Screen = stepSpec ? STEP_SCREENS[stepSpec.type] : undefined
  const stepKey = `${view.phase}:${view.step?.id ?? ''}`
  const [paging, setPaging] = useState({ key: stepKey, count: 1, page: 0 })
  // A new step starts at its first page.
  const current = useMemo(
    () => (paging.key === stepKey ? paging : { key: stepKey, count: 1, page: 0 }),
    [paging, stepKey],
  )
  const setCount = useCallback(
    (count: number) => setPaging((p) => (p.key === stepKey ? { ...p, count } : { key: stepKey, count, page: 0 })),
    [stepKey],
  )
  useFocusOnChange(`${stepKey}:${current.page}`, root)
  const leaving = useLeaving(stepKey, view, pending)

  const navSend = useCallback(
    (event: GesprekCommand) => {
      // One step at a time: a second tap while the first is on its way would, once the line is
      // back, move the child two steps (a child taps again when nothing seems to happen).
      if (leaving.active && MOVES.has(event.type)) return
      if (event.type === 'nav.next' && current.page + 1 < current.count) {
        setPaging({ ...current, page: current.page + 1 })
        return
      }
      if (event.type === 'nav.back' && current.page > 0) {
        setPaging({ ...current, page: current.page - 1 })
        return
      }
      // The outbox keeps order: the draft is stored before the step changes.
      if (event.type === 'nav.next' || event.type === 'nav.back') draft.current?.()
      draft.current = null
      if (MOVES.has(event.type)) leaving.start(event)
      send(event)
    },
    [send, current, leaving],
  )
  // Terug turns back a page even where the gesprek itself cannot go back (the first step).
  const paged = current.page > 0 && !view.can.back ? { ...view, can: { ...view.can, back: true } } : view
  // While the step is on its way the buttons say so; pause and stop keep working.
  const navView = leaving.active ? { ...paged, can: { ...paged.can, next: false, back: false, skip: false } } : paged
  const stepT = registerT(t, view.ageBand)
  const pages = { count: current.count, page: current.page, setCount }

  return (
    <DraftContext.Provider value={draft}>
      <PagesContext.Provider value={pages}>
        <div className="step-host" ref={root}>
          {indicator && view.step && (
            <StepIndicator
              index={view.step.index}
              count={view.step.count}
              labels={tool.steps.map((s) => stepT(`steps.${s.id}`))}
            />
          )}
          {children}
          {view.phase !== 'actief' && rest}
          {view.phase === 'actief' && stepSpec && Screen && (
            // The step being left takes no more input: what a child types now would land in a field
            // that is about to go away. What was typed before the tap is already stored (the draft).
            <fieldset className="step-host__step" disabled={leaving.active} inert={leaving.active}>
              <Screen key={stepSpec.id} view={view} step={stepSpec} tool={tool} send={send} pending={pending} t={t} />
            </fieldset>
          )}
        </div>
        {view.phase === 'actief' && (
          <StepNav
            view={navView}
            send={navSend}
            {...nav}
            note={
              leaving.active ? (
                <span className="step-nav__wait" role="status">
                  {t(leaving.back ? 'common:nav.waitBack' : 'common:nav.waitNext')}
                </span>
              ) : undefined
            }
          />
        )}
      </PagesContext.Provider>
    </DraftContext.Provider>
  )
}
