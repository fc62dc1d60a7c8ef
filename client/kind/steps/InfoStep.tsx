import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { useStepPages } from '../../steps/pages'
import { Closing } from '../Keepsake'
import { isAdultBand, registerT } from './register'
import type { StepProps } from './types'

/**
 * An explaining screen (introduction, closing): title, short read-aloud lines, and for 4-12 a calm
 * picture. Jongeren (12+) and the begeleider's 0-4 observation keep a quiet adult page: no cartoon.
 */
export function InfoStep(props: StepProps) {
  const { view, step, tool, t: toolT } = props
  if (step.id === 'afsluiting' && tool.operator === 'kind')
    return <Closing view={view} tool={tool} t={toolT} done={false} />
  if (view.ageBand === '4-7' && step.id === 'intro' && tool.operator === 'kind') return <OneIdeaPerScreen {...props} />
  return <AllLines {...props} />
}

/**
 * The picture beside each idea of a 4-7 intro, by the line's key; a line without its own picture
 * keeps the step's.
 */
const IDEA_PICTURES: Record<string, string> = {
  prompt: 'houses',
  fault: 'heart',
  schuld: 'heart',
  control: 'calm',
  kleuren: 'light',
  allebei: 'family',
  honest: 'help',
}

/**
 * For 4-7, one idea per screen (review of the method, "too much per screen"): the title stays as the
 * heading, and Verder shows the next line with its own picture until the last, then goes on.
 */
function OneIdeaPerScreen({ view, step, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const lines = ['prompt', ...(step.prompts ?? [])]
  const page = useStepPages(lines.length)
  const line = lines[page]!
  return (
    <section
      className="step step--info step--one-idea"
      data-page={page}
      data-last={page === lines.length - 1 ? 'true' : 'false'}
    >
      <img src={pictureUrl(IDEA_PICTURES[line] ?? 'home')} alt="" className="step__picture" />
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      <Prompt key={line} text={t(`${step.id}.${line}`)} className="prompt--idea" />
    </section>
  )
}

function AllLines({ view, step, tool, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
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
