import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { PageMention } from '../../page/highlight/mention-store';
import { type CardContentHost, CardContents } from '../../page/hover/card-contents';
import type { CardContent } from '../../page/hover/card-view';

function mentionOf(lensId: string): PageMention {
  return { lensId, kind: 'firm', range: document.createRange() } as PageMention;
}

let open: PageMention | null;
let tapped: { link: HTMLAnchorElement | null } | null;
let host: CardContentHost & { refresh: Mock<(content: CardContent) => void>; dismiss: Mock<() => void> };

beforeEach(() => {
  open = null;
  tapped = null;
  host = {
    placeOf: (lensId) => ({ count: lensId.length, position: 1 }),
    isOpen: (mention) => mention === open,
    refresh: vi.fn<(content: CardContent) => void>(),
    step: vi.fn(),
    dismiss: vi.fn<() => void>(),
    tapped: () => tapped,
  };
});

describe('CardContents', () => {
  it('gives the open mention’s entity its place', () => {
    const alibaba = mentionOf('alibaba');
    const content = new CardContents(host).of(alibaba);
    expect(content.lensId).toBe('alibaba');
    expect([...content.places]).toEqual([['alibaba', { count: 7, position: 1 }]]);
    expect(content.touch).toBeNull();
  });

  it('adds the place of each entity the open card turns to, once, and renders again', () => {
    const alibaba = mentionOf('alibaba');
    open = alibaba;
    const contents = new CardContents(host);
    contents.of(alibaba).onShowEntity('hangzhou');
    contents.of(alibaba).onShowEntity('hangzhou');
    expect(host.refresh).toHaveBeenCalledOnce();
    const refreshed = host.refresh.mock.lastCall?.[0] as CardContent;
    expect([...refreshed.places.keys()]).toEqual(['alibaba', 'hangzhou']);
    contents.reset();
    expect([...contents.of(alibaba).places.keys()]).toEqual(['alibaba']);
  });

  it('ignores a turn asked of a card that is no longer open', () => {
    const content = new CardContents(host).of(mentionOf('alibaba'));
    content.onShowEntity('hangzhou');
    expect(host.refresh).not.toHaveBeenCalled();
  });

  it('offers a tapped name’s link, followed as a click on it, with the card put away', () => {
    const link = document.createElement('a');
    link.href = 'https://example.com/news';
    const clicked = vi.fn((event: Event) => event.preventDefault());
    link.addEventListener('click', clicked);
    tapped = { link };
    const touch = new CardContents(host).of(mentionOf('alibaba')).touch;
    expect(touch?.link?.href).toBe('https://example.com/news');
    touch?.link?.follow();
    expect(host.dismiss).toHaveBeenCalledOnce();
    expect(clicked).toHaveBeenCalledOnce();
  });

  it('sizes a tapped card for a finger even when its name is in no link', () => {
    tapped = { link: null };
    expect(new CardContents(host).of(mentionOf('alibaba')).touch).toEqual({ link: null });
  });
});
