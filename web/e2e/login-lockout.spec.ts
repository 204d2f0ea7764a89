// End to end (scenario 5): repeated wrong passwords first slow an account down, then lock it;
// the page says which and for how long, the right password does not get through a lock, and an
// administrator's unlock lets the user in again. Uses an account of its own, and the test
// clock to let the throttle's window pass, so no demo account is touched.
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { ApiSession, BASE_URL, newContext, runScenarios, shot, submitLogin } from './support'

const PASSWORD = 'Lockout-test-2026'
// The server's defaults: 5 failures in 15 minutes throttle an account, 10 in a row lock it.
const THROTTLE_AFTER = 5
const THROTTLE_WINDOW_MINUTES = 15

interface Unit {
  id: number
  name: string
}

async function createUser(admin: ApiSession): Promise<{ id: number; username: string }> {
  const username = `lockout-${Date.now()}`
  const user = await admin.post<{ id: number }>('/api/v1/users', {
    username,
    displayName: '锁定测试员',
    phone: '13900000000',
    password: PASSWORD,
  })
  const communities = await admin.get<{ items: Unit[] }>('/api/v1/org/units?level=community')
  const community = communities.items.find((unit) => unit.name === '永前社区')
  assert.ok(community, '永前社区 is seeded')
  await admin.post(`/api/v1/users/${user.id}/roles`, { role: 'community_staff', orgUnitId: community.id })
  return { id: user.id, username }
}

async function loginError(page: Page, username: string, password: string): Promise<string> {
  await submitLogin(page, username, password)
  const alert = page.locator('[data-test="login-error"]')
  await alert.waitFor()
  return (await alert.textContent()) ?? ''
}

async function wrongPasswordsLockTheAccount(browser: Browser): Promise<void> {
  const admin = await ApiSession.login('admin')
  const user = await createUser(admin)
  const context = await newContext(browser)
  const page = await context.newPage()

  for (let i = 0; i < THROTTLE_AFTER; i++) {
    assert.match(await loginError(page, user.username, `wrong-${i}`), /用户名或密码错误/)
  }
  assert.match(await loginError(page, user.username, PASSWORD), /登录尝试过于频繁，请 \d+ 分钟后再试/)
  await shot(page, 'login-throttled')

  await admin.advanceClock(THROTTLE_WINDOW_MINUTES + 1)
  for (let i = 0; i < THROTTLE_AFTER - 1; i++) {
    assert.match(await loginError(page, user.username, `wrong-again-${i}`), /用户名或密码错误/)
  }
  assert.match(await loginError(page, user.username, 'wrong-last'), /账号已锁定，请 30 分钟后再试/)
  await shot(page, 'login-locked')

  await admin.advanceClock(THROTTLE_WINDOW_MINUTES + 1)
  assert.match(await loginError(page, user.username, PASSWORD), /账号已锁定/, 'the right password does not open a lock')

  await admin.call('PATCH', `/api/v1/users/${user.id}`, { unlock: true })
  await submitLogin(page, user.username, PASSWORD)
  await page.waitForURL(`${BASE_URL}/workbench`)
  await context.close()
}

await runScenarios({ wrongPasswordsLockTheAccount })
