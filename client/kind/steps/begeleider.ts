import { createContext } from 'react'

/**
 * The child's own begeleider as the child's screen knows them (from joining): the name and the
 * picture the begeleider chose. The kennismaking's "this is your begeleider" and lines that name
 * them read it; a screen without it (the kamer) says "je begeleider".
 */
export type BegeleiderFace = { name?: string; picture?: string }
export const BegeleiderContext = createContext<BegeleiderFace>({})
