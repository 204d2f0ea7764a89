import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import type { SavedView } from '@/api/saved-views'
import { filtersFromQuery, filtersToQuery } from './case-filters'
import { describeQuery, isMissingApi, nameProblem, saveRefusal } from './saved-views'

const view = (name: string, query: Record<string, string> = {}): SavedView => ({
  id: 1,
  name,
  query,
  createdAt: '2026-11-28T09:00:00.000+08:00',
})

describe('saved view names', () => {
  it('follows the server: 1 to 40 characters after trimming, unique per user', () => {
    expect(nameProblem('   ', [])).toBe('required')
    expect(nameProblem('红'.repeat(40), [])).toBeNull()
    expect(nameProblem(` ${'红'.repeat(41)} `, [])).toBe('tooLong')
    expect(nameProblem(' 本周红牌 ', [view('本周红牌')])).toBe('taken')
    expect(nameProblem('本周黄牌', [view('本周红牌')])).toBeNull()
  })

  it('counts an emoji as one character', () => {
    expect(nameProblem('🚒'.repeat(40), [])).toBeNull()
  })
})

describe('saved view queries', () => {
  it('are the case-list filters, so a view applies as the address bar would', () => {
    const query = { state: 'handling', warning: 'red', holder: '12', overdue: 'true' }
    expect(filtersToQuery(filtersFromQuery(view('x', query).query))).toEqual(query)
  })

  it('are described in words', () => {
    const t = (key: string) => ({ 'state.handling': '办理中', 'warning.red': '红牌', 'caseViews.filters.holder': '当前办理单位', 'caseViews.filters.overdue': '仅看超期', 'caseViews.saved.noFilters': '未设置条件' })[key] ?? key
    expect(describeQuery({ state: 'handling', warning: 'red', holder: '12', overdue: 'true' }, t, (id) => `单位${id}`)).toBe(
      '办理中 · 红牌 · 当前办理单位：单位12 · 仅看超期',
    )
    expect(describeQuery({}, t, String)).toBe('未设置条件')
  })
})

describe('server answers', () => {
  it('treat a missing route as "no saved views on this server"', () => {
    expect(isMissingApi(new ApiError({ status: 404, reason: 'route.not_found', message: '' }))).toBe(true)
    expect(isMissingApi(new ApiError({ status: 404, reason: 'saved_view.not_found', message: '' }))).toBe(false)
    expect(isMissingApi(new Error('x'))).toBe(false)
  })

  it('put a refused name on the name field and the rest above the form', () => {
    expect(saveRefusal(new ApiError({ status: 409, reason: 'saved_view.name_taken', message: '' })).name).toBe('taken')
    expect(saveRefusal(new ApiError({ status: 409, reason: 'saved_view.too_many', message: '' })).general).toBe('tooMany')
    const invalid = new ApiError({
      status: 422,
      reason: 'validation.failed',
      message: '',
      fields: [
        { field: 'name', reason: 'length', message: '1 to 40 characters.' },
        { field: 'query.bogus', reason: 'unknown_field', message: 'Unknown.' },
      ],
    })
    expect(saveRefusal(invalid)).toEqual({ name: 'server', nameMessage: '1 to 40 characters.', general: 'query' })
    expect(saveRefusal(new ApiError({ status: 500, reason: 'http.500', message: '' })).general).toBe('other')
  })
})
