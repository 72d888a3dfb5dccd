import { describe, expect, it } from 'vitest';
import {
  MAX_MAP_MENTIONS,
  parseFromPageMap,
  parsePageInfo,
  parseTabMentions,
  parseToBackground,
  parseToContentScript,
  parseToPageMap,
  sumCounts,
  totalMentions,
} from '../../engine/messages';

/** Either receiver's parse: what the tests below say of a message holds for the one it is meant for. */
const parseMessage = (value: unknown) => parseToBackground(value) ?? parseToContentScript(value);

describe('messages by direction', () => {
  it('reach only the receiver they are meant for', () => {
    for (const message of [
      { type: 'frame-mentions', counts: {}, unmarked: {} },
      { type: 'tab-mentions', tabId: 1 },
      { type: 'reveal-entity', tabId: 1, lensId: 'alibaba' },
    ]) {
      expect(parseToBackground(message)).toEqual(message);
      expect(parseToContentScript(message)).toBeNull();
    }
    for (const message of [
      { type: 'step-mention', direction: 'next' },
      { type: 'page-info' },
      { type: 'show-entity', lensId: 'alibaba' },
      { type: 'mark-story', packId: 'china-tech-reset' },
      { type: 'list-unmarked' },
    ]) {
      expect(parseToContentScript(message)).toEqual(message);
      expect(parseToBackground(message)).toBeNull();
    }
  });
});

describe('parsing a message', () => {
  it('accepts the messages of the union', () => {
    expect(parseMessage({ type: 'frame-mentions', counts: { alibaba: 2 }, unmarked: { australia: 3 } })).toEqual({
      type: 'frame-mentions',
      counts: { alibaba: 2 },
      unmarked: { australia: 3 },
    });
    expect(parseMessage({ type: 'tab-mentions', tabId: 12 })).toEqual({ type: 'tab-mentions', tabId: 12 });
    expect(parseMessage({ type: 'page-info' })).toEqual({ type: 'page-info' });
    expect(parseMessage({ type: 'reveal-entity', tabId: 3, lensId: 'jack-ma' })).toEqual({
      type: 'reveal-entity',
      tabId: 3,
      lensId: 'jack-ma',
    });
    expect(parseMessage({ type: 'show-entity', lensId: 'alibaba' })).toEqual({
      type: 'show-entity',
      lensId: 'alibaba',
    });
    expect(parseMessage({ type: 'step-mention', direction: 'previous' })).toEqual({
      type: 'step-mention',
      direction: 'previous',
    });
  });

  it.each([
    null,
    'frame-mentions',
    { type: 'unknown' },
    { type: 'frame-mentions' },
    { type: 'frame-mentions', counts: [], unmarked: {} },
    { type: 'frame-mentions', counts: { alibaba: 1.5 }, unmarked: {} },
    { type: 'frame-mentions', counts: { alibaba: -1 }, unmarked: {} },
    { type: 'frame-mentions', counts: { '<img src=x>': 1 }, unmarked: {} },
    { type: 'frame-mentions', counts: { alibaba: 1 } },
    { type: 'frame-mentions', counts: { alibaba: 1 }, unmarked: { australia: -1 } },
    { type: 'mark-story' },
    { type: 'mark-story', packId: '../other' },
    { type: 'tab-mentions', tabId: '12' },
    { type: 'tab-mentions', tabId: -1 },
    { type: 'reveal-entity', tabId: 3 },
    { type: 'reveal-entity', tabId: -3, lensId: 'alibaba' },
    { type: 'show-entity', lensId: '<b>' },
    { type: 'step-mention' },
    { type: 'step-mention', direction: 'sideways' },
  ])('rejects %j', (value) => {
    expect(parseMessage(value)).toBeNull();
  });

  it('rejects an oversized report', () => {
    const counts = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`e${i}`, 1]));
    expect(parseMessage({ type: 'frame-mentions', counts, unmarked: {} })).toBeNull();
    expect(parseMessage({ type: 'frame-mentions', counts: {}, unmarked: counts })).toBeNull();
  });
});

