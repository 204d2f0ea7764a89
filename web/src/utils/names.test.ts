import { describe, expect, it } from 'vitest'
import type { CaseEvent } from '@/api/types'
import { actorLabel, categoryLabel, unitLabel } from './names'

const event = (actorName: string, actorUnitName: string): CaseEvent => ({
  seq: 1,
  at: '2026-12-01T09:00:00+08:00',
  actorId: actorName ? 7 : null,
  actorName,
  actorRole: 'grid_worker',
  actorUnitId: 3,
  actorUnitName,
  action: 'create',
  payload: {},
  fromState: null,
  toState: 'registered',
  prevHash: '',
  hash: 'h',
})

describe('unitLabel', () => {
  it('names a division by its office', () => {
    expect(unitLabel({ id: 1, code: '220200', name: '吉林市', displayName: '市绿色通道办公室', kind: 'division', level: 'city' })).toBe(
      '市绿色通道办公室',
    )
  })

  it('falls back to the name, and to null for none', () => {
    expect(unitLabel({ id: 2, code: 'U1', name: '吉林市民政局', kind: 'unit', level: 'city' })).toBe('吉林市民政局')
    expect(unitLabel(null)).toBeNull()
  })
})

describe('categoryLabel', () => {
  it('reads the name, not the code', () => {
    expect(categoryLabel({ categoryCode: '0101', categoryName: '物业管理' })).toBe('物业管理')
    expect(categoryLabel({ categoryCode: '0999', categoryName: '' })).toBe('0999')
  })
})

describe('actorLabel', () => {
  it('names the colleague and the unit they acted for', () => {
    expect(actorLabel(event('永前社区网格员', '永前社区第一网格'), '网格员')).toBe('永前社区网格员 · 永前社区第一网格')
  })

  it('uses the role where no person is named (the public, the system)', () => {
    expect(actorLabel(event('', '永前社区'), '社区工作人员')).toBe('社区工作人员 · 永前社区')
    expect(actorLabel(event('', ''), '')).toBe('')
  })

  it('says a name once when the person is called like their office', () => {
    expect(actorLabel(event('市绿色通道办公室', '市绿色通道办公室'), '市办公室')).toBe('市绿色通道办公室')
  })

  it('takes the looked-up unit when the event has no unit name', () => {
    expect(actorLabel(event('王力', ''), '承办人', '吉林市住房和城乡建设局')).toBe('王力 · 吉林市住房和城乡建设局')
  })
})
