import { describe, expect, it } from 'vitest'
import type { MessageTemplate } from '@/api/admin-reference'
import {
  charCount,
  findUnknownPlaceholder,
  insertPlaceholder,
  keySpans,
  renderTemplate,
  smsSegments,
  sortTemplates,
  templateProblem,
  usedPlaceholders,
} from './template-text'

const DISPATCHED = '新派单：案件{number}「{title}」已分转到你单位，请及时签收办理。'

describe('findUnknownPlaceholder', () => {
  it('accepts the known names', () => {
    expect(findUnknownPlaceholder(DISPATCHED)).toBeNull()
    expect(findUnknownPlaceholder('no braces at all')).toBeNull()
  })

  it('names the first unknown one', () => {
    expect(findUnknownPlaceholder('案件{number}{phone}{name}')).toBe('phone')
  })

  it('says "{" for an unclosed or empty brace', () => {
    expect(findUnknownPlaceholder('案件{number')).toBe('{')
    expect(findUnknownPlaceholder('案件{}')).toBe('{')
  })
})

describe('renderTemplate', () => {
  it('replaces the placeholders with the values', () => {
    expect(renderTemplate(DISPATCHED, { number: '2026-0001234', title: '楼道灯不亮' })).toBe(
      '新派单：案件2026-0001234「楼道灯不亮」已分转到你单位，请及时签收办理。',
    )
  })

  it('drops a known name without a value and keeps an unknown one, as the server does', () => {
    expect(renderTemplate('{unit}申请：{phone}', {})).toBe('申请：{phone}')
  })

  it('leaves an unclosed brace as it is', () => {
    expect(renderTemplate('案件{number', { number: '1' })).toBe('案件{number')
  })
})

describe('usedPlaceholders', () => {
  it('lists each known placeholder once in order of use', () => {
    expect(usedPlaceholders('{title}{number}{title}{phone}')).toEqual(['title', 'number'])
  })
})

describe('lengths', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(charCount('案件')).toBe(2)
    expect(charCount('𠮷a')).toBe(2)
  })

  it.each([
    [0, 0],
    [1, 1],
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ])('%i characters are %i SMS', (n, segments) => {
    expect(smsSegments(n)).toBe(segments)
  })
})

describe('templateProblem', () => {
  it('needs text of at most 500 characters with known placeholders', () => {
    expect(templateProblem('  ')).toEqual({ kind: 'required' })
    expect(templateProblem('字'.repeat(501))).toEqual({ kind: 'too_long' })
    expect(templateProblem('字'.repeat(500))).toBeNull()
    expect(templateProblem('案件{phone}')).toEqual({ kind: 'unknown_placeholder', name: 'phone' })
    expect(templateProblem('案件{number')).toEqual({ kind: 'broken_brace' })
    expect(templateProblem(DISPATCHED)).toBeNull()
  })
})

describe('insertPlaceholder', () => {
  it('puts the placeholder at the caret and moves the caret past it', () => {
    expect(insertPlaceholder('案件已办结', 'number', 2)).toEqual({ text: '案件{number}已办结', caret: 10 })
  })

  it('replaces a selection', () => {
    expect(insertPlaceholder('案件XXXX已办结', 'number', 2, 6)).toEqual({ text: '案件{number}已办结', caret: 10 })
  })

  it('clamps a caret beyond the text', () => {
    expect(insertPlaceholder('案件', 'title', 99).text).toBe('案件{title}')
  })
})

describe('sorting and grouping', () => {
  const rows: MessageTemplate[] = [
    { key: 'zzz_new', channel: 'inbox', text: '' },
    { key: 'critical_case', channel: 'sms', text: '' },
    { key: 'case_dispatched', channel: 'inbox', text: '' },
    { key: 'critical_case', channel: 'inbox', text: '' },
  ]

  it('orders by the life of a case, then channel; unknown keys last', () => {
    expect(sortTemplates(rows).map((r) => `${r.key}/${r.channel}`)).toEqual([
      'critical_case/inbox',
      'critical_case/sms',
      'case_dispatched/inbox',
      'zzz_new/inbox',
    ])
  })

  it('spans the key cell over its channels', () => {
    expect(keySpans(sortTemplates(rows))).toEqual([2, 0, 1, 1])
  })
})
