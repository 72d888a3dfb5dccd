import { ENTITY_KINDS, type EntityKind } from '../../data/schema';
import type { HighlightRegistryLike } from '../hover/card-view';
import type { MentionPainter } from './mention-store';

/** Prefix of every name we register in CSS.highlights; outside checks rely on it. */
export const HIGHLIGHT_PREFIX = 'context-lens-';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A new highlight for `registry`: its own kind where it has one. */
export const highlightFor = (registry: HighlightRegistryLike): Highlight =>
  registry.createHighlight?.() ?? new Highlight();

/** Puts `highlight` in a registry under `name`, unless it is there already. */
export function showHighlight(
  name: string,
  highlight: Highlight,
  registry: HighlightRegistryLike = CSS.highlights,
): void {
  if (registry.get(name) !== highlight) registry.set(name, highlight);
  else registry.changed?.(name);
}

/** Takes `highlight` out of a registry, if it is still there as ours and not one that replaced it. */
export function hideHighlight(
  name: string,
  highlight: Highlight,
  registry: HighlightRegistryLike = CSS.highlights,
): void {
  if (registry.get(name) === highlight) registry.delete(name);
}

/** How mentions are coloured: which highlights exist, and which one a mention goes in. */
export interface HighlightScheme {
  /** Every highlight the scheme paints with, each registered from the start. */
  readonly names: readonly string[];
  nameOf(mention: { lensId: string; kind: EntityKind }): string;
}

/** One highlight per kind of entity, styled by the extension's stylesheet. */
export const KIND_SCHEME: HighlightScheme = {
  names: ENTITY_KINDS.map((kind) => `${HIGHLIGHT_PREFIX}${kind}`),
  nameOf: ({ kind }) => `${HIGHLIGHT_PREFIX}${kind}`,
};

/** The highlight of the stories whose tint is the palette's swatch `index`, styled by our own style sheet. */
const swatchHighlightName = (index: number) => `${HIGHLIGHT_PREFIX}swatch-${index}`;

/**
 * One highlight per swatch the stories switched on take; an entity two
 * stories tell of takes the first one's. `swatchOf` gives each entity's
 * first story's swatch.
 */
export function storyScheme(swatchOf: ReadonlyMap<string, number>): HighlightScheme {
  const names = [...new Set(swatchOf.values())].map(swatchHighlightName);
  return { names, nameOf: ({ lensId }) => swatchHighlightName(swatchOf.get(lensId) ?? 0) };
}

/**
 * Owns the scheme's highlights in the page's highlight registry. Ranges are
 * painted by the browser; the page's DOM is never touched. The registry is
 * the page's to read too, so a highlight is in it only while it holds a
 * mention: a page with nothing of the stories cannot tell we are there.
 */
export class HighlightRenderer implements MentionPainter {
  private readonly byName = new Map<string, Highlight>();
  private live = false;

  constructor(
    private readonly scheme: HighlightScheme,
    /** False to fill it unseen, and replace another renderer's highlights at once by `register()`. */
    registered = true,
    private readonly registry: HighlightRegistryLike = CSS.highlights,
  ) {
    for (const name of scheme.names) this.byName.set(name, highlightFor(registry));
    if (registered) this.register();
  }

  /** Puts the highlights that hold mentions in the registry, in place of any of the same names; the rest go. */
  register(): void {
    this.live = true;
    for (const [name, highlight] of this.byName) {
      if (highlight.size > 0) this.registry.set(name, highlight);
      else this.registry.delete(name);
    }
  }

  add(mention: { lensId: string; kind: EntityKind; range: Range }): void {
    const name = this.scheme.nameOf(mention);
    const highlight = this.byName.get(name);
    if (highlight === undefined) return;
    highlight.add(mention.range);
    if (this.live) showHighlight(name, highlight, this.registry);
  }

  remove(mention: { lensId: string; kind: EntityKind; range: Range }): void {
    const name = this.scheme.nameOf(mention);
    const highlight = this.byName.get(name);
    if (highlight === undefined) return;
    highlight.delete(mention.range);
    if (highlight.size === 0) hideHighlight(name, highlight, this.registry);
    else this.registry.changed?.(name);
  }

  /** Unregisters every highlight at once; the renderer is spent afterwards. */
  dispose(): void {
    for (const [name, highlight] of this.byName) {
      highlight.clear();
      hideHighlight(name, highlight, this.registry);
    }
    this.byName.clear();
    this.live = false;
  }
}
