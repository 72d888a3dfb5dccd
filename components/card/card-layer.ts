import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { LanguageChoice } from '../../engine/settings/settings';
import type { Anchor, Announcement, CardContent, CardView, PrivatePaint } from '../../page/hover/card-view';
import { logFailure } from '../../platform/log-failure';
import { wordsFor } from '../../platform/words/words';
import type { EntityAccounts } from '../story/entity-accounts';
import storyCss from '../story/entity-story.css?inline';
import { WordsProvider } from '../use-words';
import { announcementText } from './announcement-text';
import { HoverCard } from './hover-card';
import cardCss from './hover-card.css?inline';
import { PrivateHighlights } from './private-paint';
import { ignoreScriptedInput } from './scripted-input-guard';

/** The tag of the one element we add to a page: the host of our shadow root. */
const UI_HOST_TAG = 'context-lens-ui';

const GAP_PX = 8;
const EDGE_PX = 5;
const MAX_WIDTH_PX = 360;
/** Below this the card would be a sliver; it then overlaps the name rather than shrink further. */
const MIN_HEIGHT_PX = 140;
/**
 * A live region's text is read when it changes, not when the region first
 * appears: new text waits this long after the region is emptied, so screen
 * readers hear the same words twice in a row too.
 */
const ANNOUNCE_DELAY_MS = 100;

/**
 * The shipped build closes the shadow root, so that no page script reads the
 * card, the live region or a card laid out unseen, nor reaches in to change or
 * focus them. The build the tests and the bench drive (CONTEXT_LENS_MEASURES)
 * keeps it open, so that they read the card as the reader sees it; nothing of
 * ours reaches in through `shadowRoot` in either.
 */
const ROOT_MODE: ShadowRootMode = import.meta.env.CONTEXT_LENS_MEASURES ? 'open' : 'closed';

/** Full-screen elements that cannot show a child of ours. */
const REPLACED_ELEMENTS = new Set(['video', 'iframe', 'img', 'canvas', 'embed', 'object', 'audio']);

/**
 * Where our host goes. Normally beside body rather than in it, where page
 * rules and frameworks that manage body's children leave it alone. In full
 * screen, inside the full-screen element: the rest of the page is inert
 * then, and a card outside it could be seen but not clicked.
 */
function hostParent(): Element {
  const fullscreen = document.fullscreenElement;
  if (fullscreen != null && !REPLACED_ELEMENTS.has(fullscreen.localName)) return fullscreen;
  return document.documentElement;
}

/**
 * Our UI's place in the page: a shadow root under one host element, added on
 * first use, holding a popover frame that is positioned next to a Range with
 * floating-ui. The popover lives in the top layer, so page z-indexes,
 * overflow and transforms cannot hide or move it.
 */
