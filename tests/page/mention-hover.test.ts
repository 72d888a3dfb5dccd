import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { KIND_SCHEME } from '../../page/highlight/highlight-renderer';
import type { Anchor, Announcement, CardContent, CardView } from '../../page/hover/card-view';
import { MentionHover } from '../../page/hover/mention-hover';
import { PageHighlighter } from '../../page/start/page-highlighter';
import { EVERY_MENTION_MARKED, FIRMS_AND_A_CITY, showPage } from './page-fixtures';

/** The card as the hover drives it, recorded: what it was asked to show, and where focus is. */
class RecordedCard implements CardView {
  readonly hostElement = null;
  hasFocus = false;
  shown: { content: CardContent; anchor: Anchor }[] = [];
  said: Announcement[] = [];
  open = false;
  show(content: CardContent, anchor: Anchor): Promise<void> {
    this.shown.push({ content, anchor });
    this.open = true;
    return Promise.resolve();
  }
  prepare(): Promise<void> {
    return Promise.resolve();
  }
  update(): Promise<void> {
    return Promise.resolve();
  }
  hide(): void {
    this.open = false;
    this.hasFocus = false;
  }
  focus(): void {
    this.hasFocus = true;
  }
  announce(announcement: Announcement): Promise<void> {
    this.said.push(announcement);
    return Promise.resolve();
  }
  privatePaint(): Promise<null> {
    return Promise.resolve(null);
  }
  dispose(): void {}
}

let card: RecordedCard;
let highlighter: PageHighlighter;
let hover: MentionHover;

beforeEach(async () => {
  showPage('<button>Before</button><p><span id="firm">Alibaba</span> grew in <span id="city">Hangzhou</span>.</p>');
  highlighter = new PageHighlighter(document, {
    matcher: FIRMS_AND_A_CITY,
    scheme: KIND_SCHEME,
    marking: EVERY_MENTION_MARKED,
    ownHost: () => null,
    onCountsChanged: () => undefined,
  });
  await highlighter.start();
  card = new RecordedCard();
  hover = new MentionHover({
    layer: card,
    showDelayMs: 20,
    mentions: {
      mentionsAt: (node, offset) => highlighter.mentionsAt(node, offset),
      has: (mention) => highlighter.has(mention),
      mentions: () => highlighter.shownMentions(),
      privatePaint: () => null,
    },
  });
  hover.mentionsChanged();
  hover.start();
});

afterEach(() => {
  hover.dispose();
  highlighter.stop();
  document.body.replaceChildren();
});

const element = (id: string) => document.getElementById(id) as HTMLElement;

describe('MentionHover', () => {
  it('opens the card of the name the mouse rests on, after the delay', async () => {
    await userEvent.hover(element('firm'));
    await vi.waitFor(() => expect(card.shown.map(({ content }) => content.lensId)).toEqual(['alibaba']));
    const [{ content, anchor }] = card.shown as [{ content: CardContent; anchor: Anchor }];
    expect(anchor.range.toString()).toBe('Alibaba');
    expect(content.places.get('alibaba')).toEqual({ count: 1, position: 1 });
    expect(content.touch).toBeNull();
  });

  it('closes the card on Escape', async () => {
    await userEvent.hover(element('city'));
    await vi.waitFor(() => expect(card.open).toBe(true));
    await userEvent.keyboard('{Escape}');
    expect(card.open).toBe(false);
  });

  it('opens nothing for pointer events a page script makes up', async () => {
    const { left, top } = element('firm').getBoundingClientRect();
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: left + 2, clientY: top + 2, bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(card.shown).toEqual([]);
  });

  it('steps by keyboard to the next mention, focus in its card, said aloud, and gives focus back on closing', async () => {
    // Steps go only through mentions a reader can see, judged once the page has rendered.
    await vi.waitFor(() => expect([...highlighter.shownMentions()]).toHaveLength(2));
    const before = document.querySelector('button') as HTMLButtonElement;
    before.focus();
    hover.step('next');
    await vi.waitFor(() => expect(card.hasFocus).toBe(true));
    expect(card.shown[0]?.anchor.point).toBeNull();
    expect(card.said).toEqual([{ type: 'mention', lensId: 'alibaba', place: { count: 1, position: 1 } }]);
    card.shown[0]?.content.onClose();
    expect(document.activeElement).toBe(before);
  });
});
