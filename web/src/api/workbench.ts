import { http } from './http'
import type { Workbench } from './types'

export const getWorkbench = () => http.get<Workbench>('/api/v1/workbench')
