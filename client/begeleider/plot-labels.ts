/**
 * Labels in the history's plots. A column is named by its day; when two gesprekken fall on the same
 * day, both columns also carry their time, so "1 dec" never stands twice. A row label wraps at a word
 * onto at most two lines instead of being cut mid-word.
 */
export function columnLabels(dates: readonly string[], lng: string): string[] {
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso))
  const time = (iso: string) =>
    new Intl.DateTimeFormat(lng, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
      new Date(iso),
    )
  const days = dates.map(day)
  return dates.map((at, i) => (days.filter((d) => d === days[i]).length > 1 ? `${days[i]} ${time(at)}` : days[i]!))
}

/** Up to two lines of at most `width` characters, broken between words; an ellipsis only if a third was needed. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (next.length <= width || !line) line = next
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length <= 2) return lines
  return [lines[0]!, `${lines[1]!.slice(0, width - 1)}…`]
}
