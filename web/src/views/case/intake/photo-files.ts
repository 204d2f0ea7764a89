// Which chosen files may be attached: images within the server's upload limit, a handful per case.
import { ATTACHMENT_LIMIT_BYTES } from '@/api/intake'

export const MAX_PHOTOS = 9

export type PhotoRefusal = 'not_image' | 'too_large' | 'too_many'

export interface PhotoChoice<F extends { name: string; size: number; type: string }> {
  accepted: F[]
  refused: { file: F; reason: PhotoRefusal }[]
}

/** Sorts newly chosen files into those to keep and those refused, given how many are kept already. */
export function choosePhotos<F extends { name: string; size: number; type: string }>(
  files: readonly F[],
  alreadyKept: number,
  limitBytes = ATTACHMENT_LIMIT_BYTES,
): PhotoChoice<F> {
  const choice: PhotoChoice<F> = { accepted: [], refused: [] }
  for (const file of files) {
    if (!file.type.startsWith('image/')) {
      choice.refused.push({ file, reason: 'not_image' })
    } else if (file.size > limitBytes) {
      choice.refused.push({ file, reason: 'too_large' })
    } else if (alreadyKept + choice.accepted.length >= MAX_PHOTOS) {
      choice.refused.push({ file, reason: 'too_many' })
    } else {
      choice.accepted.push(file)
    }
  }
  return choice
}

/** "3.2 MB" / "850 KB" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}
