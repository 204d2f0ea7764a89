// A 督办单 names its case by id only; the table shows the case number, read once per case.
import { getCase } from '@/api/cases'

const numbers = new Map<number, Promise<string>>()

function caseNumber(id: number): Promise<string> {
  let number = numbers.get(id)
  if (!number) {
    number = getCase(id).then(
      (c) => c.number,
      () => {
        numbers.delete(id)
        return ''
      },
    )
    numbers.set(id, number)
  }
  return number
}

/** Numbers of the given cases, a few requests at a time; '' for one that cannot be read. */
export async function caseNumbers(ids: Iterable<number>, parallel = 4): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)]
  const found = new Map<number, string>()
  let next = 0
  async function worker(): Promise<void> {
    while (next < wanted.length) {
      const id = wanted[next++]!
      found.set(id, await caseNumber(id))
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, wanted.length) }, worker))
  return found
}
