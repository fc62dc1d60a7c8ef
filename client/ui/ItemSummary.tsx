import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { language } from '../../dialogs/contract/languages'
import type { ItemView } from '../../dialogs/contract/view'
import type { StepSpec } from '../../dialogs/framework/build'
import { OWN_SUBJECT } from '../../dialogs/framework/items'
import { DrawingView } from './DrawingView'
import { pictureUrl } from './pictures'
import { ColourMark, LAMP } from './TrafficLight'

/** Which question or sub-prompt an item answers, as the tool words it. */
export function promptLabel(step: StepSpec | undefined, prompt: string | undefined, t: TFunction): string | null {
  if (!step || !prompt) return null
  const [sub, q] = prompt.split('.')
  return q ? t(`${step.id}.questions.${sub}.${q}`) : t(`${step.id}.prompts.${sub}`)
}

/**
 * One answer of any kind, read-only: words, pictures, a drawing, a Stoplicht colour, a place on the
 * ladder, a person in the netwerk. Used wherever answers are listed (the sharing step, the
 * begeleider's operator screen) so every kind of item looks the same everywhere.
 */
export function ItemSummary({
  item,
  step,
  t,
  showPrompt = true,
}: {
  item: Pick<ItemView, 'text' | 'pictures' | 'drawing' | 'subject' | 'colour' | 'scale' | 'person' | 'prompt' | 'lang'>
  step?: StepSpec
  t: TFunction
  showPrompt?: boolean
}) {
  const { t: ts } = useTranslation(['steps', 'common'])
  const question = showPrompt ? promptLabel(step, item.prompt, t) : null
  const subject =
    item.subject && item.subject !== OWN_SUBJECT && step ? t(`${step.id}.prompts.${item.subject}`) : undefined
  const p = item.person
  // The child's own words keep their language and direction, isolated from the page around them.
  const given = language(item.lang)
  const own = given ? { lang: given.code, dir: given.dir } : { dir: 'auto' as const }
  return (
    <div className="item-summary">
      {question && <p className="item-summary__q">{question}</p>}
      <div className="item-summary__body">
        {item.colour && (
          <span className={`colour-chip colour-chip--${item.colour}`} style={{ background: LAMP[item.colour].on }}>
            <ColourMark colour={item.colour} size={18} />
            {ts(`steps:colour.${item.colour}`)}
          </span>
        )}
        {subject && <strong>{subject}</strong>}
        {/* A picture always with its word: a picture-only answer must read as an answer on every screen. */}
        {item.pictures.map((pic) => (
          <span key={pic} className="item-summary__pic">
            <img src={pictureUrl(pic)} alt="" className="item-summary__picture" />
            <span className="item-summary__word">{ts(`common:pictures.${pic}`)}</span>
          </span>
        ))}
        {item.text && (
          <bdi className="item-summary__text" {...own}>
            {item.text}
          </bdi>
        )}
        {item.scale !== undefined && (
          <span
            className={`scale-chip scale-chip--${item.scale <= 3 ? 'low' : item.scale <= 6 ? 'mid' : 'high'}`}
            aria-label={ts('steps:scale.value', { n: item.scale })}
          >
            <span className="scale-chip__bar">
              <span style={{ width: `${item.scale * 10}%` }} />
            </span>
            {ts('steps:scale.value', { n: item.scale })}
          </span>
        )}
        {p && (
          <span className="person-chip">
            <bdi>
              <strong>{p.name}</strong>
            </bdi>{' '}
            · {ts(`steps:netwerk.categories.${p.category}`)} · {ts(`steps:netwerk.circles.${p.circle}`)}
            {p.gives.length > 0 && <> · {p.gives.map((g) => ts(`steps:netwerk.give.${g}`)).join(', ')}</>}
            {p.safe && (
              <>
                {' '}
                · {ts('steps:netwerk.safe')} {ts(`steps:netwerk.safeOption.${p.safe}`)}
              </>
            )}
            {p.contact && <> · {ts(`steps:netwerk.contactOption.${p.contact}`)}</>}
            {p.mustNotKnow && <span className="badge badge--alert">{ts('steps:netwerk.mustNotKnow')}</span>}
          </span>
        )}
      </div>
      {item.drawing && item.drawing.length > 0 && (
        <figure className="item-summary__drawing">
          <DrawingView
            drawing={item.drawing}
            label={ts('steps:drawing.alt')}
            className="drawing-view drawing-view--small"
          />
          <figcaption>{ts('steps:drawing.alt')}</figcaption>
        </figure>
      )}
    </div>
  )
}
