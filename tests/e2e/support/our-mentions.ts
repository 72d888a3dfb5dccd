import type { NameRow } from './independent-count';

export interface OurMentions {
  /** Per entity: mentions a reader can see in the light DOM, the set innerText covers. */
  visible: Record<string, number>;
  /** Mentions innerText cannot contain, by reason. */
  hidden: number;
  inShadowRoots: number;
  unknownTexts: string[];
}

/** Reads our highlights back per entity, by the text of each range. Runs in the page. */
export function readOurMentions(rows: NameRow[]): OurMentions {
  const normalise = (s: string) =>
    s
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .replace(/’/g, "'");
  const owner = new Map(rows.map((row) => [normalise(row.marked ?? row.text), row.entityId]));
  const result: OurMentions = { visible: {}, hidden: 0, inShadowRoots: 0, unknownTexts: [] };
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('context-lens-') || name === 'context-lens-active' || name === 'context-lens-flash') continue;
    for (const range of highlight as Highlight) {
      const r = range as Range;
      const entityId = owner.get(normalise(r.toString()));
      if (entityId === undefined) {
        result.unknownTexts.push(r.toString());
        continue;
      }
      if (r.startContainer.getRootNode() !== document) {
        result.inShadowRoots++;
        continue;
      }
      const element = r.startContainer.parentElement;
      const shown = element?.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) ?? false;
      if (!shown || r.getClientRects().length === 0) {
        result.hidden++;
        continue;
      }
      result.visible[entityId] = (result.visible[entityId] ?? 0) + 1;
    }
  }
  return result;
}
