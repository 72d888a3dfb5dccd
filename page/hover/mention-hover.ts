import { DEFAULT_GRACE_MS, HoverIntent } from '../../engine/hover-intent';
import type { Direction } from '../../engine/messages';
import { isTouchLike } from '../../engine/pointer-gestures';
import { logFailure } from '../../platform/log-failure';
import type { PageMention } from '../highlight/mention-store';
import { MEASURE } from '../measure-names';
import { containsComposed } from '../read/composed-tree';
import { recordMeasure } from '../record-measure';
import { CardContents } from './card-contents';
import type { CardContent, CardView } from './card-view';
import { FocusReturn } from './focus-return';
import { type MentionIndex, mentionAtPoint, sameMentionAgain } from './mention-hit-test';
import { type HighlightedMentions, MentionNavigation } from './mention-navigation';
import { MentionSteps } from './mention-steps';
import { PointerTracker } from './pointer-tracker';
import { listenToReader } from './reader-input';
import { linkAround, TouchTaps } from './touch-taps';

export interface MentionHoverOptions {
  /** What the hover needs from the highlighter: the index, and the mentions as they stand. */
  mentions: MentionIndex & HighlightedMentions;
  layer: CardView;
  showDelayMs: number;
}

/**
 * Pointer → hit-test → card. Tracks the pointer at most once per frame, asks
 * the index what lies under it, lets HoverIntent decide when the card opens
 * and closes, and handles the ways a reader dismisses it: Escape, a click
 * elsewhere, scrolling the text away. A finger's taps are judged by
 * TouchTaps, a mouse is followed by PointerTracker; the keyboard commands,
 * the card's buttons and the panel move through the mentions with
 * MentionSteps; the card's content is CardContents'.
 */
export class MentionHover {
  private readonly intent: HoverIntent<PageMention>;
  private readonly navigation: MentionNavigation;
  private listeners: AbortController | null = null;
  private readonly pointer: PointerTracker;
  private readonly focusReturn = new FocusReturn();
  private focusOnOpen = false;
  private prepared = false;
  private readonly taps = new TouchTaps();
  /** The card open now was opened by a tap, on a name in this link or in none. */
  private tapped: { link: HTMLAnchorElement | null } | null = null;
  private readonly contents: CardContents;
  /** The keyboard's, the card's and the panel's ways from mention to mention. */
  private readonly steps: MentionSteps;

  constructor(private readonly options: MentionHoverOptions) {
    this.navigation = new MentionNavigation(options.mentions);
    this.steps = new MentionSteps(this.navigation, {
      current: () => this.intent.current,
      open: (mention, byKeyboard) => {
        this.tapped = null;
        this.focusOnOpen = byKeyboard;
        this.intent.openNow(mention);
      },
      announce: (mention) => {
        const { lensId } = mention;
        const place = this.navigation.placeOf(lensId, mention);
        logFailure(this.options.layer.announce({ type: 'mention', lensId, place }), 'say where a step went');
      },
    });
    this.contents = new CardContents({
      placeOf: (lensId, mention) => this.navigation.placeOf(lensId, mention),
      isOpen: (mention) => this.intent.current === mention,
      refresh: (content) => this.update(content),
      step: (lensId, direction) => this.steps.stepEntity(lensId, direction),
      dismiss: () => this.intent.dismiss(),
      tapped: () => this.tapped,
    });
    this.pointer = new PointerTracker({
      mentions: options.mentions,
      pointerOnCard: (onCard) => this.intent.pointerOnCard(onCard),
      pointerAt: (over) => {
        if (over !== null && !this.prepared) this.prepare(over);
        this.intent.pointerAt(over);
      },
    });
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
    const ours = (event: Event) => this.isOurs(event.target);
    listenToReader(
      {
        pointermove: (event) => this.onPointerMove(event),
        // Leaving the window: nothing is under the pointer any more. A lifted finger leaves too, and means nothing.
        pointerout: (event) => {
          if (event.relatedTarget === null && !isTouchLike(event.pointerType)) this.pointer.left();
        },
        pointerdown: (event) => {
          this.taps.pointerDown();
          if (ours(event)) this.intent.pin(true);
          // A finger's touch is judged when it lifts: a tap on the open name must not close its card first.
          else if (!this.taps.touchDown(event)) this.intent.dismiss();
        },
        pointerup: (event) => this.onPointerUp(event),
        pointercancel: () => this.taps.touchCancel(),
        keydown: (event) => {
          // With focus in the card, the card handles its own keys.
          if (event.key === 'Escape' && this.intent.current !== null && !ours(event)) this.intent.dismiss();
        },
        scroll: (event) => this.onScroll(event),
        focusin: (event) => {
          // Focus inside the card, not on its host, which a page can make focusable and focus.
          if (ours(event) && this.options.layer.hasFocus) this.intent.pin(true);
        },
        focusout: (event) => {
          if (ours(event) && !this.isOurs(event.relatedTarget)) this.intent.pin(false);
        },
      },
      (event) => this.taps.click(event),
      this.listeners.signal,
    );
  }

