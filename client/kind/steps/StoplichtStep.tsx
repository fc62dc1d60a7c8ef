import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OWN_SUBJECT } from '../../../dialogs/framework/items'
import type { Colour } from '../../../dialogs/framework/items'
import { newMsgId } from '../../net/outbox'
import { DrawingView } from '../../ui/DrawingView'
import { pictureUrl } from '../../ui/pictures'
import { Prompt, ReadAloud } from '../../ui/ReadAloud'
import { ColourMark, COLOURS, LAMP, TrafficLight } from '../../ui/TrafficLight'
import { FollowUps } from './ItemCard'
import { ItemComposer } from './ItemComposer'
import { drawsBand, registerT } from './register'
import { stepItems, type ShownItem } from './step-items'
import type { StepProps } from './types'
import { stepPrompts } from '../../../dialogs/framework/prompts'

/** Green first when reading left to right: the calm choice is the first one the eye meets. */
const CHOICE_ORDER: readonly Colour[] = ['groen', 'oranje', 'rood']

function ColourChoice({ value, onChoose, name }: { value?: Colour; onChoose: (c: Colour) => void; name: string }) {
  const { t } = useTranslation('steps')
  return (
    <div className="colour-choice" role="group" aria-label={name}>
      {CHOICE_ORDER.map((c) => (
        <button
          key={c}
          type="button"
          className={value === c ? `colour-btn colour-btn--${c} is-chosen` : `colour-btn colour-btn--${c}`}
          style={{ ['--lamp' as string]: LAMP[c].on, ['--lamp-off' as string]: LAMP[c].off }}
          aria-pressed={value === c}
          title={t(`steps:colourHint.${c}`)}
          onClick={() => onChoose(c)}
        >
          <span className="colour-btn__dot">
            <ColourMark colour={c} size={22} />
          </span>
          <span>{t(`steps:colour.${c}`)}</span>
        </button>
      ))}
    </div>
  )
}

/**
 * Stoplicht: places, people and moments each get green, orange or red; for orange and red the
 * child may say what would make it greener. The light shows the colour just chosen and how many
 * things have each colour.
 */
export function StoplichtStep({ view, step, send, pending, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const { t: ts } = useTranslation(['steps', 'common'])
  const items = stepItems(view, step, pending)
  const [lit, setLit] = useState<Colour | undefined>()
  const [ownColour, setOwnColour] = useState<Colour | undefined>()
  const counts = Object.fromEntries(COLOURS.map((c) => [c, items.filter((i) => i.colour === c).length])) as Record<
    Colour,
    number
  >
  // No written follow-ups for 4-7: the begeleider asks aloud (one idea per screen).
  const followUps = view.ageBand === '4-7' ? [] : (step.followUps ?? [])

  const choose = (subject: string, colour: Colour, existing?: ShownItem) => {
    setLit(colour)
    if (existing) {
      if (existing.colour !== colour) send({ type: 'item.update', itemId: existing.id, patch: { colour } })
    } else send({ type: 'item.add', item: { id: newMsgId(), subject, colour } })
  }

  const row = (item: ShownItem | undefined, subject: string, label: string, picture?: string) => (
    <li key={item?.id ?? subject} className={item?.pending ? 'stoplicht-row is-pending' : 'stoplicht-row'}>
      <div className="stoplicht-row__what">
        {picture && <img src={pictureUrl(picture)} alt="" className="stoplicht-row__picture" />}
        {item?.pictures.map((p) => (
          <img key={p} src={pictureUrl(p)} alt={ts(`common:pictures.${p}`)} className="stoplicht-row__picture" />
        ))}
        {item?.drawing && item.drawing.length > 0 && (
          <DrawingView
            drawing={item.drawing}
            label={ts('steps:drawing.alt')}
            className="drawing-view drawing-view--small"
          />
        )}
        {label && <span className="stoplicht-row__label">{label}</span>}
        {label && <ReadAloud text={label} small />}
      </div>
      <ColourChoice
        value={item?.colour}
        name={ts('steps:stoplicht.chooseFor', { subject: label })}
        onChoose={(c) => choose(subject, c, item)}
      />
      {item && !item.pending && (item.colour === 'oranje' || item.colour === 'rood') && (
        <FollowUps
          keys={followUps}
          answers={item.followUps}
          question={(key) => t(`${step.id}.followUps.${key}`)}
          onSave={(key, text) => send({ type: 'item.update', itemId: item.id, patch: { followUps: { [key]: text } } })}
        />
      )}
      {item && subject === OWN_SUBJECT && !item.pending && (
        <button
          type="button"
          className="btn btn--quiet btn--small"
          onClick={() => send({ type: 'item.remove', itemId: item.id })}
        >
          {ts('common:item.remove')}
        </button>
      )}
    </li>
  )

  return (
    <section className="step step--stoplicht">
      <div className="step__head">
        <TrafficLight lit={lit} counts={counts} label={ts('steps:stoplicht.light')} />
        <div>
          <Prompt as="h1" text={t(`${step.id}.title`)} />
          <Prompt text={t(`${step.id}.prompt`)} />
        </div>
      </div>
      <ul className="stoplicht-list">
        {stepPrompts(step, view.living).map((subject) =>
          row(
            items.find((i) => i.subject === subject),
            subject,
            t(`${step.id}.prompts.${subject}`),
            step.promptPictures?.[subject],
          ),
        )}
        {items
          .filter((i) => i.subject === OWN_SUBJECT)
          .map((item) => row(item, OWN_SUBJECT, item.text ?? '', undefined))}
      </ul>
      <div className="stoplicht-own">
        <Prompt as="h2" text={t(`${step.id}.eigen`)} />
        <Prompt text={t(`${step.id}.eigenHint`)} className="prompt--small" />
        <ColourChoice value={ownColour} name={t(`${step.id}.eigen`)} onChoose={setOwnColour} />
        <ItemComposer
          pictures={step.pictures ?? []}
          young={view.ageBand === '4-7'}
          allowDrawing={drawsBand(view.ageBand)}
          ready={ownColour !== undefined}
          submitLabel={ts('steps:stoplicht.add')}
          extra={{ subject: OWN_SUBJECT, colour: ownColour }}
          onAdd={(item) => {
            setLit(ownColour)
            setOwnColour(undefined)
            send({ type: 'item.add', item })
          }}
        />
      </div>
    </section>
  )
}
