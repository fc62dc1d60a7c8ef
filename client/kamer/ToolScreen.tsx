import { useTranslation } from 'react-i18next'
import { toolInfo } from '../../dialogs/catalog'
import type { GesprekView } from '../../dialogs/contract/view'
import type { GesprekCommand } from '../../dialogs/framework/events'
import type { OutboxEntry } from '../net/outbox'
import { SignalAsk } from '../kind/signal/SignalAsk'
import { STEP_SCREENS } from '../kind/steps'
import { registerT } from '../kind/steps/register'
import { StepIndicator } from '../ui/StepIndicator'
import { StepNav } from '../ui/StepNav'
import { WaysToHelp } from '../ui/WaysToHelp'

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
}: {
  toolId: string
  view: GesprekView | null
  pending: readonly OutboxEntry[]
  send: (event: GesprekCommand) => void
  onHome: () => void
}) {
  const tool = toolInfo(toolId)
  const { t: tt } = useTranslation([tool?.namespace ?? 'common', 'common', 'kamer'])
  const { t } = useTranslation(['kamer', 'common'])
  if (!tool) return null
  const tTool = view ? registerT(tt, view.ageBand) : tt
  const stepSpec = view?.step ? tool.steps.find((s) => s.id === view.step!.id) : undefined
  const Screen = stepSpec ? STEP_SCREENS[stepSpec.kind] : undefined

  return (
    <section className="kamer-tool">
      <button type="button" className="btn btn--quiet" onClick={onHome}>
        ← {t('kamer:room.home')}
      </button>
      {!view && <p className="loading">{t('common:loading')}</p>}
      {view?.step && (
        <StepIndicator
          index={view.step.index}
          count={view.step.count}
          labels={tool.steps.map((s) => tTool(`steps.${s.id}`))}
        />
      )}
      {view && view.phase !== 'actief' && (
        <div className="kamer-rest">
          <p>{t('kamer:room.resume')}</p>
          <button type="button" className="btn btn--primary" onClick={() => send({ type: 'gesprek.resume' })}>
            {t('common:nav.resume')}
          </button>
        </div>
      )}
      {view?.phase === 'actief' && stepSpec && Screen && (
        <Screen key={stepSpec.id} view={view} step={stepSpec} tool={tool} send={send} pending={pending} t={tTool} />
      )}
      {view?.phase === 'actief' && stepSpec && !Screen && <p className="kamer-note">{t('kamer:room.notYet')}</p>}
      <SignalAsk view={view} send={send} />
      {toolId === NOTES_TOOL && <WaysToHelp compact />}
      {view?.phase === 'actief' && (
        <StepNav
          view={view}
          send={send}
          className="kamer-nav"
          lastStep={
            <button type="button" className="btn btn--primary" onClick={onHome}>
              {t('kamer:room.backToKamer')}
            </button>
          }
        />
      )}
    </section>
  )
}
