import { describe, expect, it } from 'vitest'
import { importProblem, importProblems } from './import-errors'

describe('importProblem', () => {
  it('reads the line and the column from "row N.field"', () => {
    expect(importProblem({ field: 'row 3.date', reason: 'invalid', message: 'A date as 2027-01-01.' })).toEqual({
      row: 3,
      field: 'date',
      reasonKey: 'dateInvalid',
      message: 'A date as 2027-01-01.',
    })
  })

  it('keeps a problem of the whole file without a line', () => {
    expect(importProblem({ field: 'csv', reason: 'missing_column', message: 'x' })).toMatchObject({
      row: null,
      field: 'csv',
      reasonKey: 'missingColumn',
    })
  })

  it('falls back to the server message for a reason it does not know', () => {
    expect(importProblem({ field: 'row 7.name', reason: 'too_long', message: 'At most 60 bytes.' })).toMatchObject({
      row: 7,
      field: 'name',
      reasonKey: null,
      message: 'At most 60 bytes.',
    })
  })
})

describe('importProblems', () => {
  it('sorts the file problems first, then by line', () => {
    const rows = importProblems([
      { field: 'row 9.kind', reason: 'invalid', message: '' },
      { field: 'row 2.date', reason: 'invalid', message: '' },
      { field: 'csv', reason: 'empty', message: '' },
    ])
    expect(rows.map((r) => r.row)).toEqual([null, 2, 9])
  })
})
