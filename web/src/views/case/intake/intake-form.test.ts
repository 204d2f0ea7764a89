import { describe, expect, it } from 'vitest'
import {
  caseBody,
  checkText,
  defaultOffice,
  duplicateKeyword,
  emptyCase,
  isPhone,
  officeChain,
  problemMessage,
  textLength,
  validateCase,
} from './intake-form'

function validGrid() {
  const form = emptyCase('grid')
  form.kind = 'complaint'
  form.categoryCode = '0301'
  form.title = '暖气不热'
  form.content = '3 号楼 2 单元室温不到 16 度。'
  return form
}

const fields = (form: ReturnType<typeof emptyCase>) => validateCase(form).map((p) => `${p.field}:${p.reason}`)

describe('checkText', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(textLength('𠀀暖')).toBe(2)
    expect(checkText('𠀀'.repeat(100), 100, true, true)).toBeNull()
    expect(checkText('暖'.repeat(101), 100, true, true)).toBe('too_long')
  })

  it('requires non-blank text and refuses control characters', () => {
    expect(checkText('  \n', 10, true, false)).toBe('required')
    expect(checkText('', 10, false, true)).toBeNull()
    expect(checkText('a\nb', 10, false, true)).toBe('control_characters')
    expect(checkText('a\nb\tc', 10, false, false)).toBeNull()
    expect(checkText('a\u0007', 10, false, false)).toBe('control_characters')
  })

  it('refuses what hides or reorders single-line text, as the server does', () => {
    expect(checkText('photo_\u202egnp.exe', 200, true, true)).toBe('hidden_characters')
    expect(checkText('\ufeff路灯不亮', 50, true, true)).toBe('hidden_characters')
    expect(checkText('张\u200b三', 50, true, true)).toBe('hidden_characters')
    expect(checkText('a\u200db', 50, true, true)).toBe('hidden_characters')
    expect(checkText('楼道灯坏了\u200b，请修', 2000, true, false)).toBeNull()
  })

  it('keeps emoji sequences joined by zero-width joiners', () => {
    expect(checkText('一家\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', 50, true, true)).toBeNull()
    expect(checkText('\u{1f3f3}\ufe0f\u200d\u{1f308}', 50, true, true)).toBeNull()
  })
})

describe('isPhone', () => {
  it.each([
    ['13800001234', true],
    ['0432-6212 3456', true],
    ['+86 138', true],
    ['1234', false],
    ['138o0001234', false],
    ['1'.repeat(21), false],
  ])('%s → %s', (phone, expected) => expect(isPhone(phone)).toBe(expected))
})

describe('validateCase', () => {
  it('accepts a complete grid case', () => {
    expect(validateCase(validGrid())).toEqual([])
  })

  it('reports what the server requires on an empty form', () => {
    expect(fields(emptyCase('walk_in'))).toEqual(['kind:required', 'categoryCode:required', 'title:required', 'content:required'])
  })

  it('asks for the evidence only when solved on the spot', () => {
    const form = validGrid()
    form.grid = { solvedOnSpot: true, evidence: ' ' }
    expect(fields(form)).toEqual(['grid.evidence:required'])
  })

  it('checks the phone unless the reporter is anonymous', () => {
    const form = validGrid()
    form.reporter.phone = 'abc'
    expect(fields(form)).toEqual(['reporter.phone:invalid'])
    form.reporter.anonymous = true
    expect(fields(form)).toEqual([])
  })

  it('wants both coordinates inside Jilin City, or neither', () => {
    const form = validGrid()
    form.location.lat = 43.8
    expect(fields(form)).toEqual(['location:incomplete'])
    form.location.lng = 116.4
    expect(fields(form)).toEqual(['location:outside_city'])
    form.location.lng = 126.55
    expect(fields(form)).toEqual([])
  })

  it('checks the cadre report and the direct card', () => {
    const report = validGrid()
    report.channel = 'cadre_report'
    delete report.grid
    report.cadreReport = emptyCase('cadre_report').cadreReport
    expect(fields(report)).toEqual([
      'cadreReport.cadreUnit:required',
      'cadreReport.communityId:required',
      'cadreReport.summary:required',
    ])
    const card = emptyCase('direct_card')
    expect(fields(card)[0]).toBe('directCard.unitId:required')
  })

  it('keeps people involved within 1 to 100000', () => {
    const form = validGrid()
    form.peopleInvolved = 0
    expect(fields(form)).toEqual(['peopleInvolved:range'])
  })
})

