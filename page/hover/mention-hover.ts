import { DEFAULT_GRACE_MS, HoverIntent } from '../../engine/hover-intent';
import type { Direction } from '../../engine/messages';
import type { PageMention } from '../highlight/mention-store';
import { MEASURE } from '../measure-names';
import { containsComposed, parentOf } from '../read/composed-tree';
import type { CardContent, CardView, MentionPlace } from './card-view';
import { type MentionIndex, mentionAtPoint } from './mention-hit-test';
import { type HighlightedMentions, MentionNavigation } from './mention-navigation';

/** A touch that moves further than this, or lasts longer, is a scroll or a press, not a tap. */
const TAP_SLOP_PX = 10;
const TAP_MS = 600;

/** A finger or a pen: they tap rather than hover. */
const isTouchLike = (event: PointerEvent) => event.pointerType === 'touch' || event.pointerType === 'pen';

/** The link a mention's text is in, if any, looking across shadow roots' edges. */
function linkAround(mention: PageMention): HTMLAnchorElement | null {
  for (let node: Node | null = mention.range.startContainer; node !== null; node = parentOf(node)) {
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) return node;
  }
  return null;
}

export interface MentionHoverOptions {
  /** What the hover needs from the highlighter: the index, and the mentions as they stand. */
  mentions: MentionIndex & HighlightedMentions;
  layer: CardView;
  showDelayMs: number;
}

interface Pointer {
  x: number;
  y: number;
  onCard: boolean;
  /** A button is held: the reader is selecting text, not asking about a name. */
  pressed: boolean;
}

/**
 * Pointer → hit-test → card. Tracks the pointer at most once per frame, asks
 * the index what lies under it, lets HoverIntent decide when the card opens
 * and closes, and handles the ways a reader dismisses it: Escape, a click
 * elsewhere, scrolling the text away. The keyboard commands and the card's
 * own buttons move through the mentions with MentionNavigation.
 */
export class MentionHover {
  private readonly intent: HoverIntent<PageMention>;
  private readonly navigation: MentionNavigation;
  private listeners: AbortController | null = null;
  private pointer: Pointer | null = null;
  private frameRequested = false;
  /** Where focus was before a keyboard command moved it into the card. */
  private returnFocus: HTMLElement | null = null;
  private focusOnOpen = false;
  private prepared = false;
  /** Other entities whose story the open card has turned to: their places go into its content with its own. */
  private readonly shownInCard = new Set<string>();
  /** A finger or a pen down on the page, until it lifts: a tap if it barely moved. */
  private touchDown: { id: number; x: number; y: number; at: number } | null = null;
  /** The card open now was opened by a tap, on a name in this link or in none. */
  private tapped: { link: HTMLAnchorElement | null } | null = null;
  /** A tap opened a card for a name in a link: the click that follows must not follow the link. */
  private holdNextClick = false;

  constructor(private readonly options: MentionHoverOptions) {
    this.navigation = new MentionNavigation(options.mentions);
    this.intent = new HoverIntent<PageMention>({
      showDelayMs: options.showDelayMs,
      graceMs: DEFAULT_GRACE_MS,
      open: (mention) => this.open(mention),
      close: () => this.close(),
    });
  }

  start(): void {
    if (this.listeners !== null) return;
    this.listeners = new AbortController();
    // Only the reader's own input counts: events a page script makes up (dispatchEvent) never
    // open, pin or dismiss a card.
    const on = <K extends keyof WindowEventMap>(type: K, listener: (event: WindowEventMap[K]) => void) =>
      window.addEventListener(type, (event) => event.isTrusted && listener(event), {
        capture: true,
        passive: true,
        signal: this.listeners?.signal,
      });
    on('pointermove', (event) => this.onPointerMove(event));
    on('pointerout', (event) => {
      // Leaving the window: nothing is under the pointer any more. A lifted finger leaves too, and means nothing.
      if (event.relatedTarget === null && !isTouchLike(event)) this.trackPointer(null);
    });
    on('pointerdown', (event) => {
      this.holdNextClick = false;
      if (this.isOurs(event.target)) this.intent.pin(true);
      // A finger's touch is judged when it lifts: a tap on the open name must not close its card first.
      else if (isTouchLike(event))
        this.touchDown = { id: event.pointerId, x: event.clientX, y: event.clientY, at: event.timeStamp };
      else this.intent.dismiss();
    });
    on('pointerup', (event) => this.onPointerUp(event));
    // The browser took the touch for a scroll or a zoom: no tap.
    on('pointercancel', () => {
      this.touchDown = null;
    });
    // Not passive, so it can hold back the link a tap's card was opened in; only after such a tap.
    window.addEventListener(
      'click',
      (event) => {
        if (!this.holdNextClick || !event.isTrusted) return;
        this.holdNextClick = false;
        event.preventDefault();
      },
      { capture: true, signal: this.listeners.signal },
    );
    on('keydown', (event) => {
      // With focus in the card, the card handles its own keys.
      if (event.key === 'Escape' && this.intent.current !== null && !this.isOurs(event.target)) this.intent.dismiss();
    });
    on('scroll', (event) => this.onScroll(event));
    on('focusin', (event) => {
      if (this.isOurs(event.target)) this.intent.pin(true);
    });
    on('focusout', (event) => {
      if (this.isOurs(event.target) && !this.isOurs(event.relatedTarget)) this.intent.pin(false);
    });
  }

