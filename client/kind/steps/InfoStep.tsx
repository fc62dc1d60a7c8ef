import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { Closing } from '../Keepsake'
import { isAdultBand, registerT } from './register'
import type { StepProps } from './types'

/**
 * An explaining screen (introduction, closing): title, short read-aloud lines, and for 4-12 a calm
 * picture. Jongeren (12+) and the begeleider's 0-4 observation keep a quiet adult page: no cartoon.
 */
export function InfoStep({ view, step, tool, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  if (step.id === 'afsluiting' && tool.operator === 'kind')
    return <Closing view={view} tool={tool} t={toolT} done={false} />
  const pictured = !isAdultBand(view.ageBand) && tool.operator === 'kind'
  return (
    <section className="step step--info">
      {pictured && <img src={pictureUrl(step.id === 'intro' ? 'home' : 'star')} alt="" className="step__picture" />}
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      <Prompt text={t(`${step.id}.prompt`)} />
      {step.prompts?.map((p) => (
        <Prompt key={p} text={t(`${step.id}.${p}`)} className="prompt--line" />
      ))}
    </section>
  )
}