describe('caseBody', () => {
  it('leaves out an anonymous reporter and evidence of a case not solved on the spot', () => {
    const form = validGrid()
    form.title = '  暖气不热 '
    form.reporter = { name: '张三', phone: '13800001234', anonymous: true, confidential: true }
    form.grid = { solvedOnSpot: false, evidence: '已联系' }
    const body = caseBody(form)
    expect(body.title).toBe('暖气不热')
    expect(body.reporter).toEqual({ name: '', phone: '', anonymous: true, confidential: false })
    expect(body.grid).toEqual({ solvedOnSpot: false, evidence: '' })
    expect(body.cadreReport).toBeUndefined()
  })

  it('sends a choice not made as no field, never null', () => {
    const report = emptyCase('cadre_report')
    report.officeId = null
    const body = JSON.parse(JSON.stringify(caseBody(report))) as Record<string, unknown>
    expect(body.kind).toBeUndefined()
    expect(body.officeId).toBeUndefined()
    expect(body.location).toEqual({ address: '' })
    expect(body.cadreReport).not.toHaveProperty('communityId')
    expect(body.cadreReport).not.toHaveProperty('officeId')
  })

  it('sends the chosen office of a 特急 case only', () => {
    const form = validGrid()
    form.officeId = 7
    expect(caseBody(form).officeId).toBeUndefined()
    form.urgency = 'critical'
    expect(caseBody(form).officeId).toBe(7)
  })
})

describe('problemMessage', () => {
  it('names the limit of the field', () => {
    expect(problemMessage({ field: 'title', reason: 'too_long' })).toEqual({
      key: 'intake.problem.too_long',
      named: { max: 100 },
    })
    expect(problemMessage({ field: 'reporter.phone', reason: 'invalid' }).key).toBe('intake.problem.phone')
    expect(problemMessage({ field: 'x', reason: 'something_new' }).key).toBe('intake.problem.other')
  })
})

describe('duplicateKeyword', () => {
  it('takes the title, else the first sentence of the content, at most 12 characters', () => {
    expect(duplicateKeyword(' 暖气不热 ', '')).toBe('暖气不热')
    expect(duplicateKeyword('', '楼道灯坏了。已经一周')).toBe('楼道灯坏了')
    expect(duplicateKeyword('一二三四五六七八九十甲乙丙丁', '')).toBe('一二三四五六七八九十甲乙')
    expect(duplicateKeyword('暖', '')).toBeNull()
  })
})

describe('officeChain and defaultOffice', () => {
  const divisions = [
    { id: 1, name: '吉林市', level: 'city', parentId: null },
    { id: 2, name: '船营区', level: 'district', parentId: 1 },
    { id: 3, name: '德胜街道', level: 'street', parentId: 2 },
    { id: 4, name: '永前社区', level: 'community', parentId: 3 },
    { id: 5, name: '昌邑区', level: 'district', parentId: 1 },
  ]

  it('walks from the own office up to the city, nearest first', () => {
    expect(officeChain(divisions, 4).map((node) => node.id)).toEqual([4, 3, 2, 1])
    expect(officeChain(divisions, null)).toEqual([])
  })

  it('sends a community\'s 特急 case to the city office and everything else to the own office', () => {
    const chain = officeChain(divisions, 4)
    expect(defaultOffice(chain, 'critical')?.id).toBe(1)
    expect(defaultOffice(chain, 'normal')?.id).toBe(4)
    expect(defaultOffice(officeChain(divisions, 3), 'critical')?.id).toBe(3)
  })
})
