import { describe, expect, it } from 'vitest'
import type { OrgUnit } from '@/api/org'
import { emptyUnitForm, isBoundary, newUnitBody, parseBoundary, unitChanges, unitFormOf, validateUnitForm } from './unit-form'

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [126.5, 43.8],
      [126.51, 43.8],
      [126.51, 43.81],
      [126.5, 43.8],
    ],
  ],
}

const unit: OrgUnit = {
  id: 7,
  code: '22020400100101',
  name: '永前社区第一网格',
  shortName: '',
  kind: 'division',
  level: 'grid',
  unitType: '',
  parentId: 4,
  active: true,
  boundary: square as OrgUnit['boundary'],
  leaderInCharge: '',
  responsibleSection: '',
  hotline: '',
  handlers: [{ name: '张三', phone: '13800000000', sectionCode: '' }],
  answerApproval: true,
  updatedAt: '2026-01-01T08:00:00+08:00',
}

describe('boundaries', () => {
  it('accepts Polygon and MultiPolygon of [lng, lat] rings of 4 or more', () => {
    expect(isBoundary(square)).toBe(true)
    expect(isBoundary({ type: 'MultiPolygon', coordinates: [square.coordinates] })).toBe(true)
  })

  it('refuses other shapes', () => {
    expect(isBoundary({ type: 'Point', coordinates: [126.5, 43.8] })).toBe(false)
    expect(isBoundary({ type: 'Polygon', coordinates: [square.coordinates[0]?.slice(0, 3)] })).toBe(false)
    expect(isBoundary({ type: 'Polygon', coordinates: [[['126.5', 43.8], [1, 2], [3, 4], [5, 6]]] })).toBe(false)
    expect(isBoundary({ type: 'MultiPolygon', coordinates: [] })).toBe(false)
  })

  it('parses text: empty is no boundary, bad JSON and bad shapes say which', () => {
    expect(parseBoundary('  ')).toEqual({ ok: true, boundary: null })
    expect(parseBoundary(JSON.stringify(square))).toEqual({ ok: true, boundary: square })
    expect(parseBoundary('{')).toEqual({ ok: false, problem: { key: 'org.validation.boundaryJson' } })
    expect(parseBoundary('{"type":"Point"}')).toEqual({ ok: false, problem: { key: 'org.validation.boundaryShape' } })
  })
})

describe('validateUnitForm', () => {
  it('wants a code and a name to create', () => {
    const problems = validateUnitForm(emptyUnitForm('division'), true)
    expect(Object.keys(problems).sort()).toEqual(['code', 'name'])
  })

  it('checks the code only when creating', () => {
    const form = { ...emptyUnitForm('division'), code: '永前', name: '网格' }
    expect(validateUnitForm(form, true).code).toEqual({ key: 'org.validation.code' })
    expect(validateUnitForm(form, false)).toEqual({})
  })

  it('names handler problems as the server does', () => {
    const form = { ...unitFormOf(unit), handlers: [{ name: ' ', phone: '1\n2', sectionCode: '' }] }
    expect(validateUnitForm(form, false)).toEqual({
      'handlers[0].name': { key: 'org.validation.required' },
      'handlers[0].phone': { key: 'org.validation.singleLine' },
    })
  })
})

describe('bodies', () => {
  it('creates with every field and the parent', () => {
    const form = { ...emptyUnitForm('section'), code: 'S-1', name: ' 综合处 ' }
    expect(newUnitBody(form, 3)).toEqual({
      code: 'S-1',
      kind: 'section',
      parentId: 3,
      name: '综合处',
      shortName: '',
      unitType: '',
      boundary: null,
      leaderInCharge: '',
      responsibleSection: '',
      hotline: '',
      handlers: [],
    })
  })

  it('edits only what changed', () => {
    const form = unitFormOf(unit)
    expect(unitChanges(unit, form)).toEqual({})
    form.hotline = '0432-12345'
    form.boundaryText = ''
    expect(unitChanges(unit, form)).toEqual({ hotline: '0432-12345', boundary: null })
  })

  it('sees a changed handler', () => {
    const form = unitFormOf(unit)
    form.handlers[0]!.phone = '13900000000'
    expect(unitChanges(unit, form)).toEqual({ handlers: [{ name: '张三', phone: '13900000000', sectionCode: '' }] })
  })

  it("sends a member unit's answer approval only when it was switched", () => {
    const bureau: OrgUnit = { ...unit, kind: 'unit', level: 'city', boundary: null }
    const form = unitFormOf(bureau)
    expect(form.answerApproval).toBe(true)
    expect(unitChanges(bureau, form)).toEqual({})
    form.answerApproval = false
    expect(unitChanges(bureau, form)).toEqual({ answerApproval: false })
    // A division has no such setting; its form never sends one.
    expect(unitChanges(unit, { ...unitFormOf(unit), answerApproval: false })).toEqual({})
  })
})
