import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compareMentions, firstFromViewport, stepFrom } from '../../page/highlight/mention-order';
import type { PageMention } from '../../page/highlight/mention-store';

/** A mention over `length` characters of a text node, from `start`. */
function mentionIn(text: Text, start: number, length: number, lensId = 'alibaba'): PageMention {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + length);
  return { lensId, kind: 'firm', range, nodes: [text], later: false, opens: false };
}

const textIn = (element: Element | ShadowRoot) => element.firstChild as Text;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('reading order of mentions', () => {
  it('orders by position in the document, then by offset in a text node', () => {
    document.body.innerHTML = '<p id="a">Alibaba and Alibaba</p><p id="b">Alibaba</p>';
    const a = textIn(document.getElementById('a') as Element);
    const b = textIn(document.getElementById('b') as Element);
    const m = [mentionIn(b, 0, 7), mentionIn(a, 12, 7), mentionIn(a, 0, 7)];
    expect(
      m.sort(compareMentions).map((x) => `${(x.range.startContainer.parentNode as Element).id}${x.range.startOffset}`),
    ).toEqual(['a0', 'a12', 'b0']);
  });

  it('puts text in a shadow tree where its host stands', () => {
    document.body.innerHTML = '<p id="a">Alibaba</p><div id="host"></div><p id="c">Alibaba</p>';
    const host = document.getElementById('host') as Element;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Alibaba</span>';
    const inner = mentionIn(textIn(shadow.firstElementChild as Element), 0, 7);
    const before = mentionIn(textIn(document.getElementById('a') as Element), 0, 7);
    const after = mentionIn(textIn(document.getElementById('c') as Element), 0, 7);
    expect([after, inner, before].sort(compareMentions)).toEqual([before, inner, after]);
  });
});

describe('stepping through mentions', () => {
  let ordered: PageMention[];
  beforeEach(() => {
    document.body.innerHTML = '<p>Alibaba</p><p>Alibaba</p><p>Alibaba</p>';
    ordered = [...document.querySelectorAll('p')].map((p) => mentionIn(textIn(p), 0, 7));
  });

  it('moves to the neighbour and wraps round at both ends', () => {
    const [first, second, third] = ordered as [PageMention, PageMention, PageMention];
    expect(stepFrom(ordered, first, 'next')).toBe(second);
    expect(stepFrom(ordered, third, 'next')).toBe(first);
    expect(stepFrom(ordered, first, 'previous')).toBe(third);
  });

  it('finds the neighbour by position when the open mention is no longer listed', () => {
    const [first, second, third] = ordered as [PageMention, PageMention, PageMention];
    const rest = [first, third];
    expect(stepFrom(rest, second, 'next')).toBe(third);
    expect(stepFrom(rest, second, 'previous')).toBe(first);
  });

  it('has nothing to step to on a page without mentions', () => {
    expect(stepFrom([], ordered[0] as PageMention, 'next')).toBeNull();
  });
});

describe('where keyboard navigation starts', () => {
  /** Mentions laid out top to bottom at these viewport positions. */
  function at(tops: number[]): PageMention[] {
    document.body.innerHTML = tops.map(() => '<p>Alibaba</p>').join('');
    return [...document.querySelectorAll('p')].map((p, i) => {
      const mention = mentionIn(textIn(p), 0, 7);
      vi.spyOn(mention.range, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, tops[i], 50, 20));
      return mention;
    });
  }

  it('goes forward from the first mention at or below the top of the view', () => {
    const mentions = at([-400, -20, 10, 300, 1200]);
    expect(firstFromViewport(mentions, 'next', 800)).toBe(mentions[2]);
  });

  it('goes back from the last mention above the bottom of the view', () => {
    const mentions = at([-400, -20, 10, 300, 1200]);
    expect(firstFromViewport(mentions, 'previous', 800)).toBe(mentions[3]);
  });

  it('wraps when every mention lies on the other side', () => {
    const above = at([-900, -500]);
    expect(firstFromViewport(above, 'next', 800)).toBe(above[0]);
    const below = at([900, 1500]);
    expect(firstFromViewport(below, 'previous', 800)).toBe(below[1]);
  });
});
