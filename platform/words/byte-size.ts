import type { Words } from './words';

/** Bytes as a reader reads them: "950 KB", "1.2 MB", the number written the language's way. */
export function byteSize({ t, locale }: Words, bytes: number): string {
  const number = (value: number, digits: number) => value.toLocaleString(locale, { maximumFractionDigits: digits });
  if (bytes < 1000) return t('bytes.b', bytes, [number(bytes, 0)]);
  if (bytes < 1_000_000) return t('bytes.kb', [number(Math.round(bytes / 1000), 0)]);
  return t('bytes.mb', [number(bytes / 1_000_000, 1)]);
}
