import type { TFunction } from 'i18next'
import { useContext, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView } from '../../dialogs/contract/view'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { shareBand } from '../../dialogs/sharing'
import { House, type HouseVariant } from '../ui/House'
import { ItemSummary } from '../ui/ItemSummary'
import { NetwerkCircles } from '../ui/NetwerkCircles'
import { pictureUrl } from '../ui/pictures'
import { Prompt } from '../ui/ReadAloud'
import { ShareIcon } from '../ui/ShareIcon'
import { ParentHears } from './ParentHears'
import { ContactList, ContactsContext } from './steps/contacts'
import { isAdultBand, registerT } from './steps/register'
import '../steps/keepsake.css'

const HOUSE_OF: Record<string, HouseVariant> = {
  'huis-goed': 'goed',
  'huis-zorgen': 'zorgen',
  'huis-dromen': 'dromen',
  sterktes: 'sterk',
}

/**
 * What the child takes away: its own houses, light or circles, and beside each thing who may know
 * it. Printed from the child's own device only (window.print on this page); the begeleider's print
 * route keeps following the projection and never prints this.
 */
function Keepsake({ view, tool, t: toolT }: { view: GesprekView; tool: ToolInfo; t: TFunction }) {
  const { t } = useTranslation(['screens', 'deelafspraak', 'steps'])
  const t2 = registerT(toolT, view.ageBand)
  // The deelafspraak's words follow the actual age, also when the screens follow a development band.
  const band = shareBand(view.legalBand ?? view.ageBand)
  const groups = tool.steps
    .filter((s) => s.type !== 'info' && s.type !== 'share')
    .map((s) => ({ step: s, items: view.items.filter((i) => i.stepId === s.id) }))
    .filter((g) => g.items.length > 0)
  // The begeleider's list of names and numbers (the afscheid) is on the printed keepsake too.
  const contactStep = useContext(ContactsContext).length > 0 ? tool.steps.find((s) => s.showsContacts) : undefined
  if (groups.length === 0 && !contactStep) return null
  const people = view.items.filter((i) => i.person)
  return (
    <section className="keepsake" data-testid="keepsake" aria-labelledby="keepsake-title">
      <h2 id="keepsake-title">{t('screens:keepsake.title')}</h2>
      {people.length > 0 && (
        <NetwerkCircles people={people} me={t('steps:netwerk.me')} label={t('steps:netwerk.picture')} />
      )}
      {groups.map(({ step, items }) => {
        const variant = HOUSE_OF[step.id]
        return (
          <section key={step.id} className="keepsake__group">
            <div className="keepsake__head">
              {variant && (
                <House
                  variant={variant}
                  pictures={items.flatMap((i) => i.pictures).slice(0, 4)}
                  count={items.length}
                  label={t2(`${step.id}.title`)}
                />
              )}
              <h3>{t2(`${step.id}.title`)}</h3>
            </div>
            <ul className="keepsake__items">
              {items.map((item) => (
                <li key={item.id}>
                  <ItemSummary item={item} step={step} t={t2} showPrompt={false} />
                  <span className="keepsake__who">
                    {item.chosen ? (
                      <>
                        <ShareIcon level={item.share} size={28} />
                        {t(`deelafspraak:band.${band}.label.${item.share}`)}
                      </>
                    ) : (
                      t('screens:keepsake.notChosen')
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      {contactStep && (
        <section className="keepsake__group">
          <h3>{t2(`${contactStep.id}.title`)}</h3>
          <ContactList t={toolT} ageBand={view.ageBand} stepId={contactStep.id} />
        </section>
      )}
      <button type="button" className="btn btn--soft keepsake__print" onClick={() => window.print()}>
        {t('screens:keepsake.print')}
      </button>
    </section>
  )
}

/**
 * The one closing screen: the same on the last step and after "Klaar", so a child does not meet two
 * "Klaar!" screens; for 4-12 with the keepsake under it.
 */
export function Closing({
  view,
  tool,
  t: toolT,
  done: _done,
}: {
  view: GesprekView
  tool: ToolInfo
  t: TFunction
  /** After "Klaar": the same screen, without the navigation. */
  done: boolean
}) {
  const t = registerT(toolT, view.ageBand, view.living)
  const { t: tc } = useTranslation(['common'])
  const step = tool.steps.find((s) => s.id === 'afsluiting')
  const adult = isAdultBand(view.ageBand)
  return (
    <section className="step step--info step--closing">
      {!adult && <img src={pictureUrl('star')} alt="" className="step__picture step__picture--small" />}
      <Prompt as="h1" text={step ? t(`${step.id}.title`) : tc('common:doneTitle')} />
      <Prompt text={step ? t(`${step.id}.prompt`) : tc('common:doneText')} />
      {step?.prompts?.map((p) => (
        <Prompt key={p} text={t(`${step.id}.${p}`)} className="prompt--line" />
      ))}
      {/* Right after the deelafspraak: what each parent will and will not hear of it. */}
      {tool.steps.some((s) => s.type === 'share') && <ParentHears view={view} tool={tool} t={toolT} />}
      {!adult && <Keepsake view={view} tool={tool} t={toolT} />}
    </section>
  )
}

/** How long a kept keepsake waits for a touch before it leaves the screen by itself. */
export const KEEPSAKE_IDLE_MS = 10 * 60_000

/**
 * The closing after the gesprek's devices have ended: the keepsake stays, from memory, until the child
 * presses Sluiten or the screen is left alone for ten minutes; a shared tablet then shows the join
 * screen again. A reload finds nothing (the session is already forgotten).
 */
export function KeptClosing({
  view,
  tool,
  t,
  onClose,
}: {
  view: GesprekView
  tool: ToolInfo
  t: TFunction
  onClose: () => void
}) {
  const { t: ts } = useTranslation(['screens'])
  useEffect(() => {
    let timer = setTimeout(onClose, KEEPSAKE_IDLE_MS)
    const touched = () => {
      clearTimeout(timer)
      timer = setTimeout(onClose, KEEPSAKE_IDLE_MS)
    }
    const events = ['pointerdown', 'keydown', 'scroll'] as const
    for (const e of events) window.addEventListener(e, touched, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const e of events) window.removeEventListener(e, touched)
    }
  }, [onClose])
  return (
    <div className="step-host step-host--kept" data-testid="kept-closing">
      <Closing view={view} tool={tool} t={t} done />
      <div className="keepsake__close">
        <Prompt text={ts('screens:keepsake.closeHint')} />
        <button type="button" className="btn btn--primary btn--big" onClick={onClose}>
          {ts('screens:keepsake.close')}
        </button>
      </div>
    </div>
  )
}
