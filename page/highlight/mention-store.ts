import type { EntityKind } from '../../data/schema';
import type { MentionCounts } from '../../engine/messages';
import { idRecord } from '../../engine/own-keys';
import { compareComposed, containsComposed } from '../read/composed-tree';
import type { BlockContainer } from '../read/element-rules';

/** Where mentions are painted: the page's highlight registry, or a recorder in tests. */
export interface MentionPainter {
  add(mention: PageMention): void;
  remove(mention: PageMention): void;
}

export interface PageMention {
  lensId: string;
  kind: EntityKind;
  range: Range;
  /** The text nodes the range runs through, first to last. */
  nodes: readonly Text[];
  /** Found by a later-mention form ("Ma"), admitted after the full name. */
  later: boolean;
  /** A primary full name: later forms after it count. */
  opens: boolean;
  /** A private story's: never in the page's highlight registry. */
  private?: true;
}

/** Which mentions a reader can see (page/highlight/shown-mentions.ts): the store counts only those. */
export interface MentionVisibility {
  watch(mention: PageMention): void;
  forget(mention: PageMention): void;
  isShown(mention: PageMention): boolean;
}

/** What a gate asks of a mention: its entity, and whether a private story found it. */
export type GateMention = Pick<PageMention, 'lensId' | 'private'>;

/** Which entities' mentions are marked now (page/highlight/story-gate.ts). */
export interface MarkGate {
  admits(mention: GateMention): boolean;
  /** A name a panel lists as "not marked" while it is held: a common name of a kind the reader highlights. */
  isCommonName(mention: GateMention): boolean;
}

interface ContainerRecord {
  mentions: PageMention[];
  /** Mentions of common names the gate does not admit yet: neither painted, counted as marked, nor hovered. */
  held: PageMention[];
  /** Entities whose later forms were found here but not admitted. */
  turnedAway: Set<string>;
}

/**
 * The page's mentions, kept per block container so a live update can replace
 * exactly what one container held. Every change goes to the renderer at once,
 * so the highlights always show what the store holds. Mentions the gate does
 * not admit are held apart, unpainted, until it does.
 */
export class MentionStore {
  private readonly byContainer = new Map<BlockContainer, ContainerRecord>();
  /** Mentions that open the later forms of their entities, the only ones `seenBefore` needs. */
  private readonly fullNames = new Map<string, Set<PageMention>>();
  /** Mentions by the text nodes they run through: the index a pointer position is looked up in. */
  private readonly byNode = new WeakMap<Text, PageMention[]>();

  constructor(
    private readonly renderer: MentionPainter,
    entitiesWithLaterForms: ReadonlySet<string>,
    /** Which mentions a reader can see: only those are counted. */
    private readonly visibility: MentionVisibility,
    private readonly gate: MarkGate,
  ) {
    for (const id of entitiesWithLaterForms) this.fullNames.set(id, new Set());
  }

  add(container: BlockContainer, mentions: PageMention[], turnedAway: ReadonlySet<string>): void {
    if (mentions.length === 0 && turnedAway.size === 0) return;
    let record = this.byContainer.get(container);
    if (record === undefined) {
      record = { mentions: [], held: [], turnedAway: new Set() };
      this.byContainer.set(container, record);
    }
    for (const mention of mentions) {
      this.visibility.watch(mention);
      if (mention.opens) this.fullNames.get(mention.lensId)?.add(mention);
      if (this.gate.admits(mention)) this.mark(record, mention);
      else record.held.push(mention);
    }
    for (const id of turnedAway) record.turnedAway.add(id);
  }