describe('counting', () => {
  it('sums frames and totals', () => {
    const sum = sumCounts([{ a: 1, b: 2 }, { b: 3 }]);
    expect(sum).toEqual({ a: 1, b: 5 });
    expect(totalMentions(sum)).toBe(6);
  });
});

describe('parseTabMentions', () => {
  it('accepts a tab’s marked and unmarked counts, and nothing else', () => {
    expect(parseTabMentions({ counts: { alibaba: 2 }, unmarked: { australia: 34 } })).toEqual({
      counts: { alibaba: 2 },
      unmarked: { australia: 34 },
    });
    for (const value of [null, { alibaba: 2 }, { counts: { alibaba: 2 } }, { counts: {}, unmarked: [] }]) {
      expect(parseTabMentions(value)).toBeNull();
    }
  });
});

describe('parsePageInfo', () => {
  it('accepts a URL and whether the page was read only in part, and nothing else', () => {
    expect(parsePageInfo({ url: 'https://example.com/', partial: true })).toEqual({
      url: 'https://example.com/',
      partial: true,
    });
    // Anything but true reads as a page read whole.
    for (const partial of [undefined, 'yes', 1, false]) {
      expect(parsePageInfo({ url: 'https://example.com/', partial })).toEqual({
        url: 'https://example.com/',
        partial: false,
      });
    }
    expect(parsePageInfo(undefined)).toBeNull();
    expect(parsePageInfo({ url: 5 })).toBeNull();
  });
});

describe('the page map’s messages', () => {
  const mention = { lensId: 'alibaba', before: 'regulators fined ', text: 'Alibaba', after: ' a record sum' };

  it('accept a map, the mentions in view and a reveal', () => {
    const map = { type: 'map', version: 3, mentions: [mention], total: 1 };
    expect(parseFromPageMap(map)).toEqual(map);
    expect(parseFromPageMap({ type: 'in-view', version: 3, indices: [0] })).toEqual({
      type: 'in-view',
      version: 3,
      indices: [0],
    });
    expect(parseToPageMap({ type: 'reveal-mention', version: 3, index: 0 })).toEqual({
      type: 'reveal-mention',
      version: 3,
      index: 0,
    });
  });

  it.each([
    ['a map without a version', { type: 'map', mentions: [mention], total: 1 }],
    ['a total below the mentions listed', { type: 'map', version: 1, mentions: [mention], total: 0 }],
    ['a foreign lens id', { type: 'map', version: 1, mentions: [{ ...mention, lensId: '<b>' }], total: 1 }],
    [
      'a glimpse longer than the map shows',
      { type: 'map', version: 1, mentions: [{ ...mention, before: 'x'.repeat(60) }], total: 1 },
    ],
    ['an empty name', { type: 'map', version: 1, mentions: [{ ...mention, text: '' }], total: 1 }],
    [
      'more mentions than a map lists',
      { type: 'map', version: 1, mentions: Array(MAX_MAP_MENTIONS + 1).fill(mention), total: 2000 },
    ],
    ['a place past the list', { type: 'in-view', version: 1, indices: [MAX_MAP_MENTIONS] }],
    ['a place that is not a whole number', { type: 'in-view', version: 1, indices: [0.5] }],
  ])('refuse %s', (_, message) => {
    expect(parseFromPageMap(message)).toBeNull();
  });

  it('refuse a reveal of no place, or of another kind', () => {
    expect(parseToPageMap({ type: 'reveal-mention', version: 1, index: -1 })).toBeNull();
    expect(parseToPageMap({ type: 'reveal-mention', index: 0 })).toBeNull();
    expect(parseToPageMap({ type: 'step-mention', direction: 'next' })).toBeNull();
    expect(parseToPageMap(null)).toBeNull();
  });
});
