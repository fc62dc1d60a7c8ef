import { useTranslation } from 'react-i18next'
import { AgeBand } from '../../dialogs/contract/ids'
import { ChildPhase, Living } from '../../dialogs/contract/workspace'

/** The child's age band, phase and living situation: the same three choices when adding and when editing. */
export function AgeBandField({ value, onChange }: { value: AgeBand; onChange: (v: AgeBand) => void }) {
  const { t } = useTranslation(['common'])
  return (
    <label>
      {t('common:begeleider.ageBand')}
      <select name="ageBand" value={value} onChange={(e) => onChange(AgeBand.parse(e.target.value))}>
        {AgeBand.options.map((b) => (
          <option key={b} value={b}>
            {t(`common:begeleider.ageBands.${b}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

export function PhaseField({ value, onChange }: { value: ChildPhase; onChange: (v: ChildPhase) => void }) {
  const { t } = useTranslation(['workspace'])
  return (
    <label>
      {t('workspace:phase.label')}
      <select name="phase" value={value} onChange={(e) => onChange(ChildPhase.parse(Number(e.target.value)))}>
        {([1, 2, 3] as const).map((p) => (
          <option key={p} value={p}>
            {t(`workspace:phase.${p}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

export function LivingField({ value, onChange }: { value: Living; onChange: (v: Living) => void }) {
  const { t } = useTranslation(['workspace'])
  return (
    <label>
      {t('workspace:living.label')}
      <select name="living" value={value} onChange={(e) => onChange(Living.parse(e.target.value))}>
        {Living.options.map((l) => (
          <option key={l} value={l}>
            {t(`workspace:living.${l}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
