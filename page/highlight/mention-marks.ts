import { HIGHLIGHT_PREFIX, hideHighlight, showHighlight } from './highlight-renderer';

/** The mention whose card is open; painted over its kind's highlight. */
const ACTIVE_HIGHLIGHT = `${HIGHLIGHT_PREFIX}active`;
/** A mention just jumped to, shown briefly so the eye finds it. */
const FLASH_HIGHLIGHT = `${HIGHLIGHT_PREFIX}flash`;

const FLASH_MS = 900;

/**
 * The two highlights that mark single mentions: the active one and the one
 * flashed after a jump. They sit above the kind highlights (higher priority)
 * and, like them, never touch the page's DOM.
 */
export class MentionMarks {
  private readonly active = new Highlight();
  private readonly flashed = new Highlight();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.active.priority = 1;
    this.flashed.priority = 2;
  }

  setActive(range: Range | null): void {
    clear(ACTIVE_HIGHLIGHT, this.active);
    if (range !== null) register(ACTIVE_HIGHLIGHT, this.active).add(range);
  }

  flash(range: Range): void {
    clearTimeout(this.flashTimer);
    clear(FLASH_HIGHLIGHT, this.flashed);
    register(FLASH_HIGHLIGHT, this.flashed).add(range);
    this.flashTimer = setTimeout(() => clear(FLASH_HIGHLIGHT, this.flashed), FLASH_MS);
  }

  dispose(): void {
    clearTimeout(this.flashTimer);
    clear(ACTIVE_HIGHLIGHT, this.active);
    clear(FLASH_HIGHLIGHT, this.flashed);
  }
}

/** Registers a mark while it marks something: the page can read the registry, and so when a card is open. */
function register(name: string, highlight: Highlight): Highlight {
  showHighlight(name, highlight);
  return highlight;
}

/** Empties a mark and takes it out of the registry, if it is still there as ours. */
function clear(name: string, highlight: Highlight): void {
  highlight.clear();
  hideHighlight(name, highlight);
}
