/** What the Add/Edit Account flow accepts, checked before anything is saved or sent. Pure. */
import type { Localizer } from '../display/localize';
import { isUint32 } from './accountCodec';

/** Regions the TRTC, GME and CSS query APIs document (union; each API supports a subset). */
export const TENCENT_REGIONS: readonly string[] = [
  'ap-singapore',
  'ap-guangzhou',
  'ap-shanghai',
  'ap-beijing',
  'ap-hongkong',
  'ap-tokyo',
  'ap-seoul',
  'ap-bangkok',
  'ap-jakarta',
  'ap-mumbai',
  'eu-frankfurt',
  'na-ashburn',
  'na-siliconvalley',
  'na-toronto',
  'sa-saopaulo',
];

/** A decimal uint32 (AppId, SdkAppId, BizId), or undefined. */
export function parseUint32(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return isUint32(n) ? n : undefined;
}

export function validateOptionalUint32(text: string, l10n: Localizer): string | undefined {
  return text.trim() === '' || parseUint32(text) !== undefined ? undefined : l10n.t('Enter a whole number between 0 and 4294967295, or leave it empty.');
}

export function validateRequiredUint32(text: string, l10n: Localizer): string | undefined {
  return parseUint32(text) !== undefined ? undefined : l10n.t('Enter a whole number between 0 and 4294967295.');
}

export function validateRequired(text: string, l10n: Localizer): string | undefined {
  return text.trim() ? undefined : l10n.t('This value is required.');
}

/** A secret pasted with spaces or quotes around it is the commonest cause of `AuthFailure.SecretIdNotFound`. */
export function validateSecret(text: string, l10n: Localizer): string | undefined {
  if (!text.trim()) return l10n.t('This value is required.');
  if (/\s/.test(text.trim()) || /^["']|["']$/.test(text.trim())) return l10n.t('Remove the spaces or quotes around the value.');
  return undefined;
}

export function validateRegion(text: string, l10n: Localizer): string | undefined {
  return /^[a-z]{2}-[a-z]+(-\d+)?$/.test(text.trim()) ? undefined : l10n.t('Enter a region such as ap-singapore.');
}

/** An endpoint override: empty, or an http(s) base URL. */
export function validateEndpoint(text: string, l10n: Localizer): string | undefined {
  if (!text.trim()) return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : l10n.t('Enter an http:// or https:// URL.');
  } catch {
    return l10n.t('Enter an http:// or https:// URL.');
  }
}
