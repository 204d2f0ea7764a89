// The server sends times as ISO 8601 with +08:00, the city's own offset, so the wall-clock
// part is shown as it is, whatever the browser's time zone.

/** "2026-11-26T13:46:45.977+08:00" → "2026-11-26 13:46"; "" for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return ''
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return match ? `${match[1]} ${match[2]}` : iso
}

/** "2026-11-26T13:46:45.977+08:00" → "2026-11-26"; "" for null. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : ''
}
