// vue-i18n set-up and the language switch; the choice is kept in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'
import adminOrg from './locales/features/admin-org'
import adminReference from './locales/features/admin-reference'
import assessment from './locales/features/assessment'
import bulletin from './locales/features/bulletin'
import caseActions from './locales/features/case-actions'
import caseViews from './locales/features/case-views'
import dashboard from './locales/features/dashboard'
import home from './locales/features/home'
import intake from './locales/features/intake'
import notices from './locales/features/notices'
import supervision from './locales/features/supervision'
import { mergeMessages } from './locales/merge'

// The core messages (zh-CN.ts, en.ts) and each feature's own (locales/features/).
const FEATURES = [adminOrg, adminReference, assessment, bulletin, caseActions, caseViews, dashboard, home, intake, notices, supervision] as const

export type MessageSchema = typeof zhCN &
  typeof adminOrg.zh &
  typeof adminReference.zh &
  typeof assessment.zh &
  typeof bulletin.zh &
  typeof caseActions.zh &
  typeof caseViews.zh &
  typeof dashboard.zh &
  typeof home.zh &
  typeof intake.zh &
  typeof notices.zh &
  typeof supervision.zh
const zhMessages = mergeMessages<MessageSchema>(zhCN, ...FEATURES.map((feature) => feature.zh))
const enMessages = mergeMessages<MessageSchema>(en, ...FEATURES.map((feature) => feature.en))

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'minqing.locale'

function storedLocale(): AppLocale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return value === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export function createAppI18n(locale: AppLocale = storedLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhMessages, en: enMessages },
  })
}

export const i18n = createAppI18n()

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
