// How supervision figures read on screen: Beijing times, percentages and hours, the same in both languages.
import { formatShanghaiTime } from '@/lib/core/format-time';

export function formatTime(at: Date | string | null | undefined): string {
  if (!at) return '';
  return formatShanghaiTime(typeof at === 'string' ? new Date(at) : at);
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
