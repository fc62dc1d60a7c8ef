import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PersonCategory, PersonGives, type Person } from '../../../dialogs/framework/items'
import { newMsgId } from '../../net/outbox'
import { CATEGORY_PICTURE, NetwerkCircles } from '../../ui/NetwerkCircles'
import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { useTapUntilConfirmed } from '../../ui/useTapUntilConfirmed'
import { registerT } from './register'
import { stepItems, type ShownItem } from './step-items'
import type { StepProps } from './types'

const CIRCLES = [1, 2, 3] as const
const SAFE = ['ja', 'soms', 'nee'] as const
const CONTACT = ['meer', 'zo', 'minder'] as const

/** Buttons that act as one choice (radio) or several (toggles), big enough for a child's finger. */
function Choices<T extends string | number>({
  options,
  label,
  isOn,
  onPick,
  text,
  picture,
}: {
  options: readonly T[]
  label: string
  isOn: (o: T) => boolean
  onPick: (o: T) => void
  text: (o: T) => string
  picture?: (o: T) => string | undefined
}) {
  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      <div className="choices__row">
        {options.map((o) => (
          <button
            key={String(o)}
            type="button"
            className={isOn(o) ? 'chip is-on' : 'chip'}
            aria-pressed={isOn(o)}
            onClick={() => onPick(o)}
          >
            {picture?.(o) && <img src={pictureUrl(picture(o)!)} alt="" />}
            {text(o)}
          </button>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * The bolletjesschema: the child adds people (and pets) to three circles around "ik", then per
 * person may tell what they give, whether they feel safe with them and whether they want more or
 * less contact, and mark someone who must not know where they are.
 */
export function NetwerkStep({ view, step, send, pending, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const { t: ts } = useTranslation(['steps', 'common'])
  const people = stepItems(view, step, pending).filter((i) => i.person)
  const [name, setName] = useState('')
  const [category, setCategory] = useState<Person['category'] | undefined>()
  const [circle, setCircle] = useState<Person['circle']>(1)
  const [open, setOpen] = useState<string | undefined>()
  // The box shows the child's tap at once; the stored view takes over as soon as it says the same.
  const ticked = useTapUntilConfirmed(
    Object.fromEntries(view.items.flatMap((i) => (i.person ? [[i.id, i.person.mustNotKnow] as const] : []))),
  )
  const canAdd = name.trim().length > 0 && category !== undefined
  // A person the server has stored can be told more about, also while an earlier change is on its
  // way: the details stay open (and the focus in them) instead of closing at every tap.
  const stored = new Set(view.items.map((i) => i.id))

  const update = (item: ShownItem, change: Partial<Person>) =>
    send({ type: 'item.update', itemId: item.id, patch: { person: { ...item.person!, ...change } } })

  return (
    <section className="step step--netwerk">
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      <Prompt text={t(`${step.id}.prompt`)} />
      <div className="netwerk-layout">
        <NetwerkCircles
          people={people}
          me={ts('steps:netwerk.me')}
          label={ts('steps:netwerk.picture')}
          selected={open}
          onSelect={(id) => setOpen(id)}
        />
        <form
          className="composer netwerk-add"
          onSubmit={(e) => {
            e.preventDefault()
            if (!canAdd) return
            send({
              type: 'item.add',
              item: { id: newMsgId(), person: { name: name.trim(), category, circle, gives: [], mustNotKnow: false } },
            })
            setName('')
            setCategory(undefined)
          }}
        >
          <label className="field">
            <span>{ts('steps:netwerk.name')}</span>
            <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
          </label>
          <Choices
            options={PersonCategory.options}
            label={ts('steps:netwerk.category')}
            isOn={(o) => o === category}
            onPick={setCategory}
            text={(o) => ts(`steps:netwerk.categories.${o}`)}
            picture={(o) => CATEGORY_PICTURE[o]}
          />
          <Choices
            options={CIRCLES}
            label={ts('steps:netwerk.circle')}
            isOn={(o) => o === circle}
            onPick={setCircle}
            text={(o) => ts(`steps:netwerk.circles.${o}`)}
          />
          <button type="submit" className="btn btn--primary" disabled={!canAdd}>
            {ts('steps:netwerk.add')}
          </button>
        </form>
      </div>
      {people.length === 0 && <p className="muted">{ts('steps:netwerk.empty')}</p>}
      <ul className="item-list">
        {people.map((item) => {
          const p = item.person!
          const isOpen = open === item.id && stored.has(item.id)
          return (
            <li key={item.id} className={item.pending ? 'item-card person-card is-pending' : 'item-card person-card'}>
              <div className="item-card__body">
                <img src={pictureUrl(CATEGORY_PICTURE[p.category])} alt="" className="item-card__picture" />
                <p className="item-card__text">
                  <strong>{p.name}</strong>{' '}
                  <span className="muted">
                    {ts(`steps:netwerk.categories.${p.category}`)} · {ts(`steps:netwerk.circles.${p.circle}`)}
                  </span>
                  {p.mustNotKnow && <span className="badge badge--alert">{ts('steps:netwerk.mustNotKnow')}</span>}
                </p>
                {stored.has(item.id) && (
                  <button
                    type="button"
                    className="btn btn--soft btn--small"
                    aria-expanded={isOpen}
                    onClick={() => setOpen(isOpen ? undefined : item.id)}
                  >
                    {isOpen ? ts('steps:netwerk.close') : ts('steps:netwerk.more')}
                  </button>
                )}
              </div>
              {isOpen && (
                <div className="person-card__details">
                  <Choices
                    options={PersonGives.options}
                    label={ts('steps:netwerk.gives')}
                    isOn={(o) => p.gives.includes(o)}
                    onPick={(o) =>
                      update(item, { gives: p.gives.includes(o) ? p.gives.filter((g) => g !== o) : [...p.gives, o] })
                    }
                    text={(o) => ts(`steps:netwerk.give.${o}`)}
                  />
                  <Choices
                    options={SAFE}
                    label={ts('steps:netwerk.safe')}
                    isOn={(o) => p.safe === o}
                    onPick={(o) => update(item, { safe: o })}
                    text={(o) => ts(`steps:netwerk.safeOption.${o}`)}
                  />
                  <Choices
                    options={CONTACT}
                    label={ts('steps:netwerk.contact')}
                    isOn={(o) => p.contact === o}
                    onPick={(o) => update(item, { contact: o })}
                    text={(o) => ts(`steps:netwerk.contactOption.${o}`)}
                  />
                  <Choices
                    options={CIRCLES}
                    label={ts('steps:netwerk.circle')}
                    isOn={(o) => p.circle === o}
                    onPick={(o) => update(item, { circle: o })}
                    text={(o) => ts(`steps:netwerk.circles.${o}`)}
                  />
                  <label className="netwerk-check">
                    <input
                      type="checkbox"
                      checked={ticked.shown(item.id, p.mustNotKnow)}
                      onChange={(e) => {
                        const on = e.target.checked
                        ticked.tap(item.id, on)
                        update(item, { mustNotKnow: on })
                      }}
                    />
                    <span>{ts('steps:netwerk.mustNotKnow')}</span>
                  </label>
                  <button
                    type="button"
                    className="btn btn--quiet btn--small"
                    onClick={() => send({ type: 'item.remove', itemId: item.id })}
                  >
                    {ts('common:item.remove')}
                  </button>
                </div>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
