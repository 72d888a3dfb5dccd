import type { EntityKind } from '../data/schema';
import type { MentionCounts } from '../engine/messages';
import type { HighlightRenderer } from './highlight-renderer';
import type { BlockContainer } from './text-blocks';

export interface PageMention {
  entityId: string;
  kind: EntityKind;
  range: Range;
  /** Found by a later-mention form ("Ma"), admitted after the full name. */
  later: boolean;
}

interface ContainerRecord {
  mentions: PageMention[];
  /** Entities whose later forms were found here but not admitted. */
  turnedAway: Set<string>;
}

/**
 * The page's mentions, kept per block container so a live update can replace
 * exactly what one container held. Every change goes to the renderer at once,
 * so the highlights always show what the store holds.
 */
export class MentionStore {
  private readonly byContainer = new Map<BlockContainer, ContainerRecord>();
  /** Full-name mentions of the entities that have later forms, the only ones `seenBefore` needs. */
  private readonly fullNames = new Map<string, Set<PageMention>>();

  constructor(
    private readonly renderer: HighlightRenderer,
    entitiesWithLaterForms: ReadonlySet<string>,
  ) {
    for (const id of entitiesWithLaterForms) this.fullNames.set(id, new Set());
  }

  add(container: BlockContainer, mentions: PageMention[], turnedAway: ReadonlySet<string>): void {
    if (mentions.length === 0 && turnedAway.size === 0) return;
    let record = this.byContainer.get(container);
    if (record === undefined) {
      record = { mentions: [], turnedAway: new Set() };
      this.byContainer.set(container, record);
    }
    for (const mention of mentions) {
      record.mentions.push(mention);
      this.renderer.add(mention.kind, mention.range);
      if (!mention.later) this.fullNames.get(mention.entityId)?.add(mention);
    }
    for (const id of turnedAway) record.turnedAway.add(id);
  }

  /** Drops the containers `drop` picks; returns the entities whose full names went with them. */
  dropWhere(drop: (container: BlockContainer) => boolean): Set<string> {
    const lostFullNames = new Set<string>();
    for (const [container, record] of this.byContainer) {
      if (!drop(container)) continue;
      for (const mention of record.mentions) {
        this.renderer.remove(mention.kind, mention.range);
        if (!mention.later) {
          lostFullNames.add(mention.entityId);
          this.fullNames.get(mention.entityId)?.delete(mention);
        }
      }
      this.byContainer.delete(container);
    }
    return lostFullNames;
  }

  /** Entities with later forms whose full name occurs before `node` in document order. */
  seenBefore(node: Node): Set<string> {
    const seen = new Set<string>();
    for (const [entityId, mentions] of this.fullNames) {
      for (const mention of mentions) {
        if (precedes(mention.range, node)) {
          seen.add(entityId);
          break;
        }
      }
    }
    return seen;
  }

  /**
   * Containers whose verdict on later forms of `entities` may change: those
   * that turned such forms away, and those that admitted them.
   */
  containersToRecheck(entities: ReadonlySet<string>): BlockContainer[] {
    const found: BlockContainer[] = [];
    for (const [container, record] of this.byContainer) {
      const affected =
        [...record.turnedAway].some((id) => entities.has(id)) ||
        record.mentions.some((m) => m.later && entities.has(m.entityId));
      if (affected) found.push(container);
    }
    return found;
  }

  counts(): MentionCounts {
    const counts: MentionCounts = {};
    for (const record of this.byContainer.values()) {
      for (const mention of record.mentions) counts[mention.entityId] = (counts[mention.entityId] ?? 0) + 1;
    }
    return counts;
  }

  get size(): number {
    let size = 0;
    for (const record of this.byContainer.values()) size += record.mentions.length;
    return size;
  }
}

/** The node itself in the light DOM, or the outermost shadow host that holds it. */
function outermostHost(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
  return n;
}

/**
 * Whether a range starts before `node` in document order. Across shadow
 * trees the order of their outermost hosts decides.
 */
function precedes(range: Range, node: Node): boolean {
  const start = range.startContainer;
  if (start.getRootNode() === node.getRootNode()) {
    return Boolean(start.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
  }
  const a = outermostHost(start);
  const b = outermostHost(node);
  return a !== b && Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
}
