import { useTranslation } from 'react-i18next'

/** "Nog niet verstuurd" until the server has stored it; calm words when the line drops; nothing is lost (docs/architecture.md). */
export function ConnectionNote({ connection, pending }: { connection: string; pending: number }) {
  const { t } = useTranslation()
  if (connection === 'offline')
    return (
      <p className="connection connection--offline" role="status">
        {t('connection.offline')} {pending > 0 && t('connection.pending', { count: pending })}
      </p>
    )
  if (pending > 0)
    return (
      <p className="connection" role="status">
        {t('connection.pending', { count: pending })}
      </p>
    )
  return null
}
