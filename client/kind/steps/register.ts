import type { TFunction } from 'i18next'
import type { AgeBand } from '../../../dialogs/contract/ids'

export const isAdultBand = (band: AgeBand) => band === '12-15' || band === '16-18'
/** Bands that draw and tap pictures: the creative werkvormen of 4-12 [000:637-641]. */
export const drawsBand = (band: AgeBand) => band === '4-7' || band === '8-12'

/**
 * The register by band, as i18next context: the adult register from 12 words a prompt as
 * `<key>_jongere` (Mijn netwerk serves 8-18); the youngest (4-7) get concrete words as `<key>_jong`
 * ("Huis van niet-fijne dingen", the toverstaf). Where no such key exists the one text serves every band.
 */
export function registerT(t: TFunction, band: AgeBand): TFunction {
  const context = isAdultBand(band) ? 'jongere' : band === '4-7' ? 'jong' : null
  if (!context) return t
  const withContext = (key: string | string[], options?: Record<string, unknown>) =>
    t(key, { context, ...(options ?? {}) } as never)
  return withContext as unknown as TFunction
}
