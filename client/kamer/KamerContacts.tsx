import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AfscheidContact, MyContactsOut } from '../../dialogs/contract/method'
import { telHref } from '../kind/steps/contacts'
import '../steps/contacts.css'

/**
 * The names and numbers the begeleider entered for the afscheid (server/method/contacts.ts), on the
 * jongere's own kamer: a 12-18 keeps them on their phone, not only in the farewell. Fetched once per
 * kamer visit and held in memory only, never in storage; nothing shows until the begeleider entered a list.
 */
function useKamerContacts(token: string): readonly AfscheidContact[] {
  const [contacts, setContacts] = useState<readonly AfscheidContact[]>([])
  useEffect(() => {
    let live = true
    fetch('/api/method/mine/contacten', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<MyContactsOut>) : null))
      .then((out) => live && out && setContacts(out.contacts))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [token])
  return contacts
}

/** "Je contacten": a calm card on the kamer's home, each number one tap to call. */
export function KamerContacts({ token }: { token: string }) {
  const { t } = useTranslation(['kamer'])
  const contacts = useKamerContacts(token)
  if (contacts.length === 0) return null
  return (
    <section
      className="contact-list kamer-contacts"
      data-testid="kamer-contacts"
      aria-labelledby="kamer-contacts-title"
    >
      <h2 id="kamer-contacts-title" className="kamer-contacts__title">
        {t('kamer:room.contacts')}
      </h2>
      <p className="kamer-small">{t('kamer:room.contactsText')}</p>
      <ul>
        {contacts.map((c, i) => (
          <li key={i} className="contact-card">
            <div className="contact-card__text">
              <span className="contact-card__who">{c.what ? `${c.who}: ${c.what}` : c.who}</span>
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
