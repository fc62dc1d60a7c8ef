import i18next from 'i18next'

/** Read-aloud through the browser's own speech synthesis: nothing is sent anywhere, nothing plays by itself. */
export function speak(text: string): void {
  if (!('speechSynthesis' in window)) return
  window.speechSynthesis.cancel()
  const u = new SpeechSynthesisUtterance(text)
  u.lang = i18next.language === 'en' ? 'en-GB' : 'nl-NL'
  u.rate = 0.9
  window.speechSynthesis.speak(u)
}

export function stopSpeaking(): void {
  if ('speechSynthesis' in window) window.speechSynthesis.cancel()
}
