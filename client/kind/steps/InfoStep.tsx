import { useContext } from 'react'
import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { useStepPages } from '../../steps/pages'
import { Closing } from '../Keepsake'
import { BegeleiderContext } from './begeleider'
import { isAdultBand, registerT } from './register'
import type { StepProps } from './types'

/**
 * An explaining screen (introduction, closing): title, short read-aloud lines, and for 4-12 a calm
 * picture. Jongeren (12+) and the begeleider's 0-4 observation keep a quiet adult page: no cartoon.
 * A step that introduces the begeleider shows their name and the picture they chose. For 4-7 an intro
 * shows one idea per screen.
 */
export function InfoStep(props: StepProps) {
  const { view, step, tool, t: toolT } = props
  if (step.id === 'afsluiting' && tool.operator === 'kind')
    return <Closing view={view} tool={tool} t={toolT} done={false} />
  if (view.ageBand === '4-7' && step.id === 'intro' && tool.operator === 'kind' && !step.showsBegeleider)
    return <OneIdeaPerScreen {...props} />
  return <AllLines {...props} />
}

/** The texts of a step speak of the begeleider by name. */
function useSay({ view, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand, view.living)
  const begeleider = useContext(BegeleiderContext)
  const name = begeleider.name ?? t('common:kind.noBegeleiderName')
  return { say: (key: string) => t(key, { name }), begeleider }
}

/**
 * The picture beside each idea of a 4-7 intro, by the line's key, where the step does not give its own
 * (`promptPictures`: the kennismaking's first idea is the begeleider, not Drie huizen's houses); a line
 * without either keeps the step's picture.
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
function OneIdeaPerScreen(props: StepProps) {
  const { step } = props
  const { say } = useSay(props)
  const lines = ['prompt', ...(step.prompts ?? [])]
  const page = useStepPages(lines.length)
  const line = lines[page]!
  const picture = step.promptPictures?.[line] ?? IDEA_PICTURES[line] ?? step.picture ?? 'home'
  return (
    <section
      className="step step--info step--one-idea"
      data-page={page}
      data-last={page === lines.length - 1 ? 'true' : 'false'}
    >
      <img src={pictureUrl(picture)} alt="" className="step__picture" data-picture={picture} />
      <Prompt as="h1" text={say(`${step.id}.title`)} />
      <Prompt key={line} text={say(`${step.id}.${line}`)} className="prompt--idea" />
    </section>
  )
}

function AllLines(props: StepProps) {
  const { view, step, tool } = props
  const { say, begeleider } = useSay(props)
  const pictured = !isAdultBand(view.ageBand) && tool.operator === 'kind'
  return (
    <section className="step step--info">
      {step.showsBegeleider ? (
        <BegeleiderCard name={begeleider.name} picture={begeleider.picture} big={pictured} />
      ) : (
        pictured && (
          <img
            src={pictureUrl(step.picture ?? (step.id === 'intro' ? 'home' : 'star'))}
            alt=""
            className="step__picture"
          />
        )
      )}
      <Prompt as="h1" text={say(`${step.id}.title`)} />
      <Prompt text={say(`${step.id}.prompt`)} />
      {step.prompts?.map((p) => (
        <Prompt key={p} text={say(`${step.id}.${p}`)} className="prompt--line" />
      ))}
    </section>
  )
}

/** The begeleider's chosen picture (or a carer until they chose one) and their initial. */
function BegeleiderCard({ name, picture, big }: { name?: string; picture?: string; big: boolean }) {
  const src = pictureUrl(picture ?? 'carer')
  return (
    <div className={`begeleider-card${big ? ' begeleider-card--big' : ''}`} data-testid="begeleider-card">
      {src && <img src={src} alt="" className="begeleider-card__picture" data-picture={picture ?? 'carer'} />}
      {name && (
        <span className="begeleider-card__initial" aria-hidden="true">
          {name.trim().charAt(0).toUpperCase()}
        </span>
      )}
    </div>
  )
}
