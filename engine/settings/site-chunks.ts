/**
 * Site rules packed into strings that fit storage.sync's per-item limit
 * (8,192 bytes, key included). Each rule is "+host" (on) or "-host" (off);
 * patterns never hold spaces, so a space separates them. 2,000 sites of
 * twenty characters fit in five items, well inside the 100 KB total.
 */
import type { Notice } from '../notices';
import { type Checked, checkSites } from './settings';
import type { SiteRules } from './site-rules';

/** Characters per chunk: the item limit, less room for the key and JSON quotes. */
export const CHUNK_CHARS = 8000;

export function encodeSiteChunks(sites: SiteRules, chunkChars = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const [pattern, enabled] of Object.entries(sites).sort(([a], [b]) => a.localeCompare(b))) {
    const entry = `${enabled ? '+' : '-'}${pattern}`;
    if (current !== '' && current.length + 1 + entry.length > chunkChars) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? entry : `${current} ${entry}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Rules back from stored chunks; a damaged chunk or entry is dropped, the rest kept. */
export function decodeSiteChunks(chunks: readonly unknown[]): Checked<Record<string, boolean>> {
  const raw: Record<string, unknown> = {};
  const warnings: Notice[] = [];
  let missing = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      missing++;
      continue;
    }
    for (const entry of chunk.split(' ')) {
      if (entry === '') continue;
      const sign = entry[0];
      raw[entry.slice(1)] = sign === '+' ? true : sign === '-' ? false : 'invalid';
    }
  }
  if (missing > 0) warnings.push({ code: 'siteChunksMissing', count: missing });
  const checked = checkSites(raw);
  return { value: checked.value, warnings: [...warnings, ...checked.warnings] };
}
