import type { TFunction } from 'i18next'
import type { AgeBand, Living } from '../../../dialogs/contract/ids'

export const isAdultBand = (band: AgeBand) => band === '12-15' || band === '16-18'
/** Bands that draw and tap pictures: the creative werkvormen of 4-12 [000:637-641]. */
export const drawsBand = (band: AgeBand) => band === '4-7' || band === '8-12'

/**
 * The register by band, as i18next context: the adult register from 12 words a prompt as
 * `<key>_jongere` (Mijn netwerk serves 8-18); the youngest (4-7) get concrete words as `<key>_jong`
 * ("Huis van niet-fijne dingen", the toverstaf). Where no such key exists the one text serves every band.
 * With the gesprek's living situation, an ambulant child (at home [000:381-387, 1101-1107]) reads
 * `<key>_ambulant` (with the band's context on it) where a tool has one: no "here in the shelter".
 */
export function registerT(t: TFunction, band: AgeBand, living?: Living): TFunction {
  const context = isAdultBand(band) ? 'jongere' : band === '4-7' ? 'jong' : null
  const ambulant = living === 'ambulant'
  if (!context && !ambulant) return t
  const withContext = (key: string | string[], options?: Record<string, unknown>) =>
    t(ambulant && typeof key === 'string' ? [`${key}_ambulant`, key] : key, {
      ...(context ? { context } : {}),
      ...(options ?? {}),
    } as never)
  return withContext as unknown as TFunction
}
