// The server's text rules (server/src/text/text_checks.cpp), mirrored so that forms say what is
// wrong before sending: characters are Unicode code points, single-line fields refuse line
// breaks and control characters, and "required" means something other than spaces.

/** What is wrong with a value: an i18n key and its named values. */
export interface Problem {
  key: string
  named?: Record<string, number>
}

export type Problems = Record<string, Problem>

/** The server counts code points, not UTF-16 units: 𠀀 is one character. */
export function characterCount(value: string): number {
  return [...value].length
}

/** C0 controls, DEL and C1 controls, as HasControlCharacters with single_line. */
export function hasControlCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      return true
    }
  }
  return false
}

const SPACE = /^[ \t\n\r]*$/

/** CheckText(value, max, required, single_line = true) as a form problem. */
export function checkLine(value: string, max: number, required: boolean): Problem | null {
  if (required && SPACE.test(value)) {
    return { key: 'org.validation.required' }
  }
  if (hasControlCharacters(value)) {
    return { key: 'org.validation.singleLine' }
  }
  if (characterCount(value) > max) {
    return { key: 'org.validation.tooLong', named: { max } }
  }
  return null
}

/** The UTF-8 size of a string, for limits the server counts in bytes. */
export function utf8Bytes(value: string): number {
  return new TextEncoder().encode(value).length
}
