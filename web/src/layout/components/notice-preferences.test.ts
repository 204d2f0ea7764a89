import { describe, expect, it } from 'vitest'
import type { NoticePreference } from '@/api/types'
import { changedModes, modesOf } from './notice-preferences'

const preferences: NoticePreference[] = [
  { kind: 'reminder', label: '催办', automatic: true, mode: 'digest', chosen: false },
  { kind: 'bulletin', label: '通报', automatic: true, mode: 'digest', chosen: false },
  { kind: 'case_dispatched', label: '新派单', automatic: false, mode: 'immediate', chosen: true },
]

describe('notice preferences form', () => {
  it('starts from the modes in effect', () => {
    expect(modesOf(preferences)).toEqual({ reminder: 'digest', bulletin: 'digest', case_dispatched: 'immediate' })
  })

  it('sends only what the user changed', () => {
    const edited = { ...modesOf(preferences), bulletin: 'immediate' as const }
    expect(changedModes(preferences, edited)).toEqual({ bulletin: 'immediate' })
    expect(changedModes(preferences, modesOf(preferences))).toEqual({})
  })
})
