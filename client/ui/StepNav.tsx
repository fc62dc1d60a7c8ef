import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'

/**
 * The step navigation every tool shares (back · skip · pause · stop · next, "klaar" on the last
 * step), speaking the one event language. Each screen picks its buttons and keeps its own container
 * class; the buttons are enabled by the statechart (`view.can`), never by the screen.
 */
export function StepNav({
  view,
  send,
  className,
  as: Tag = 'footer',
  big = false,
  skip = false,
  pause = false,
  stop = false,
  lastStep,
  back = true,
  note,
}: {
  view: GesprekView
  send: (event: GesprekCommand) => void
  className: string
  as?: 'footer' | 'div'
  /** The child's big touch targets. */
  big?: boolean
  skip?: boolean
  pause?: boolean
  stop?: boolean
  /** Shown instead of "klaar" on the last step (the kamer never finishes a tool). */
  lastStep?: ReactNode
  /** False on a one-screen tool: there is nothing to go back to. */
  back?: boolean
  /** A line beside the buttons (the step is on its way), where the child just tapped. */
  note?: ReactNode
}) {
  const { t } = useTranslation('common')
  const size = big ? ' btn--big' : ''
  const last = view.step ? view.step.index + 1 === view.step.count : false
  const soft = (label: ReactNode, can: boolean, event: GesprekCommand) => (
    <button type="button" className={`btn btn--soft${size}`} disabled={!can} onClick={() => send(event)}>
      {label}
    </button>
  )
  return (
    <Tag className={className}>
      {note}
      {back &&
        soft(
          <>
            <span className="dir-arrow" aria-hidden="true">
              ←
            </span>{' '}
            {t('common:nav.back')}
          </>,
          view.can.back,
          { type: 'nav.back' },
        )}
      {skip && soft(t('common:nav.skip'), view.can.skip, { type: 'nav.skip' })}
      {pause && soft(t('common:nav.pause'), view.can.pause, { type: 'gesprek.pause' })}
      {stop && soft(t('common:nav.stop'), view.can.stop, { type: 'gesprek.stop' })}
      {last && lastStep !== undefined ? (
        lastStep
      ) : (
        <button
          type="button"
          className={`btn btn--primary${size}`}
          disabled={!view.can.next}
          onClick={() => send({ type: 'nav.next' })}
        >
          {last ? t('common:nav.done') : t('common:nav.next')}{' '}
          <span className="dir-arrow" aria-hidden="true">
            →
          </span>
        </button>
      )}
    </Tag>
  )
}
