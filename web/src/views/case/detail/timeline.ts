// What a timeline entry shows of an event's payload: the written text (note, reason, legal
// basis, answer, reply), the units it named, the answer's result and satisfaction, and the
// attachment it added. The payload's keys are the server's one table of them
// (server/src/domain/case_event_payload.hpp), typed in api/generated/wire.ts.
import type { AnswerResult, CaseEvent, Satisfaction } from '@/api/types'

export type TextKind = 'note' | 'reason' | 'legalBasis' | 'answerText' | 'reply' | 'externalRef' | 'relayMessage'

export interface EventText {
  kind: TextKind
  text: string
}

export interface EventDetails {
  texts: EventText[]
  /** The unit the action went to (dispatch, forward, escalate, handover). */
  targetName: string
  assistingNames: string[]
  result: AnswerResult | null
  satisfaction: Satisfaction | null
  unreachable: boolean
  extensionDays: number | null
  /** An approved extension: the days asked for and the days granted (they may differ). */
  requestedDays: number | null
  grantedDays: number | null
  /** A drafted answer that waits for the unit's 分管领导. */
  unitReview: boolean
  committedDate: string
  replyDue: string
  attachmentId: number | null
  filename: string
}

const TEXT_KINDS: readonly TextKind[] = ['note', 'reason', 'legalBasis', 'answerText', 'reply', 'externalRef', 'relayMessage']
const RESULTS: readonly AnswerResult[] = ['solved', 'partly_solved', 'explained', 'cannot_be_done']
const SATISFACTIONS: readonly Satisfaction[] = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied']

const count = (value: number | undefined): number | null => value ?? null

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null
}

export function eventDetails(event: CaseEvent): EventDetails {
  const p = event.payload
  return {
    texts: TEXT_KINDS.flatMap((kind) => (p[kind]?.trim() ? [{ kind, text: p[kind] ?? '' }] : [])),
    targetName: p.targetName ?? '',
    assistingNames: (p.assisting ?? []).map((unit) => unit.name),
    result: oneOf(RESULTS, p.result),
    satisfaction: oneOf(SATISFACTIONS, p.satisfaction),
    unreachable: p.unreachable === true,
    extensionDays: count(p.extensionDays),
    requestedDays: count(p.requestedDays),
    grantedDays: count(p.grantedDays),
    unitReview: p.unitReview === true,
    committedDate: p.committedDate ?? '',
    replyDue: p.replyDue ?? '',
    attachmentId: count(p.attachmentId),
    filename: p.filename ?? '',
  }
}

/** The org unit ids the timeline names without a name from the server, to look up once each. */
export function unitIdsOf(events: readonly CaseEvent[]): number[] {
  const ids = new Set<number>()
  for (const event of events) {
    if (event.actorUnitId !== null && !event.actorUnitName) {
      ids.add(event.actorUnitId)
    }
  }
  return [...ids]
}

/** The `assist` events: the assisting units' contributions to joint handling. */
export function assistEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return events.filter((event) => event.action === 'assist')
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/')
}
