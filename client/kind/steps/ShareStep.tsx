import { Prompt } from '../../ui/ReadAloud'
import { SharingView } from '../deelafspraak/SharingView'
import { registerT } from './register'
import type { StepProps } from './types'

/**
 * The deelafspraak step at the end of a gesprek; the same view opens from every step (SharingPanel).
 * Under 8 the two questions per answer come straight under the title (deelafspraak/YoungSharing.tsx).
 */
export function ShareStep({ view, step, tool, send, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const young = view.ageBand === '4-7'
  return (
    <section className="step step--share">
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      {!young && <Prompt text={t(`${step.id}.prompt`)} />}
      <SharingView view={view} tool={tool} send={send} t={toolT} intro={false} />
      {/* Under 8 the two questions say it themselves (YoungSharing): one thing on the screen at a time. */}
    </section>
  )
}
