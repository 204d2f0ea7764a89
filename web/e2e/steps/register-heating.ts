// Scenario 1, step 1: a grid worker registers a heating complaint (category 0301 供暖供热) met
// on their rounds. Done through the API until the phone-sized grid intake form can drive it;
// the rest of the scenario runs through the case page.
import { ApiSession } from '../support'

export const HEATING_TITLE = '暖气不热'

interface CreatedCase {
  id: number
  state: string
}

/** Registers the complaint as grid-worker and returns the case id (state registered, at 永前社区). */
export async function registerHeatingComplaint(): Promise<number> {
  const gridWorker = await ApiSession.login('grid-worker')
  const stamp = Date.now()
  const created = await gridWorker.post<CreatedCase>(
    '/api/v1/cases',
    {
      channel: 'grid',
      kind: 'complaint',
      scope: 'individual',
      urgency: 'normal',
      categoryCode: '0301',
      title: HEATING_TITLE,
      content: `永前社区3号楼2单元居民反映，入冬以来家中暖气不热，室内温度不足16度，家中有老人和婴儿，请尽快处理。（${stamp}）`,
      location: { address: '船营区德胜街道永前社区3号楼2单元' },
      peopleInvolved: 3,
      reporter: { name: '王淑兰', phone: '13904320000', anonymous: false, confidential: false },
      grid: { solvedOnSpot: false, evidence: '' },
    },
    { 'Idempotency-Key': `heating-${stamp}` },
  )
  if (created.state !== 'registered') {
    throw new Error(`the heating complaint arrived as ${created.state}, not registered`)
  }
  return created.id
}
