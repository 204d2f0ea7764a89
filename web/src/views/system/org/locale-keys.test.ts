// Every problem the admin forms can report names a message that exists in both languages.
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { validateIssue } from '../direct-cards/direct-card-rules'
import { validateTokenForm } from '../tokens/token-form'
import { emptyUserForm, validateUserForm } from '../users/user-form'
import { ROLE_NAMES } from '../users/role-scope'
import type { Problems } from './text-rules'
import { emptyUnitForm, validateUnitForm } from './unit-form'

const problems: Problems[] = [
  validateUnitForm({ ...emptyUnitForm('division'), code: '永', handlers: [{ name: '', phone: '\n', sectionCode: '' }] }, true),
  validateUnitForm({ ...emptyUnitForm('division'), name: 'x'.repeat(101), boundaryText: '{' }, true),
  validateUnitForm({ ...emptyUnitForm('division'), name: 'x', boundaryText: '{"type":"Point"}' }, true),
  validateUserForm({ ...emptyUserForm(), phone: 'abc' }, true),
  validateTokenForm({ name: '', userId: null }),
  validateTokenForm({ name: 'x'.repeat(101), userId: 1 }),
  validateIssue({ communityId: null, holderId: null }),
]

describe.each(['zh-CN', 'en'] as const)('%s', (locale) => {
  const { te } = createAppI18n(locale).global

  it('has a message for every form problem', () => {
    const keys = problems.flatMap((found) => Object.values(found).map((problem) => problem.key))
    expect(keys.length).toBeGreaterThan(10)
    for (const key of keys) {
      expect(te(key), key).toBe(true)
    }
  })

  it('names every role, level and kind', () => {
    for (const role of ROLE_NAMES) {
      expect(te(`role.${role}`), role).toBe(true)
    }
    for (const level of ['city', 'district', 'street', 'community', 'grid']) {
      expect(te(`org.level.${level}`), level).toBe(true)
    }
    for (const kind of ['division', 'unit', 'section']) {
      expect(te(`org.kind.${kind}`), kind).toBe(true)
    }
  })
})
