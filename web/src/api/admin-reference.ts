// Reference data an administrator maintains (docs/api.md "Time limits" and "Cases"): the
// working calendar, the time-limit rules, the subject categories with the dispatch catalogue,
// and the message templates.
import type {
  CalendarDayBody,
  CategoryBody,
  CategoryChangesBody,
  DispatchRuleBody,
  MessageTemplateBody,
  TimeLimitRuleBody,
} from './generated/wire'
import { http } from './http'
import type { CaseKind, Channel, DeadlineStep, ItemList, OrgLevel, Urgency } from './types'
import type { Category } from './categories'

// ---- working calendar ----

/** An exception to the weekend rule: a weekday off or a weekend day worked. */
export interface CalendarDay {
  /** "2026-10-01" */
  date: string
  working: boolean
  name: string
  /** "admin" for a day set by hand, else the notice it was imported from. */
  source: string
  updatedAt: string
}

export interface OfficialYear {
  year: number
  source: string
  loadedAt: string
}

export interface OfficeHours {
  /** ["08:30", "11:30"] */
  morning: [string, string]
  afternoon: [string, string]
  minutesPerDay: number
}

export interface WorkCalendar {
  days: CalendarDay[]
  officialYears: OfficialYear[]
  /** This year and next when no holiday notice is loaded for them. */
  provisionalYears: number[]
  officeHours: OfficeHours
}

export interface CalendarImportResult {
  days: number
  years: number[]
}

export const getCalendar = (year?: number) => http.get<WorkCalendar>('/api/v1/calendar', { year })

export const updateCalendarDay = (date: string, body: CalendarDayBody) =>
  http.put<CalendarDay>(`/api/v1/calendar/days/${date}`, body)

export const removeCalendarDay = (date: string) => http.remove(`/api/v1/calendar/days/${date}`)

/** The CSV of data/seed/calendar/holidays.csv, sent as it is (a Blob goes as its bytes). */
export const importCalendar = (csv: string) =>
  http.post<CalendarImportResult>('/api/v1/calendar/import', new Blob([csv], { type: 'text/csv; charset=utf-8' }))

// ---- time-limit rules ----

export interface TimeLimitRule {
  id: number
  /** null matches any. */
  urgency: Urgency | null
  kind: CaseKind | null
  channel: Channel | null
  step: DeadlineStep
  /** "15m", "2h" (clock), "4wh" (working hours), "5wd" (working days). */
  limit: string
}

/** A rule's request body: absent urgency, kind or channel matches any. */
export type { TimeLimitRuleBody }

export const listTimeLimitRules = () => http.get<ItemList<TimeLimitRule>>('/api/v1/time-limit-rules')

export const createTimeLimitRule = (body: TimeLimitRuleBody) =>
  http.post<TimeLimitRule>('/api/v1/time-limit-rules', body)

export const updateTimeLimitRule = (id: number, body: TimeLimitRuleBody) =>
  http.put<TimeLimitRule>(`/api/v1/time-limit-rules/${id}`, body)

export const removeTimeLimitRule = (id: number) => http.remove(`/api/v1/time-limit-rules/${id}`)

// ---- categories and the dispatch catalogue ----

export type CatalogueLevel = Extract<OrgLevel, 'city' | 'district'>

/** One row of the dispatch catalogue; unit codes may hold "{district}". */
export interface DispatchRule {
  categoryCode: string
  level: CatalogueLevel
  leadUnit: string
  assistingUnits: string[]
}

export const createCategory = (body: CategoryBody) => http.post<Category>('/api/v1/categories', body)

export const updateCategory = (code: string, body: CategoryChangesBody) =>
  http.patch<Category>(`/api/v1/categories/${code}`, body)

export const listDispatchCatalogue = () => http.get<ItemList<DispatchRule>>('/api/v1/dispatch-catalogue')

export const updateDispatchRule = (categoryCode: string, level: CatalogueLevel, body: DispatchRuleBody) =>
  http.put<DispatchRule>(`/api/v1/dispatch-catalogue/${categoryCode}/${level}`, body)

export const removeDispatchRule = (categoryCode: string, level: CatalogueLevel) =>
  http.remove(`/api/v1/dispatch-catalogue/${categoryCode}/${level}`)
// ---- message templates ----

export type TemplateChannel = 'inbox' | 'sms' | 'webhook'

export interface MessageTemplate {
  key: string
  channel: TemplateChannel
  text: string
}

export const listMessageTemplates = () => http.get<ItemList<MessageTemplate>>('/api/v1/message-templates')

export const updateMessageTemplate = (key: string, channel: TemplateChannel, text: string) =>
  http.put<MessageTemplate>(`/api/v1/message-templates/${key}/${channel}`, { text } satisfies MessageTemplateBody)
