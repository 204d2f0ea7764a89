// How a 督办单 reads in the centre's table.
import type { Supervision } from '@/api/supervision'

export type LevelKey = 'reminder' | 'written' | 'bulletin' | 'manual'

/** A manual order is stored as a written one; the centre tells them apart. */
export const levelKey = (s: Supervision): LevelKey => (s.manual ? 'manual' : s.level)

export type ReplyState = 'not_needed' | 'replied' | 'replied_late' | 'waiting' | 'overdue'

/** Manual orders and the sweep's written 督办 ask for a reply (they carry a reply deadline);
 * 催办 and 通报 are notices. */
export function replyState(s: Supervision, now: Date = new Date()): ReplyState {
  if (s.replyDue === null) return 'not_needed'
  if (s.repliedAt) return s.replyLate ? 'replied_late' : 'replied'
  if (s.replyLate || (s.replyDue !== null && Date.parse(s.replyDue) < now.getTime())) return 'overdue'
  return 'waiting'
}
