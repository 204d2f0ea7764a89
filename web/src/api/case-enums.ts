// The wire names of a case's enumerations, each in the order the forms and filters list it
// (docs/api.md "Cases"); their words are the locale's (channel.*, kind.*, urgency.*).
import type { CaseKind, Channel, Urgency } from './types'

export const CHANNELS: readonly Channel[] = [
  'grid',
  'cadre_report',
  'direct_card',
  'hotline',
  'walk_in',
  'mailbox',
  'message_board',
]
export const CASE_KINDS: readonly CaseKind[] = ['question', 'help', 'complaint', 'report', 'suggestion', 'praise', 'other']
export const URGENCIES: readonly Urgency[] = ['critical', 'urgent', 'normal', 'complex']
