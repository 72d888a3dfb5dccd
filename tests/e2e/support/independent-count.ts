import type { StoryPack } from '../../../data/schema';

export interface NameRow {
  entityId: string;
  text: string;
  role: 'name' | 'later' | 'not';
  latin: boolean;
}

/** Every form the pack's entities can take on a page: names, capitals, later forms and blockers. */
export function nameRows(pack: StoryPack): NameRow[] {
  const rows: NameRow[] = [];
  for (const entity of pack.entities) {
    const lists: [string[], NameRow['role']][] = [
      [entity.names, 'name'],
      [entity.laterMentions, 'later'],
      [entity.notNames, 'not'],
    ];
    for (const [names, role] of lists) {
      for (const name of names) {
        for (const text of new Set([name, name.toUpperCase()])) {
          rows.push({ entityId: entity.id, text, role, latin: /[A-Za-z0-9]/.test(text) });
        }
      }
    }
  }
  return rows;
}

/**
 * Counts mentions in a page's rendered text (document.body.innerText) with
 * one regular expression: an implementation independent of the extension's
 * automaton, to check it against. Runs in the page.
 */
export function countInRenderedText(rows: NameRow[]): Record<string, number> {
  const asPattern = (s: string) =>
    s
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '[ \\u00a0]+')
      .replace(/['’]/g, "['’]");
  const sorted = [...rows].sort((a, b) => b.text.length - a.text.length);
  const pattern = sorted
    .map((row) => (row.latin ? `(?<![\\p{L}\\p{N}_])${asPattern(row.text)}(?![\\p{L}\\p{N}_])` : asPattern(row.text)))
    .map((source) => `(${source})`)
    .join('|');
  const re = new RegExp(pattern, 'gu');
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  // The rendered text, not textContent: what a reader sees is the point of this count.
  const text = document.body?.innerText ?? '';
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    const row = sorted[match.slice(1).findIndex((group) => group !== undefined)];
    if (!row) continue;
    if (row.role === 'later' && !seen.has(row.entityId)) {
      // Not admitted: it holds no text, so a shorter name inside it may still match.
      re.lastIndex = match.index + 1;
      continue;
    }
    if (row.role === 'name') seen.add(row.entityId);
    if (row.role !== 'not') counts[row.entityId] = (counts[row.entityId] ?? 0) + 1;
  }
  return counts;
}
