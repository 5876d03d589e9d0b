// How supervision figures read on screen: Beijing times (lib/i18n/format-date.ts), percentages and hours.
import { formatDateTime } from '@/lib/i18n/format-date';

/** A date and time in the reader's language, or '' for none. */
export function formatTime(at: Date | string | null | undefined, locale: string): string {
  return at ? formatDateTime(at, locale) : '';
}

export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

export function formatHours(hours: number | null): string {
  return hours === null ? '—' : hours.toFixed(1);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
