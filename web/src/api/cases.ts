import { http } from './http'
import type { CaseAttachment, CaseDetail, CaseEvent, CaseListQuery, CaseSummary, ItemList, KeysetPage } from './types'

export const listCases = (query: CaseListQuery, signal?: AbortSignal) =>
  http.get<KeysetPage<CaseSummary>>('/api/v1/cases', { ...query }, signal)

export const getCase = (id: number) => http.get<CaseDetail>(`/api/v1/cases/${id}`)

export const listCaseEvents = (id: number) => http.get<ItemList<CaseEvent>>(`/api/v1/cases/${id}/events`)

/** POST /api/v1/cases/{id}/attachments: the file's raw bytes (the server decides the type by content). */
export const uploadAttachment = (caseId: number, file: File) =>
  http.post<CaseAttachment>(`/api/v1/cases/${caseId}/attachments`, file, { query: { filename: file.name } })