  setShowDelay(ms: number): void {
    this.intent.setShowDelay(ms);
  }

  /** The panel asks for an entity: its next mention from the open card or the view, card opened. */
  showEntity(entityId: string): void {
    const target = this.navigation.nextOfEntity(entityId, this.intent.current);
    if (target !== null) this.jumpTo(target, false);
  }

  /** The panel's page map asks for one mention: brought into view, card opened, focus left where it is. */
  showMention(mention: PageMention): void {
    this.jumpTo(mention, false);
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
    this.pointer = null;
    this.intent.dismiss();
  }

  dispose(): void {
    this.stop();
    this.navigation.dispose();
    this.options.layer.dispose();
  }

  /** The page's mentions changed: close a card whose mention went, refresh the counts of one that stayed. */
  mentionsChanged(): void {
    this.navigation.mentionsChanged();
    const current = this.intent.current;
    if (current === null) return;
    const now = this.options.mentions.has(current) ? current : this.foundAgain(current);
    if (now === null) {
      this.intent.forget(current);
      return;
    }
    this.intent.replace(current, now);
    void this.options.layer.update(this.card(now));
  }

  /** The mention a new reading of the page found where `mention` was: the same entity over the same text. */
  private foundAgain(mention: PageMention): PageMention | null {
    const { range } = mention;
    const same = (other: PageMention) =>
      other.entityId === mention.entityId &&
      other.range.compareBoundaryPoints(Range.START_TO_START, range) === 0 &&
      other.range.compareBoundaryPoints(Range.END_TO_END, range) === 0;
    return this.options.mentions.mentionsAt(range.startContainer, range.startOffset).find(same) ?? null;
  }

  /**
   * The first time the pointer lands on a name, builds the card unseen while
   * the show delay runs: the shadow root, its styles and fonts are then ready
   * and the card paints in one frame when the delay ends. Until a reader
   * hovers a name, the page gets no node from us at all.
   */
  private prepare(mention: PageMention): void {
    this.prepared = true;
    this.options.layer.prepare(this.card(mention)).catch(() => {
      this.prepared = false;
    });
  }

  /** A keyboard command: the next or previous mention on the page, its card opened with focus in it, and said. */
  step(direction: Direction): void {
    const target = this.navigation.step(this.intent.current, direction);
    if (target === null) return;
    this.jumpTo(target, true);
    this.announce(target);
  }

  private onPointerMove(event: PointerEvent): void {
    if (isTouchLike(event)) return;
    // A mouse in use: the next card it opens is a hover's, not a tap's.
    this.tapped = null;
    this.trackPointer({
      x: event.clientX,
      y: event.clientY,
      onCard: this.isOurs(event.target),
      pressed: event.buttons !== 0,
    });
  }

  /**
   * A finger or pen lifted: a tap on a name opens its card, at once; a tap
   * elsewhere closes it. A second tap on the open card's name is left to the
   * page, so a name in a link follows the link then. A mouse on the same
   * device still hovers.
   */
  private onPointerUp(event: PointerEvent): void {
    const down = this.touchDown;
    this.touchDown = null;
    if (down === null || down.id !== event.pointerId || !isTouchLike(event)) return;
    const moved = Math.hypot(event.clientX - down.x, event.clientY - down.y);
    if (moved > TAP_SLOP_PX || event.timeStamp - down.at > TAP_MS) return;
    const over = mentionAtPoint(document, this.options.mentions, event.clientX, event.clientY);
    if (over === null) {
      this.intent.dismiss();
      return;
    }
    if (this.intent.current === over) return;
    const link = linkAround(over);
    this.holdNextClick = link !== null;
    this.pointer = { x: event.clientX, y: event.clientY, onCard: false, pressed: false };
    this.tapped = { link };
    this.focusOnOpen = false;
    this.intent.openNow(over);
  }

