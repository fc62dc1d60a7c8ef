import * as z from 'zod'

/** A phone number as people dial it: digits, with spaces or dashes between groups. */
const PhoneNumber = z.string().regex(/^[0-9][0-9 -]{1,18}[0-9]$/)

/**
 * Ways to help now, shown on every screen a child or jongere sees alone. The organisation may set its
 * own numbers (HELP_LINES, docs/operations.md); these defaults are bundled into the client so they show
 * without network. The numbers are external to the method's seeds: check them locally.
 */
export const HelpLines = z.strictObject({
  /** Danger right now. */
  danger: PhoneNumber,
  /** De Kindertelefoon: to talk, free and anonymous. */
  talk: PhoneNumber,
  /** 113 Zelfmoordpreventie: the short and the free number. */
  suicide: PhoneNumber,
  suicideFree: PhoneNumber,
  /** The organisation's own 24/7 number, if it has one (a label in the organisation's words). */
  own: z.strictObject({ label: z.string().trim().min(1).max(60), number: PhoneNumber }).optional(),
})
export type HelpLines = z.output<typeof HelpLines>

export const DEFAULT_HELP_LINES: HelpLines = {
  danger: '112',
  talk: '0800-0432',
  suicide: '113',
  suicideFree: '0800-0113',
}

/** `tel:` wants the digits only. */
export const telHref = (number: string) => `tel:${number.replace(/[^0-9]/g, '')}`
