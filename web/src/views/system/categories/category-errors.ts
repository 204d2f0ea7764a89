// The server's 422 field errors on a category (docs/api.md "Categories and the dispatch
// catalogue") as the dialog's own messages, so a refusal reads like the checks made before
// sending. Reasons this does not know keep the server's words. Pure.
import type { ApiFieldError } from '@/api/types'
import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS, MAX_NAME_LENGTH } from './category-tree'

/** A message key with its values, or the server's text when the reason is not known here. */
export type FieldText = { key: string; named?: Record<string, string | number> } | { text: string }

/** The dialog's fields: code, name, keywords (any `keywords[i]` too) and the parent. */
export type CategoryFormField = 'code' | 'name' | 'keywords' | 'parentCode'

function formField(field: string): CategoryFormField | null {
  if (field === 'code' || field === 'name' || field === 'parentCode') {
    return field
  }
  return field === 'keywords' || field.startsWith('keywords[') ? 'keywords' : null
}

function textFor(error: ApiFieldError, parentCode: string | null): FieldText {
  switch (`${formField(error.field)}:${error.reason}`) {
    case 'code:format':
      return parentCode
        ? { key: 'categories.codeChildFormat', named: { parent: parentCode } }
        : { key: 'categories.codeTopFormat' }
    case 'code:required':
      return { key: 'categories.codeRequired' }
    case 'name:length':
      return { key: 'categories.nameTooLong', named: { max: MAX_NAME_LENGTH } }
    case 'name:required':
      return { key: 'categories.nameRequired' }
    case 'keywords:too_many':
      return { key: 'categories.keywordsTooMany', named: { max: MAX_KEYWORDS } }
    case 'keywords:invalid':
      return { key: 'categories.keywordTooLong', named: { max: MAX_KEYWORD_LENGTH } }
    case 'parentCode:unknown':
      return { key: 'categories.parentUnknown' }
    default:
      return { text: error.message }
  }
}

/** The first problem per form field; fields the form does not have are left out. */
export function categoryFieldTexts(
  errors: readonly ApiFieldError[],
  parentCode: string | null,
): Partial<Record<CategoryFormField, FieldText>> {
  const texts: Partial<Record<CategoryFormField, FieldText>> = {}
  for (const error of errors) {
    const field = formField(error.field)
    if (field !== null && texts[field] === undefined) {
      texts[field] = textFor(error, parentCode)
    }
  }
  return texts
}
