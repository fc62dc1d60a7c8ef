import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChildPlanOut } from '../../dialogs/contract/plans'
import { loadApiClient } from '../net/api'
import { pictureUrl } from '../ui/pictures'
import { Prompt } from '../ui/ReadAloud'
import '../steps/safety-plan.css'

/**
 * The child's version of the veiligheidsplan, on the child's own screen only (the server answers it to the
 * child's own trusted device or kamer, nothing else). Held in memory, never stored on the device; printed
 * from here, like the keepsake.
 */
export function useChildPlan(token: string): ChildPlanOut | null {
  const [plan, setPlan] = useState<ChildPlanOut | null>(null)
  useEffect(() => {
    let live = true
    loadApiClient()
      .then((c) => c.mine.safetyPlan(token))
      .then((p) => live && setPlan(p.lines.length > 0 ? p : null))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [token])
  return plan
}

export function SafetyPlanButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation(['screens'])
  return (
    <button type="button" className="btn btn--soft safety-plan-open" onClick={onOpen} data-testid="safety-plan-open">
      <img src={pictureUrl('home')} alt="" width={28} height={28} />
      {t('screens:safetyPlan.open')}
    </button>
  )
}

/** `adult`: a jongere in the kamer reads the quieter register, without the child's pictures row style. */
export function SafetyPlanView({
  plan,
  onClose,
  adult = false,
}: {
  plan: ChildPlanOut
  onClose: () => void
  adult?: boolean
}) {
  const { t } = useTranslation(['screens'])
  const r = (key: string) => (adult ? `${key}_jongere` : key)
  const who = [...new Set(plan.agreements.map((a) => a.who))]
  return (
    <section
      className={adult ? 'safety-plan safety-plan--adult' : 'safety-plan'}
      data-testid="safety-plan"
      aria-labelledby="safety-plan-title"
    >
      <div id="safety-plan-title">
        <Prompt as="h1" text={t('screens:safetyPlan.title')} />
      </div>
      <Prompt text={t(r('screens:safetyPlan.intro'))} />
      <ul className="safety-plan__lines">
        {plan.lines.map((l, i) => (
          <li key={i} className="safety-plan__line">
            <img src={pictureUrl(l.picture)} alt="" width={64} height={64} />
            <Prompt text={l.text} />
          </li>
        ))}
      </ul>
      <Prompt text={t(r('screens:safetyPlan.grownUps'))} className="prompt--line" />
      {who.length > 0 && (
        <div className="safety-plan__agreed">
          <Prompt
            text={t('screens:safetyPlan.agreed', {
              who: who.map((w) => t(`screens:safetyPlan.who.${w}`)).join(', '),
            })}
          />
        </div>
      )}
      <div className="safety-plan__actions">
        <button type="button" className="btn btn--soft btn--big" onClick={() => window.print()}>
          {t('screens:safetyPlan.print')}
        </button>
        <button type="button" className="btn btn--primary btn--big" onClick={onClose}>
          {t('screens:safetyPlan.back')}
        </button>
      </div>
    </section>
  )
}
