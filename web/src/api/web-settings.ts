// The web settings (docs/api.md "Web settings"): the map's tile server.
import { isApiError, http } from './http'

export interface WebSettings {
  /** A Leaflet tile URL template; empty: draw on a plain background. */
  mapTileUrl: string
  mapAttribution: string
}

const NO_WEB_SETTINGS: WebSettings = { mapTileUrl: '', mapAttribution: '' }

/** GET /api/v1/web-settings; an older server without the route (404) counts as none set. */
export async function getWebSettings(): Promise<WebSettings> {
  try {
    const settings = await http.get<Partial<WebSettings>>('/api/v1/web-settings')
    return {
      mapTileUrl: settings.mapTileUrl ?? '',
      mapAttribution: settings.mapAttribution ?? '',
    }
  } catch (error) {
    if (isApiError(error, 404)) {
      return NO_WEB_SETTINGS
    }
    throw error
  }
}
