import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { registerT } from './register'
import type { StepProps } from './types'

/** An explaining screen (introduction, closing): title, a calm picture, short read-aloud lines. */
export function InfoStep({ view, step, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  return (
    <section className="step step--info">
      <img src={pictureUrl(step.id === 'intro' ? 'home' : 'star')} alt="" className="step__picture" />
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      <Prompt text={t(`${step.id}.prompt`)} />
      {step.prompts?.map((p) => (
        <Prompt key={p} text={t(`${step.id}.${p}`)} className="prompt--line" />
      ))}
    </section>
  )
}
