/** How storage files are spoken of, on every surface: their state in words and their size. Pure. */
import type { FileState } from '../model/task';
import type { Localizer } from './localize';

export function fileStateLabel(state: FileState | undefined, l10n: Localizer): string {
  switch (state) {
    case 'recording':
      return l10n.t('Recording');
    case 'processing':
      return l10n.t('Transcoding');
    case 'uploading':
      return l10n.t('Uploading');
    case 'uploaded':
      return l10n.t('Uploaded');
    case 'backup':
      return l10n.t('On the vendor’s backup storage');
    case 'failed':
      return l10n.t('Upload failed');
    case undefined:
      return l10n.t('not reported');
  }
}

/** `1.2 GB`, `340 kB`, `12 byte` (decimal units, as the vendors' consoles show sizes), in the UI language. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(value);
}
