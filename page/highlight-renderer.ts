import { ENTITY_KINDS, type EntityKind } from '../data/schema';

/** Prefix of every name we register in CSS.highlights; outside checks rely on it. */
export const HIGHLIGHT_PREFIX = 'context-lens-';

const highlightName = (kind: EntityKind) => `${HIGHLIGHT_PREFIX}${kind}`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Owns one Highlight per entity kind in the page's highlight registry. Ranges
 * are painted by the browser; the page's DOM is never touched.
 */
export class HighlightRenderer {
  private readonly byKind = new Map<EntityKind, Highlight>();

  constructor() {
    for (const kind of ENTITY_KINDS) {
      const highlight = new Highlight();
      this.byKind.set(kind, highlight);
      CSS.highlights.set(highlightName(kind), highlight);
    }
  }

  add(kind: EntityKind, range: Range): void {
    this.byKind.get(kind)?.add(range);
  }

  remove(kind: EntityKind, range: Range): void {
    this.byKind.get(kind)?.delete(range);
  }

  /** Unregisters every highlight at once; the renderer is spent afterwards. */
  dispose(): void {
    for (const [kind, highlight] of this.byKind) {
      highlight.clear();
      if (CSS.highlights.get(highlightName(kind)) === highlight) CSS.highlights.delete(highlightName(kind));
    }
    this.byKind.clear();
  }
}
