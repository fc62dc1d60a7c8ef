import type { TFunction } from 'i18next'
import { createContext, useContext, useEffect, useState } from 'react'
import type { AfscheidContact } from '../../../dialogs/contract/method'
import { loadApiClient } from '../../net/api'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import { pictureUrl } from '../../ui/pictures'
import { Prompt } from '../../ui/ReadAloud'
import { BegeleiderContext } from './begeleider'
import { isAdultBand, registerT } from './register'
import '../../steps/contacts.css'

/**
 * The contacts the begeleider entered before the afscheid (server/method/contacts.ts), on the child's
 * own screen: fetched once for a tool that shows them, held in memory only (never in storage), so the
 * kept closing can still print them after the line has ended (ADR 0085).
 */
export const ContactsContext = createContext<readonly AfscheidContact[]>([])

export function useAfscheidContacts(token: string, tool: ToolInfo | undefined): readonly AfscheidContact[] {
  const [contacts, setContacts] = useState<readonly AfscheidContact[]>([])
  const wanted = tool?.steps.some((s) => s.showsContacts) ?? false
  useEffect(() => {
    if (!wanted) return
    let live = true
    loadApiClient()
      .then((c) => c.mine.contacts(token))
      .then((out) => live && setContacts(out.contacts))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [token, wanted])
  return contacts
}

/** `tel:` wants the digits, and the + of a country code. */
export const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`

/** The begeleider's list: who (a role or first name), what for, and the number to tap or dial. */
export function ContactList({ t: toolT, ageBand, stepId }: { t: TFunction; ageBand: string; stepId: string }) {
  const contacts = useContext(ContactsContext)
  const begeleider = useContext(BegeleiderContext)
  const band = ageBand as Parameters<typeof registerT>[1]
  const t = registerT(toolT, band)
  if (contacts.length === 0) return null
  const name = begeleider.name ?? t('common:kind.noBegeleiderName')
  const adult = isAdultBand(band)
  return (
    <section className="contact-list" data-testid="afscheid-contacts" aria-label={t(`${stepId}.list.title`)}>
      <Prompt text={t(`${stepId}.list.intro`, { name })} className="contact-list__intro" />
      <ul>
        {contacts.map((c, i) => (
          <li key={i} className="contact-card">
            {!adult && <img src={pictureUrl('phone')} alt="" className="contact-card__picture" />}
            <div className="contact-card__text">
              <Prompt text={c.what ? `${c.who}: ${c.what}` : c.who} className="contact-card__who" />
              {c.number && (
                <a className="contact-card__number" href={telHref(c.number)}>
                  {c.number}
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
