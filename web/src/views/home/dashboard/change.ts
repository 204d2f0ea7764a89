// "环比 +12.4%" and "同比 -3.0%": the change of a figure against an earlier one, as text and
// a direction for its colour. Against nothing (0 cases before) there is no percentage: "—".

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none'

export interface Change {
  /** "+12.4%", "-3.0%", "0.0%", or "—" when the earlier figure is 0 or unknown. */
  text: string
  direction: ChangeDirection
}

export const NO_CHANGE: Change = { text: '—', direction: 'none' }

export function changeOf(current: number, earlier: number | null | undefined): Change {
  if (earlier === null || earlier === undefined || earlier <= 0) {
    return NO_CHANGE
  }
  const percent = ((current - earlier) / earlier) * 100
  const rounded = Math.round(percent * 10) / 10
  if (rounded === 0) {
    return { text: '0.0%', direction: 'flat' }
  }
  return { text: `${rounded > 0 ? '+' : '-'}${Math.abs(rounded).toFixed(1)}%`, direction: rounded > 0 ? 'up' : 'down' }
}
