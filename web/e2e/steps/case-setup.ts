// API setup for the case-page scenarios: cases of their own, so no spec depends on another's
// data or on the demo cases.
import { ApiSession } from '../support'

interface Unit {
  id: number
  name: string
}

/** The id of the unit of that exact name (kind `unit`, `division` or `section`). */
export async function unitId(session: ApiSession, kind: 'unit' | 'division' | 'section', name: string): Promise<number> {
  const units = await session.get<{ items: Unit[] }>(`/api/v1/org/units?kind=${kind}`)
  const found = units.items.find((unit) => unit.name === name)
  if (!found) {
    throw new Error(`no ${kind} named ${name}`)
  }
  return found.id
}

/** A walk-in complaint registered by the city office (state registered, at the city office). */
export async function registerAtCityOffice(cityOffice: ApiSession, title: string): Promise<number> {
  const stamp = Date.now()
  const created = await cityOffice.post<{ id: number }>(
    '/api/v1/cases',
    {
      channel: 'walk_in',
      kind: 'complaint',
      urgency: 'normal',
      categoryCode: '0301',
      title,
      content: `来电反映小区供暖温度长期不达标，多次向供热单位反映无果。（${stamp}）`,
      location: { address: '吉林市昌邑区' },
      peopleInvolved: 1,
      reporter: { name: '李建国', phone: '13804320001', anonymous: false, confidential: false },
    },
    { 'Idempotency-Key': `walk-in-${stamp}` },
  )
  return created.id
}

/** A case dispatched by the city office to 吉林市住房和城乡建设局, waiting there to be signed. */
export async function caseAtHousingBureau(title: string): Promise<number> {
  const cityOffice = await ApiSession.login('city-office')
  const id = await registerAtCityOffice(cityOffice, title)
  await cityOffice.post(`/api/v1/cases/${id}/actions/accept`, {})
  const bureau = await unitId(cityOffice, 'unit', '吉林市住房和城乡建设局')
  await cityOffice.post(`/api/v1/cases/${id}/actions/dispatch`, { targetId: bureau, method: 'network' })
  return id
}
