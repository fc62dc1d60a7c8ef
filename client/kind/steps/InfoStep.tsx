import { useContext } from 'react'
import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { Closing } from '../Keepsake'
import { BegeleiderContext } from './begeleider'
import { isAdultBand, registerT } from './register'
import type { StepProps } from './types'

/**
 * An explaining screen (introduction, closing): title, short read-aloud lines, and for 4-12 a calm
 * picture. Jongeren (12+) and the begeleider's 0-4 observation keep a quiet adult page: no cartoon.
 * A step that introduces the begeleider shows their name and the picture they chose.
 */
export function InfoStep({ view, step, tool, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const begeleider = useContext(BegeleiderContext)
  if (step.id === 'afsluiting' && tool.operator === 'kind')
    return <Closing view={view} tool={tool} t={toolT} done={false} />
  const pictured = !isAdultBand(view.ageBand) && tool.operator === 'kind'
  const name = begeleider.name ?? t('common:kind.noBegeleiderName')
  const say = (key: string) => t(key, { name })
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