  /** A keyboard command: the next or previous mention on the page, its card opened with focus in it. */
  step(direction: Direction): void {
    this.steps.step(direction);
  }

  /** The panel asks for an entity: its next mention, card opened. */
  showEntity(lensId: string): void {
    this.steps.showEntity(lensId);
  }

  /** The panel's page map asks for one mention: brought into view, card opened. */
  showMention(mention: PageMention): void {
    this.steps.showMention(mention);
  }

  setShowDelay(ms: number): void {
    this.intent.setShowDelay(ms);
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
    this.pointer.forget();
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
    const { mentions } = this.options;
    const now = mentions.has(current) ? current : sameMentionAgain(mentions, current);
    if (now === null) {
      this.intent.forget(current);
      return;
    }
    this.intent.replace(current, now);
    this.update(this.contents.of(now));
  }

  /** The open card renders `content` again. */
  private update(content: CardContent): void {
    logFailure(this.options.layer.update(content), 'update its card');
  }

  /**
   * The first time the pointer lands on a name, builds the card unseen while
   * the show delay runs: the shadow root, its styles and fonts are then ready
   * and the card paints in one frame when the delay ends. Until a reader
   * hovers a name, the page gets no node from us at all.
   */
  private prepare(mention: PageMention): void {
    this.prepared = true;
    this.options.layer.prepare(this.contents.of(mention)).catch(() => {
      this.prepared = false;
    });
  }

  private onPointerMove(event: PointerEvent): void {
    if (isTouchLike(event.pointerType)) return;
    // A mouse in use: the next card it opens is a hover's, not a tap's.
    this.tapped = null;
    this.pointer.moved(event, this.isOurs(event.target));
  }

  /**
   * A finger or pen lifted: a tap on a name opens its card, at once; a tap
   * elsewhere closes it. A second tap on the open card's name is left to the
   * page, so a name in a link follows the link then. A mouse on the same
   * device still hovers.
   */
  private onPointerUp(event: PointerEvent): void {
    if (!this.taps.touchUpIsTap(event)) return;
    const over = mentionAtPoint(document, this.options.mentions, event.clientX, event.clientY);
    if (over === null) {
      this.intent.dismiss();
      return;
    }
    if (this.intent.current === over) return;
    const link = linkAround(over);
    this.taps.holdClickOn(link);
    this.pointer.tappedAt(event.clientX, event.clientY);
    this.tapped = { link };
    this.focusOnOpen = false;
    this.intent.openNow(over);
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

  private open(mention: PageMention): void {
    const started = performance.now();
    const focus = this.focusOnOpen;
    this.focusOnOpen = false;
    const { point } = this.pointer;
    this.navigation.setActive(mention);
    this.contents.reset();
    const { layer } = this.options;
    const shown = layer.show(this.contents.of(mention), { range: mention.range, point: focus ? null : point });
    const focused = shown.then(() => {
      if (focus && !layer.hasFocus) {
        this.focusReturn.remember();
        layer.focus();
      }
      recordMeasure(MEASURE.card, { start: started, detail: { lensId: mention.lensId } });
    });
    logFailure(focused, 'show its card');
  }

  private close(): void {
    this.tapped = null;
    this.navigation.setActive(null);
    const { layer } = this.options;
    const hadFocus = layer.hasFocus;
    layer.hide();
    this.focusReturn.restore(hadFocus);
  }
}
