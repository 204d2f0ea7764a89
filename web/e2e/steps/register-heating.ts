// Scenario 1, step 1: the grid worker meets a heating complaint on their rounds and records it
// on the phone-sized grid collection form (category 0301 供暖供热).
import type { Browser } from 'playwright-core'
import { loggedInPage, PHONE, shot } from '../support'
import { recordGridComplaint } from './grid-intake'

/** Records the complaint as grid-worker on a 360 px screen and returns the new case's id. */
export async function registerHeatingComplaint(browser: Browser): Promise<number> {
  const page = await loggedInPage(browser, 'grid-worker', PHONE)
  try {
    const created = await recordGridComplaint(page, {
      title: '暖气不热',
      content: `永前社区3号楼2单元居民反映，入冬以来家中暖气不热，室内温度不足16度，家中有老人和婴儿，请尽快处理。（${Date.now()}）`,
      categoryName: '供暖供热',
      address: '船营区德胜街道永前社区3号楼2单元',
    })
    await shot(page, 'heating-0-grid-intake-360')
    return created.id
  } finally {
    await page.context().close()
  }
}