  private trackPointer(pointer: Pointer | null): void {
    this.pointer = pointer;
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.hitTest();
    });
  }

  private hitTest(): void {
    const pointer = this.pointer;
    if (pointer?.onCard) {
      this.intent.pointerOnCard(true);
      return;
    }
    this.intent.pointerOnCard(false);
    const over =
      pointer === null || pointer.pressed
        ? null
        : mentionAtPoint(document, this.options.mentions, pointer.x, pointer.y);
    if (over !== null && !this.prepared) this.prepare(over);
    this.intent.pointerAt(over);
  }

  private onScroll(event: Event): void {
    const current = this.intent.current;
    if (current === null || this.navigation.isScrolling) return;
    const target = event.target;
    // Only a scroll that moves the mention away closes its card, not a carousel elsewhere.
    const movesMention =
      target === document || (target instanceof Node && containsComposed(target, current.range.startContainer));
    if (movesMention) this.intent.dismiss();
  }

  private isOurs(target: EventTarget | null): boolean {
    const host = this.options.layer.hostElement;
    return host !== null && target === host;
  }

  private jumpTo(mention: PageMention, byKeyboard: boolean): void {
    this.tapped = null;
    this.navigation.reveal(mention);
    this.focusOnOpen = byKeyboard;
    this.intent.openNow(mention);
  }

  private open(mention: PageMention): void {
    const started = performance.now();
    const focus = this.focusOnOpen;
    this.focusOnOpen = false;
    const point = this.pointer !== null && !this.pointer.onCard ? { x: this.pointer.x, y: this.pointer.y } : null;
    this.navigation.setActive(mention);
    this.shownInCard.clear();
    const { layer } = this.options;
    layer
      .show(this.card(mention), { range: mention.range, point: focus ? null : point })
      .then(() => {
        if (focus && !layer.hasFocus) {
          this.returnFocus = deepActiveElement();
          layer.focus();
        }
        performance.measure(MEASURE.card, { start: started, detail: { entityId: mention.entityId } });
      })
      .catch((error: unknown) => console.warn('Context Lens could not show its card:', error));
  }

  private close(): void {
    this.tapped = null;
    this.navigation.setActive(null);
    const { layer } = this.options;
    const hadFocus = layer.hasFocus;
    layer.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    // Focus that was in the card goes back where it came from, not to the top of the page.
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** The card as it should read now, for `mention`: the places of the entities it has shown, read before it renders. */
  private card(mention: PageMention): CardContent {
    const places = new Map<string, MentionPlace>();
    for (const entityId of [mention.entityId, ...this.shownInCard]) {
      places.set(entityId, this.navigation.placeOf(entityId, mention));
    }
    return {
      entityId: mention.entityId,
      places,
      onShowEntity: (entityId: string) => {
        if (entityId === mention.entityId || this.shownInCard.has(entityId) || this.intent.current !== mention) return;
        this.shownInCard.add(entityId);
        void this.options.layer.update(this.card(mention));
      },
      onStep: (entityId: string, direction: Direction) => this.stepEntity(entityId, direction),
      onClose: () => this.intent.dismiss(),
      touch: this.touchContent(),
    };
  }

  /** What a card opened by a tap offers: the link its name is in, followed as a click on it would. */
  private touchContent(): CardContent['touch'] {
    const tapped = this.tapped;
    if (tapped === null) return null;
    const link = tapped.link;
    return {
      link:
        link === null
          ? null
          : {
              href: link.href,
              follow: () => {
                this.intent.dismiss();
                link.click();
              },
            },
    };
  }

  /** The card's own previous/next: through one entity's mentions, wrapping round, each said. */
  private stepEntity(entityId: string, direction: Direction): void {
    const target = this.navigation.stepOfEntity(entityId, this.intent.current, direction);
    if (target === null) return;
    this.jumpTo(target, false);
    this.announce(target);
  }

  /** Says which mention a step reached, for a reader who cannot see where the page moved. */
  private announce(mention: PageMention): void {
    const { entityId } = mention;
    this.options.layer
      .announce({ type: 'mention', entityId, place: this.navigation.placeOf(entityId, mention) })
      .catch(() => undefined);
  }
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
