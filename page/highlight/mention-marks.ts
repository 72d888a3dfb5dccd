import type { HighlightRegistryLike } from '../hover/card-view';
import { HIGHLIGHT_PREFIX, hideHighlight, highlightFor, showHighlight } from './highlight-renderer';
import type { PageMention } from './mention-store';

/** The mention whose card is open; painted over its kind's highlight. */
const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;
/** A mention just jumped to, shown briefly so the eye finds it. */
const FLASH_HIGHLIGHT = `${HIGHLIGHT_PREFIX}flash`;

const FLASH_MS = 900;

/** A mark's place above the other highlights, and its highlight in the registry it is in now. */
interface Mark {
  readonly priority: number;
  shown: { highlight: Highlight; registry: HighlightRegistryLike } | null;
}

/**
 * The two highlights that mark single mentions: the active one and the one
 * flashed after a jump. They sit above the kind highlights (higher priority)
 * and, like them, never touch the page's DOM. A private story's mention is
 * marked where it is painted, in our own registry, so the page's registry
 * never shows that a card opened on it.
 */
export class MentionMarks {
  private readonly active: Mark = { priority: 1, shown: null };
  private readonly flashed: Mark = { priority: 2, shown: null };
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Where private stories' mentions are painted now, if any is switched on. */
    private readonly privatePaint: () => HighlightRegistryLike | null,
  ) {}

  setActive(mention: PageMention | null): void {
    clear(ACTIVE_HIGHLIGHT, this.active);
    if (mention !== null) this.mark(ACTIVE_HIGHLIGHT, this.active, mention);
  }

  flash(mention: PageMention): void {
    clearTimeout(this.flashTimer);
    clear(FLASH_HIGHLIGHT, this.flashed);
    this.mark(FLASH_HIGHLIGHT, this.flashed, mention);
    this.flashTimer = setTimeout(() => clear(FLASH_HIGHLIGHT, this.flashed), FLASH_MS);
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    clear(ACTIVE_HIGHLIGHT, this.active);
    clear(FLASH_HIGHLIGHT, this.flashed);
  }

  /** Registers a mark while it marks something: the page can read its registry, and so when a card is open. */
  private mark(name: string, mark: Mark, mention: PageMention): void {
    const registry = mention.private ? this.privatePaint() : CSS.highlights;
    if (registry === null) return;
    const highlight = highlightFor(registry);
    highlight.priority = mark.priority;
    highlight.add(mention.range);
    mark.shown = { highlight, registry };
    showHighlight(name, highlight, registry);
  }
}

/** Empties a mark and takes it out of its registry, if it is still there as ours. */
function clear(name: string, mark: Mark): void {
  if (mark.shown === null) return;
  mark.shown.highlight.clear();
  hideHighlight(name, mark.shown.highlight, mark.shown.registry);
  mark.shown = null;
}
