// The new-token form and how a person is labelled in it. The server limits the name to 100 bytes of
// UTF-8 (not characters: about 33 Chinese characters), so the form counts bytes too.
import type { UserSummary } from '@/api/types'
import { type Problems, utf8Bytes } from '../org/text-rules'

export const MAX_NAME_BYTES = 100

export interface TokenForm {
  name: string
  userId: number | null
}

export function validateTokenForm(form: TokenForm): Problems {
  const problems: Problems = {}
  if (form.name === '') {
    problems.name = { key: 'tokens.validation.name' }
  } else if (utf8Bytes(form.name) > MAX_NAME_BYTES) {
    problems.name = { key: 'tokens.validation.nameTooLong' }
  }
  if (form.userId === null) {
    problems.userId = { key: 'tokens.validation.user' }
  }
  return problems
}

/** "王力（wang.li）", or null when the user is not known here. */
export function personLabel(user: UserSummary | undefined): string | null {
  return user ? `${user.displayName}（${user.username}）` : null
}
