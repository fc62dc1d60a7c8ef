import * as z from 'zod'
import { LANGUAGE_CODES } from './languages'

/** Server-made ids: url-safe random strings. */
const ID = /^[A-Za-z0-9_-]{8,40}$/
export const Id = z.string().regex(ID)
export const GesprekId = z.string().regex(ID)
export const ChildId = z.string().regex(ID)
/** Client-made idempotency key per command (UUID or similar). */
export const ClientMsgId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
export const Lang = z.enum(LANGUAGE_CODES)
export type Lang = z.output<typeof Lang>
export const AgeBand = z.enum(['0-4', '4-7', '8-12', '12-15', '16-18'])
export type AgeBand = z.output<typeof AgeBand>
/** A nickname, never a full name: short, one or two words. */
export const Nickname = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{M}' -]+$/u)
/**
 * Where a gesprek happens: beside the begeleider, or in the jongere's own kamer. It decides the
 * starting level of every answer (docs/deelafspraak.md).
 */
export const SETTINGS = ['begeleid', 'kamer'] as const
export const Setting = z.enum(SETTINGS)
export type Setting = z.output<typeof Setting>
export const Seq = z.int().nonnegative()
/**
 * Where the child lives during the guidance: in the shelter (residentieel) or at home with ambulant
 * guidance. A gesprek fixes it when it starts (machine input, like the age band).
 */
export const Living = z.enum(['residentieel', 'ambulant'])
export type Living = z.output<typeof Living>
