import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemInput } from '../../../dialogs/framework/items'
import { newMsgId } from '../../net/outbox'
import { useStepDraft } from '../../steps/StepHost'
import { pictureUrl } from '../../ui/pictures'
import { ReadAloud } from '../../ui/ReadAloud'
import { DrawingPad, type Strokes } from './DrawingPad'

/** Pictures first (the youngest tap, they do not type), text optional. */
export function ItemComposer({
  pictures,
  young,
  onAdd,
  extra,
  allowDrawing = false,
  ready = true,
  submitLabel,
}: {
  pictures: readonly string[]
  young: boolean
  onAdd: (item: ItemInput) => void
  extra?: Partial<ItemInput>
  /** 4-12: a drawing is an answer too (issue 3). */
  allowDrawing?: boolean
  /** False while something else the item needs is still missing (a Stoplicht colour). */
  ready?: boolean
  submitLabel?: string
}) {
  const { t } = useTranslation(['common', 'steps'])
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [drawing, setDrawing] = useState<Strokes | null>(null)
  const canAdd = ready && (text.trim().length > 0 || chosen.length > 0 || (drawing?.length ?? 0) > 0)
  const submit = useCallback(() => {
    onAdd({
      id: newMsgId(),
      text: text.trim() || undefined,
      pictures: chosen,
      ...(drawing?.length ? { drawing } : {}),
      ...extra,
    })
    setText('')
    setChosen([])
    setDrawing(null)
  }, [onAdd, text, chosen, drawing, extra])
  // A tapped picture or a typed word is an answer: Verder stores it even without "Zet erin".
  useStepDraft(canAdd ? submit : null)
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length < 6 ? [...c, id] : c))

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault()
        if (canAdd) submit()
      }}
    >
      {pictures.length > 0 && (
        <fieldset className={young ? 'picture-grid picture-grid--big' : 'picture-grid'}>
          <legend className="visually-hidden">{t('item.choosePictures')}</legend>
          {pictures.map((id) => (
            <div key={id} className="picture-choice">
              <button
                type="button"
                className={chosen.includes(id) ? 'picture-btn is-chosen' : 'picture-btn'}
                aria-pressed={chosen.includes(id)}
                onClick={() => toggle(id)}
              >
                <img src={pictureUrl(id)} alt="" />
                <span>{t(`pictures.${id}`)}</span>
              </button>
              <ReadAloud text={t(`pictures.${id}`)} small />
            </div>
          ))}
        </fieldset>
      )}
      {allowDrawing && drawing === null && (
        <button type="button" className="btn btn--soft composer__draw" onClick={() => setDrawing([])}>
          ✎ {t('steps:drawing.open')}
        </button>
      )}
      {allowDrawing && drawing !== null && <DrawingPad strokes={drawing} onChange={setDrawing} />}
      <div className="composer__row">
        <label htmlFor="composer-text" className="visually-hidden">
          {t('item.placeholder')}
        </label>
        <textarea
          id="composer-text"
          value={text}
          maxLength={1000}
          rows={young ? 1 : 2}
          placeholder={t('item.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn--primary" disabled={!canAdd}>
          {submitLabel ?? t('item.add')}
        </button>
      </div>
    </form>
  )
}
