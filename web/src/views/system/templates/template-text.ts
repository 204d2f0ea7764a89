// Message templates as the server treats them (domain/notification.cpp): placeholders in
// braces from a fixed list, rendered by plain substitution; plus what an editor needs around
// that: checks, a preview, SMS length, inserting a placeholder at the cursor. Pure.
import type { MessageTemplate, TemplateChannel } from '@/api/admin-reference'

/** Every value a notification puts into a message; the server refuses any other name. */
export const PLACEHOLDERS = [
  'number',
  'title',
  'deadline',
  'action',
  'query_url',
  'unit',
  'reason',
  'external_ref',
  'answer',
  'urgency',
  'query_code',
  'note',
  'people',
] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name)
}

/** The first unknown placeholder, "{" for an unclosed or empty brace, null when all are known. */
export function findUnknownPlaceholder(text: string): string | null {
  let at = 0
  while ((at = text.indexOf('{', at)) !== -1) {
    const end = text.indexOf('}', at + 1)
    if (end === -1 || end === at + 1) {
      return '{'
    }
    const name = text.slice(at + 1, end)
    if (!isPlaceholder(name)) {
      return name
    }
    at = end + 1
  }
  return null
}

/** The placeholders a text uses, each once, in order of first use. */
export function usedPlaceholders(text: string): Placeholder[] {
  const used: Placeholder[] = []
  for (const match of text.matchAll(/\{([a-z_]+)\}/g)) {
    const name = match[1] ?? ''
    if (isPlaceholder(name) && !used.includes(name)) {
      used.push(name)
    }
  }
  return used
}

/** As the server renders: known names replaced (by "" without a value), unknown ones kept. */
export function renderTemplate(text: string, params: Partial<Record<string, string>>): string {
  let out = ''
  let at = 0
  while (at < text.length) {
    const open = text.indexOf('{', at)
    if (open === -1) {
      out += text.slice(at)
      break
    }
    out += text.slice(at, open)
    const close = text.indexOf('}', open + 1)
    if (close === -1) {
      out += text.slice(open)
      break
    }
    const name = text.slice(open + 1, close)
    const value = params[name]
    if (value !== undefined) {
      out += value
    } else if (!isPlaceholder(name)) {
      out += text.slice(open, close + 1)
    }
    at = close + 1
  }
  return out
}

/** Characters as a reader (and an SMS gateway) counts them: code points, not UTF-16 units. */
export function charCount(text: string): number {
  return [...text].length
}

// A Chinese SMS holds 70 characters; a longer one is sent in parts of 67 each.
const SMS_SINGLE = 70
const SMS_PART = 67

export function smsSegments(characters: number): number {
  if (characters <= 0) {
    return 0
  }
  return characters <= SMS_SINGLE ? 1 : Math.ceil(characters / SMS_PART)
}

export const MAX_TEMPLATE_LENGTH = 500

export type TemplateProblem =
  | { kind: 'required' }
  | { kind: 'too_long' }
  | { kind: 'broken_brace' }
  | { kind: 'unknown_placeholder'; name: string }

export function templateProblem(text: string): TemplateProblem | null {
  if (text.trim() === '') {
    return { kind: 'required' }
  }
  if (charCount(text) > MAX_TEMPLATE_LENGTH) {
    return { kind: 'too_long' }
  }
  const unknown = findUnknownPlaceholder(text)
  if (unknown === '{') {
    return { kind: 'broken_brace' }
  }
  return unknown === null ? null : { kind: 'unknown_placeholder', name: unknown }
}

/** The text with `{name}` put in place of the selection, and where the caret goes after it. */
export function insertPlaceholder(
  text: string,
  name: Placeholder,
  start: number,
  end: number = start,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  const token = `{${name}}`
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length }
}

// The order templates are listed in: as data/seed/message-templates.csv has them, by the
// life of a case; keys the client does not know come last, alphabetically.
const KEY_ORDER = [
  'critical_case',
  'case_dispatched',
  'case_escalated',
  'return_requested',
  'extension_requested',
  'direct_card_answered',
  'direct_card_extended',
  'deadline_warning',
  'deadline_overdue',
  'supervision_notice',
  'reporter_answered',
  'reporter_declined',
  'reporter_extended',
  'case_handover',
  'case_answered',
  'case_extended',
  'case_closed',
]
const CHANNEL_ORDER: readonly TemplateChannel[] = ['inbox', 'sms', 'webhook']

const keyRank = (key: string) => {
  const index = KEY_ORDER.indexOf(key)
  return index === -1 ? KEY_ORDER.length : index
}

export function sortTemplates(templates: readonly MessageTemplate[]): MessageTemplate[] {
  return [...templates].sort(
    (a, b) =>
      keyRank(a.key) - keyRank(b.key) ||
      a.key.localeCompare(b.key) ||
      CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel),
  )
}

/** For a table grouped by key: how many rows each group's first row spans (0 for the rest). */
export function keySpans(sorted: readonly MessageTemplate[]): number[] {
  return sorted.map((row, index) => {
    if (index > 0 && sorted[index - 1]?.key === row.key) {
      return 0
    }
    let span = 1
    while (sorted[index + span]?.key === row.key) {
      span++
    }
    return span
  })
}