  private mark(record: ContainerRecord, mention: PageMention): void {
    record.mentions.push(mention);
    this.renderer.add(mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list === undefined) this.byNode.set(node, [mention]);
      else list.push(mention);
    }
  }

  /** Marks the held mentions the gate admits now; true when there were any. */
  markAdmitted(): boolean {
    let marked = false;
    for (const record of this.byContainer.values()) {
      if (record.held.length === 0) continue;
      const still: PageMention[] = [];
      for (const mention of record.held) {
        if (this.gate.admits(mention)) {
          this.mark(record, mention);
          marked = true;
        } else still.push(mention);
      }
      record.held = still;
    }
    return marked;
  }

  /** Drops the containers `drop` picks; returns the entities whose opening full names went with them. */
  dropWhere(drop: (container: BlockContainer) => boolean): Set<string> {
    const lostFullNames = new Set<string>();
    for (const [container, record] of this.byContainer) {
      if (!drop(container)) continue;
      for (const mention of record.mentions) {
        this.renderer.remove(mention);
        for (const node of mention.nodes) {
          const list = this.byNode.get(node);
          const at = list?.indexOf(mention) ?? -1;
          if (list !== undefined && at >= 0) list.splice(at, 1);
        }
      }
      for (const mention of [...record.mentions, ...record.held]) {
        this.visibility.forget(mention);
        if (mention.opens) {
          lostFullNames.add(mention.lensId);
          this.fullNames.get(mention.lensId)?.delete(mention);
        }
      }
      this.byContainer.delete(container);
    }
    return lostFullNames;
  }

  /**
   * The mentions whose text holds a caret position (a text node and an offset
   * in it, as caretPositionFromPoint gives): a lookup in that node's own short
   * list, never a scan of the page's mentions. Both ends count, since a caret
   * beside a mention's last letter sits at its end.
   */
  mentionsAt(node: Node, offset: number): PageMention[] {
    if (node.nodeType !== 3) return [];
    const list = this.byNode.get(node as Text);
    if (list === undefined) return [];
    return list.filter(({ range }) => {
      if (node === range.startContainer && offset < range.startOffset) return false;
      return !(node === range.endContainer && offset > range.endOffset);
    });
  }

  /** Whether a mention is still on the page as the store knows it. */
  has(mention: PageMention): boolean {
    const first = mention.nodes[0];
    return first !== undefined && (this.byNode.get(first)?.includes(mention) ?? false);
  }

  /** Every marked mention, container by container. */
  *all(): Generator<PageMention> {
    for (const record of this.byContainer.values()) yield* record.mentions;
  }

  /** Every mention found, marked or held. */
  *found(): Generator<PageMention> {
    for (const record of this.byContainer.values()) {
      yield* record.mentions;
      yield* record.held;
    }
  }

  /** The containers passes have read so far: a read that fills in what a survey passed over leaves them as they are. */
  readContainers(): Set<BlockContainer> {
    return new Set(this.byContainer.keys());
  }

  /** Entities with later forms whose full name occurs before `node` in document order. */
  seenBefore(node: Node): Set<string> {
    const seen = new Set<string>();
    for (const [lensId, mentions] of this.fullNames) {
      for (const mention of mentions) {
        if (precedes(mention.range, node)) {
          seen.add(lensId);
          break;
        }
      }
    }
    return seen;
  }

  /** Whether a full name of one of `entities` occurs before `node` or inside it. */
  fullNameUpTo(node: Node, entities: ReadonlySet<string>): boolean {
    for (const id of entities) {
      for (const mention of this.fullNames.get(id) ?? []) {
        const start = mention.range.startContainer;
        if (precedes(mention.range, node) || containsComposed(node, start)) return true;
      }
    }
    return false;
  }

  /**
   * Containers whose verdict on later forms of `entities` may change: those
   * that turned such forms away, and those that admitted them.
   */
  containersToRecheck(entities: ReadonlySet<string>): BlockContainer[] {
    const found: BlockContainer[] = [];
    for (const [container, record] of this.byContainer) {
      const later = (m: PageMention) => m.later && entities.has(m.lensId);
      const affected =
        [...record.turnedAway].some((id) => entities.has(id)) || record.mentions.some(later) || record.held.some(later);
      if (affected) found.push(container);
    }
    return found;
  }

  /** Every mention a reader can see: hidden copies of a menu are highlighted but neither counted nor stepped to. */
  *shown(): Generator<PageMention> {
    for (const mention of this.all()) if (this.visibility.isShown(mention)) yield mention;
  }

  /** Mentions per entity that a reader can see. */
  counts(): MentionCounts {
    const counts = idRecord<number>();
    for (const mention of this.shown()) counts[mention.lensId] = (counts[mention.lensId] ?? 0) + 1;
    return counts;
  }

  /** Shown mentions per entity that are held unmarked: the common names of stories not open on the page. */
  unmarkedCounts(): MentionCounts {
    const counts = idRecord<number>();
    for (const record of this.byContainer.values()) {
      for (const mention of record.held) {
        if (!this.gate.isCommonName(mention) || !this.visibility.isShown(mention)) continue;
        counts[mention.lensId] = (counts[mention.lensId] ?? 0) + 1;
      }
    }
    return counts;
  }

  get size(): number {
    let size = 0;
    for (const record of this.byContainer.values()) size += record.mentions.length;
    return size;
  }
}

/** Whether a range starts before `node` in reading order, across shadow trees. */
function precedes(range: Range, node: Node): boolean {
  return compareComposed(range.startContainer, node) < 0;
}
