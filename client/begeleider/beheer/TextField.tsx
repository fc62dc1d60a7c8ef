import { SOURCE_LANGUAGE, type LangCode } from '../../../dialogs/contract/languages'
import type { TextSlot } from '../../../dialogs/framework/texts'
import { NAME_PLACEHOLDER, TEXT_LIMITS } from '../../../dialogs/framework/texts'
import { useWorkspaceT } from '../words'

/**
 * One text of a draft in one language, as both editors show it (the step editor and the texts-only
 * editor): its place, its badges, the Dutch words as a placeholder, and the size the screen can show.
 */
export function TextField(props: {
  id: string
  textKey: string
  slot: TextSlot
  value: string
  lang: LangCode
  dir: 'ltr' | 'rtl' | undefined
  source: Readonly<Record<string, string>>
  long: boolean
  missing: boolean
  required: boolean
  adult: boolean
  /** The screen fills in the begeleider's name in this text. */
  named: boolean
  onText: (key: string, text: string) => void
}) {
  const { t } = useWorkspaceT()
  const { id, textKey: key, slot, value, lang, source } = props
  const Input = props.long ? 'textarea' : 'input'
  return (
    <div className={`text-field${props.missing ? ' is-missing' : ''}`}>
      <label htmlFor={id}>
        {t(`workspace:tools.slot.${slot}`)}
        {props.adult && <span className="badge">{t('workspace:tools.adult')}</span>}
        {props.required && <span className="badge">{t('workspace:tools.required')}</span>}
        <span className="text-field__key">{key}</span>
      </label>
      <Input
        id={id}
        value={value}
        maxLength={TEXT_LIMITS[slot]}
        lang={lang}
        dir={props.dir}
        {...(props.long ? { rows: 3 } : {})}
        placeholder={lang === SOURCE_LANGUAGE ? '' : (source[key] ?? '')}
        onChange={(e) => props.onText(key, e.target.value)}
        data-key={key}
      />
      {/* Where the screen fills in the begeleider's name, say so once the text (or Dutch) uses it. */}
      {props.named && `${value}${source[key] ?? ''}`.includes(NAME_PLACEHOLDER) && (
        <p className="muted text-field__hint">{t('workspace:tools.nameHint', { placeholder: NAME_PLACEHOLDER })}</p>
      )}
    </div>
  )
}
