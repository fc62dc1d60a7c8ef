import { useTranslation } from 'react-i18next'
import { AgeBand } from '../../dialogs/contract/ids'
import { Fase, Living } from '../../dialogs/contract/workspace'

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

export function PhaseField({ value, onChange }: { value: Fase; onChange: (v: Fase) => void }) {
  const { t } = useTranslation(['workspace'])
  return (
    <label>
      {t('workspace:phase.label')}
      <select name="phase" value={value} onChange={(e) => onChange(Fase.parse(Number(e.target.value)))}>
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

/**
 * The band the werkvormen follow, apart from age (docs/deelafspraak.md, "Two bands"): a 9-year-old who
 * needs the 4-7 screens gets them, while the deelafspraak's words keep following the real age.
 */
export function DevelopmentBandField({
  value,
  onChange,
}: {
  value: AgeBand | null
  onChange: (v: AgeBand | null) => void
}) {
  const { t } = useTranslation(['common', 'workspace'])
  return (
    <label>
      {t('workspace:child.developmentBand')}
      <select
        name="developmentBand"
        value={value ?? ''}
        aria-describedby="development-band-hint"
        onChange={(e) => onChange(e.target.value === '' ? null : AgeBand.parse(e.target.value))}
      >
        <option value="">{t('workspace:child.developmentSame')}</option>
        {AgeBand.options.map((b) => (
          <option key={b} value={b}>
            {t(`common:begeleider.ageBands.${b}`)}
          </option>
        ))}
      </select>
      <span id="development-band-hint" className="muted field-hint">
        {t('workspace:child.developmentHint')}
      </span>
    </label>
  )
}
