import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import type { SavedView } from '@/api/saved-views'
import { filtersFromQuery, filtersToQuery } from './case-filters'
import { barUnavailable, describeQuery, isGoneView, listQueryOf, nameProblem, saveRefusal, viewQueryOf } from './saved-views'

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

  it('refuses control characters, as the server does for one line of text', () => {
    expect(nameProblem('本周\t红牌', [])).toBe('control')
    expect(nameProblem('本周\u0085红牌', [])).toBe('control')
    expect(nameProblem('本周 红牌', [])).toBeNull()
  })
})

describe('saved view queries', () => {
  it('are the case-list filters, so a view applies as the address bar would', () => {
    const query = { state: 'handling', warning: 'red', holder: '12', overdue: 'true' }
    expect(filtersToQuery(filtersFromQuery(view('x', query).query))).toEqual(query)
    expect(viewQueryOf(query)).toEqual(query)
    expect(listQueryOf(query)).toEqual(query)
  })

  it('keep `to` as the API takes it: the first day not wanted, not the last day wanted', () => {
    const listQuery = { from: '2026-11-01', to: '2026-11-30', keyword: '暖气' }
    const saved = viewQueryOf(listQuery)
    expect(saved).toEqual({ from: '2026-11-01', to: '2026-12-01', keyword: '暖气' })
    expect(listQueryOf(saved)).toEqual(listQuery)
    expect(listQueryOf({ to: '2027-01-01' })).toEqual({ to: '2026-12-31' })
  })

  it('drop what is not a filter of the list before saving', () => {
    expect(viewQueryOf({ state: 'handling', limit: '20', cursor: 'abc' })).toEqual({ state: 'handling' })
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
  it('hide the bar on a server without the API and for a user who may not read cases', () => {
    expect(barUnavailable(new ApiError({ status: 404, reason: 'route.not_found', message: '' }))).toBe(true)
    expect(barUnavailable(new ApiError({ status: 403, reason: 'auth.forbidden', message: '' }))).toBe(true)
    expect(barUnavailable(new ApiError({ status: 404, reason: 'saved_view.not_found', message: '' }))).toBe(false)
    expect(barUnavailable(new ApiError({ status: 500, reason: 'http.500', message: '' }))).toBe(false)
    expect(barUnavailable(new Error('x'))).toBe(false)
  })

  it('take a view deleted elsewhere as gone, not as a failure', () => {
    expect(isGoneView(new ApiError({ status: 404, reason: 'saved_view.not_found', message: '' }))).toBe(true)
    expect(isGoneView(new ApiError({ status: 404, reason: 'route.not_found', message: '' }))).toBe(false)
  })

  it('put a refused name on the name field and the rest above the form', () => {
    const taken = saveRefusal(new ApiError({ status: 409, reason: 'saved_view.name_taken', message: '' }), '本周红牌')
    expect(taken).toEqual({ name: 'taken', nameMessage: '', general: null, stale: true })
    const tooMany = saveRefusal(new ApiError({ status: 409, reason: 'saved_view.too_many', message: '' }), '本周红牌')
    expect(tooMany).toEqual({ name: null, nameMessage: '', general: 'tooMany', stale: true })
    const invalid = new ApiError({
      status: 422,
      reason: 'validation.failed',
      message: '',
      fields: [
        { field: 'name', reason: 'length', message: '1 to 40 characters.' },
        { field: 'query.bogus', reason: 'unknown_field', message: 'Unknown.' },
      ],
    })
    expect(saveRefusal(invalid, '红'.repeat(41))).toEqual({ name: 'tooLong', nameMessage: '1 to 40 characters.', general: 'query', stale: false })
    expect(saveRefusal(invalid, ' ').name).toBe('required')
    const control = new ApiError({
      status: 422,
      reason: 'validation.failed',
      message: '',
      fields: [{ field: 'name', reason: 'control_characters', message: 'One line.' }],
    })
    expect(saveRefusal(control, 'a\u0085b')).toEqual({ name: 'control', nameMessage: 'One line.', general: null, stale: false })
    const other = new ApiError({ status: 422, reason: 'validation.failed', message: '', fields: [{ field: 'name', reason: 'new_rule', message: 'No.' }] })
    expect(saveRefusal(other, 'x')).toMatchObject({ name: 'server', nameMessage: 'No.' })
    expect(saveRefusal(new ApiError({ status: 500, reason: 'http.500', message: '' }), 'x').general).toBe('other')
  })
})
