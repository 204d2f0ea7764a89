import { describe, expect, it } from 'vitest'
import { categoryFieldTexts } from './category-errors'

const field = (name: string, reason: string, message = 'server words') => ({ field: name, reason, message })

describe('categoryFieldTexts', () => {
  it('says a bad code by level', () => {
    expect(categoryFieldTexts([field('code', 'format')], null)).toEqual({ code: { key: 'categories.codeTopFormat' } })
    expect(categoryFieldTexts([field('code', 'format')], '01')).toEqual({
      code: { key: 'categories.codeChildFormat', named: { parent: '01' } },
    })
  })

  it('gathers keywords[i] onto the keywords field, first one wins', () => {
    expect(categoryFieldTexts([field('keywords[3]', 'invalid'), field('keywords[5]', 'invalid')], null)).toEqual({
      keywords: { key: 'categories.keywordTooLong', named: { max: 20 } },
    })
    expect(categoryFieldTexts([field('keywords', 'too_many')], null)).toEqual({
      keywords: { key: 'categories.keywordsTooMany', named: { max: 50 } },
    })
  })

  it('maps the name and the parent, and keeps the server words for unknown reasons', () => {
    expect(categoryFieldTexts([field('name', 'length'), field('parentCode', 'unknown'), field('name', 'other')], '09'))
      .toEqual({
        name: { key: 'categories.nameTooLong', named: { max: 40 } },
        parentCode: { key: 'categories.parentUnknown' },
      })
    expect(categoryFieldTexts([field('code', 'unknown_field', 'Unknown field.')], null)).toEqual({
      code: { text: 'Unknown field.' },
    })
  })

  it('leaves out fields the form does not have', () => {
    expect(categoryFieldTexts([field('active', 'type')], null)).toEqual({})
  })
})
