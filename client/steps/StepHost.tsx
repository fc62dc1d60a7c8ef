import type { TFunction } from 'i18next'
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { ToolInfo } from '../../dialogs/framework/tool'
import type { OutboxEntry } from '../net/outbox'
import { STEP_SCREENS } from '../kind/steps'
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

export type StepNavOptions = Omit<Parameters<typeof StepNav>[0], 'view' | 'send'>

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
  const Screen = stepSpec ? STEP_SCREENS[stepSpec.kind] : undefined
  useFocusOnChange(`${view.phase}:${view.step?.id ?? ''}`, root)

  const navSend = useCallback(
    (event: GesprekCommand) => {
      // The outbox keeps order: the draft is stored before the step changes.
      if (event.type === 'nav.next' || event.type === 'nav.back') draft.current?.()
      draft.current = null
      send(event)
    },
    [send],
  )

  return (
    <DraftContext.Provider value={draft}>
      <div className="step-host" ref={root}>
        {indicator && view.step && (
          <StepIndicator
            index={view.step.index}
            count={view.step.count}
            labels={tool.steps.map((s) => t(`steps.${s.id}`))}
          />
        )}
        {children}
        {view.phase !== 'actief' && rest}
        {view.phase === 'actief' && stepSpec && Screen && (
          <Screen key={stepSpec.id} view={view} step={stepSpec} tool={tool} send={send} pending={pending} t={t} />
        )}
      </div>
      {view.phase === 'actief' && <StepNav view={view} send={navSend} {...nav} />}
    </DraftContext.Provider>
  )
}