export class CardLayer implements CardView {
  private ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private frame: HTMLElement | null = null;
  private announcer: HTMLElement | null = null;
  /** Where private stories' mentions are painted, made on first need. */
  private paint: PrivateHighlights | null = null;
  private announcing: ReturnType<typeof setTimeout> | undefined;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private stopFollowing: (() => void) | null = null;
  /** Counts shows and hides, so a show still waiting for the host gives way to a later hide. */
  private generation = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly accounts: EntityAccounts,
    /** The reader's choice of language now: the settings can change it while the card is in use. */
    private readonly language: () => LanguageChoice,
  ) {}

  get hostElement(): HTMLElement | null {
    return this.host;
  }

  get hasFocus(): boolean {
    return this.shadow?.activeElement != null;
  }

  async show(content: CardContent, anchor: Anchor): Promise<void> {
    const generation = ++this.generation;
    const [frame] = await Promise.all([this.mountedFrame(), this.accounts.load(content.lensId)]);
    if (generation !== this.generation) return;
    this.render(content, frame);
    if (!frame.matches(':popover-open')) frame.showPopover();
    await this.follow(frame, anchor, generation);
  }

  /**
   * Lays a card out once, unseen, while the page is idle: the first real
   * card then finds the shadow root built, its styles parsed and its fonts
   * resolved, and paints in a frame instead of several.
   */
  async prepare(content: CardContent): Promise<void> {
    const generation = this.generation;
    const [frame] = await Promise.all([this.mountedFrame(), this.accounts.load(content.lensId)]);
    if (generation !== this.generation || frame.matches(':popover-open')) return;
    frame.style.visibility = 'hidden';
    this.render(content, frame);
    frame.showPopover();
    frame.getBoundingClientRect();
    frame.hidePopover();
    frame.style.visibility = '';
  }

  /** Re-renders the open card's content in place (its place on the page stays). */
  async update(content: CardContent): Promise<void> {
    if (this.frame !== null) this.render(content, this.frame);
  }

  hide(): void {
    this.generation++;
    this.stopFollowing?.();
    this.stopFollowing = null;
    const frame = this.frame;
    if (frame === null) return;
    if (frame.matches(':popover-open')) frame.hidePopover();
    render(null, frame);
  }

  focus(): void {
    const dialog = this.frame?.querySelector<HTMLElement>('[role="dialog"]');
    dialog?.focus({ preventScroll: true });
  }

  async announce(announcement: Announcement): Promise<void> {
    await this.mountedFrame();
    const region = this.announcer;
    if (region === null) return;
    const words = wordsFor(this.language());
    region.lang = words.locale;
    const text = announcementText(words, announcement, this.accounts);
    region.textContent = '';
    clearTimeout(this.announcing);
    this.announcing = setTimeout(() => {
      region.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  }

  async privatePaint(onPainted: (startedAt: number, boxes: number) => void): Promise<PrivatePaint> {
    const frame = await this.mountedFrame();
    if (this.paint === null) {
      const layer = document.createElement('div');
      // Before the card's frame, which the top layer keeps above it anyway.
      frame.before(layer);
      this.paint = new PrivateHighlights(layer, document, this.host as HTMLElement, onPainted);
    }
    return this.paint;
  }

  dispose(): void {
    clearTimeout(this.announcing);
    this.paint?.dispose();
    this.hide();
    this.accounts.dispose();
    logFailure(
      this.ui?.then((ui) => ui.remove()),
      'remove its card',
    );
  }

  private render(content: CardContent, frame: HTMLElement): void {
    const words = wordsFor(this.language());
    // The page's own language may be another: ours is marked, for screen readers and fonts.
    frame.lang = words.locale;
    render(h(WordsProvider, { value: words }, h(HoverCard, { accounts: this.accounts, ...content })), frame);
  }

  private async mountedFrame(): Promise<HTMLElement> {
    this.ui ??= createShadowRootUi(this.ctx, {
      name: UI_HOST_TAG,
      position: 'inline',
      anchor: hostParent,
      append: 'last',
      mode: ROOT_MODE,
      css: `${storyCss}\n${cardCss}`,
      // Keys typed in the card are ours; the page's shortcuts must not see them.
      isolateEvents: true,
      onMount: (container, shadow) => {
        ignoreScriptedInput(shadow);
        const frame = document.createElement('div');
        frame.className = 'frame';
        frame.popover = 'manual';
        // Outside the card, so it speaks whether or not a card is open.
        const announcer = document.createElement('div');
        announcer.className = 'announcer';
        announcer.setAttribute('role', 'status');
        announcer.setAttribute('aria-live', 'polite');
        announcer.setAttribute('aria-atomic', 'true');
        container.append(frame, announcer);
        return frame;
      },
    });
    const ui = await this.ui;
    if (ui.mounted === undefined) ui.mount();
    // Full screen began or ended, or the page threw our host out: put it where it is seen and reached.
    const parent = hostParent();
    if (ui.shadowHost.parentNode !== parent) parent.append(ui.shadowHost);
    this.host = ui.shadowHost;
    this.shadow = ui.shadow;
    this.frame = ui.mounted as HTMLElement;
    this.announcer = ui.shadow.querySelector('.announcer');
    return this.frame;
  }

  /** Places the card beside its anchor now, and again whenever the viewport or the card resizes. */
  private async follow(frame: HTMLElement, anchor: Anchor, generation: number): Promise<void> {
    this.stopFollowing?.();
    const { range, point } = anchor;
    const reference: VirtualElement = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const place = () =>
      computePosition(reference, frame, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(point ?? undefined),
          offset(GAP_PX),
          flip({ padding: EDGE_PX }),
          shift({ padding: EDGE_PX }),
          size({
            padding: EDGE_PX,
            apply({ availableWidth, availableHeight, elements }) {
              elements.floating.style.maxWidth = `${Math.min(MAX_WIDTH_PX, Math.max(0, availableWidth))}px`;
              const floor = Math.min(MIN_HEIGHT_PX, window.innerHeight - 2 * EDGE_PX);
              elements.floating.style.maxHeight = `${Math.max(floor, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        frame.style.left = `${x}px`;
        frame.style.top = `${y}px`;
      });
    await place();
    if (generation !== this.generation) return;
    this.stopFollowing = autoUpdate(reference, frame, () => logFailure(place(), 'place its card'));
  }
}
