/**
 * `--team-id -x3Fq…` is how the README writes it, but parseArgs reads a value that starts with '-' as
 * another option (one id in 64 starts with '-'). Joining each string option with its next argument as
 * `--team-id=-x3Fq…` keeps every id a value.
 */
export function valuesJoined(args: string[], stringOptions: ReadonlySet<string>): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null
    if (name && stringOptions.has(name) && i + 1 < args.length) {
      out.push(`${a}=${args[i + 1]!}`)
      i++
    } else out.push(a)
  }
  return out
}
