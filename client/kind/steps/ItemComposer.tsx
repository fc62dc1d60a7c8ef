import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemInput } from '../../../dialogs/framework/items'
import { newMsgId } from '../../net/outbox'
import { pictureUrl } from '../../ui/pictures'
import { ReadAloud } from '../../ui/ReadAloud'

/** Pictures first (the youngest tap, they do not type), text optional. */
export function ItemComposer({
  pictures,
  young,
  onAdd,
  extra,
}: {
  pictures: readonly string[]
  young: boolean
  onAdd: (item: ItemInput) => void
  extra?: Partial<ItemInput>
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const canAdd = text.trim().length > 0 || chosen.length > 0
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : c.length < 6 ? [...c, id] : c))

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault()
        if (!canAdd) return
        onAdd({ id: newMsgId(), text: text.trim() || undefined, pictures: chosen, ...extra })
        setText('')
        setChosen([])
      }}
    >
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
          {t('item.add')}
        </button>
      </div>
    </form>
  )
}
