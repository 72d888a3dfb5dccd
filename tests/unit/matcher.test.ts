import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import { compileMatcher, type MatchableEntity } from '../../engine/matcher';

const matcher = compileMatcher(BUNDLED_PACK.entities);
const found = (text: string) => matcher.findMentions(text).mentions.map((m) => [m.entityId, m.text]);

describe('matcher rules', () => {
  it.each([
    ['Alibaba shares rose', [['alibaba', 'Alibaba']]],
    ['Jack Maynard scored', []],
    ['Alibabas everywhere', []],
    ['Alibaba’s founder', [['alibaba', 'Alibaba']]],
    ["Alibaba's founder", [['alibaba', 'Alibaba']]],
    ['a Hangzhou-based firm', [['hangzhou', 'Hangzhou']]],
    ['a Xiaomi-backed start-up', [['xiaomi', 'Xiaomi']]],
    [
      'JD.com and JD.COM',
      [
        ['jd-com', 'JD.com'],
        ['jd-com', 'JD.COM'],
      ],
    ],
    ['ALIBABA SHARES SOAR', [['alibaba', 'ALIBABA']]],
    ['alibaba in lower case', []],
    ['the CCP and the ccp', [['ccp', 'CCP']]],
    ['NDRC, Ndrc, ndrc', [['ndrc', 'NDRC']]],
    [
      '阿里巴巴和杭州',
      [
        ['alibaba', '阿里巴巴'],
        ['hangzhou', '杭州'],
      ],
    ],
    ['马云说', [['jack-ma', '马云']]],
    ['Alibaba Group said', [['alibaba', 'Alibaba Group']]],
    ['the Communist Party of China met', [['ccp', 'Communist Party of China']]],
    ['in Beijing.', [['beijing', 'Beijing']]],
    ['在Alibaba的', [['alibaba', 'Alibaba']]],
    ['京东方 is not 京东', [['jd-com', '京东']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('counts short forms only after the full name', () => {
    expect(found('Ma said so. Later Jack Ma spoke, and Ma left.')).toEqual([
      ['jack-ma', 'Jack Ma'],
      ['jack-ma', 'Ma'],
    ]);
    expect(found('JD shares rose')).toEqual([]);
    expect(found('JD.com rose; JD fell')).toEqual([
      ['jd-com', 'JD.com'],
      ['jd-com', 'JD'],
    ]);
  });

  it('returns what a block admits and turns away, for the blocks after it', () => {
    const first = matcher.findMentions('Yin said it first. Yin Li visited.');
    expect(first.mentions.map((m) => m.text)).toEqual(['Yin Li']);
    expect([...first.turnedAway]).toEqual(['yin-li']);
    expect([...first.admitted]).toEqual(['yin-li']);
    const next = matcher.findMentions('Yin said more.', first.admitted);
    expect(next.mentions.map((m) => [m.text, m.later])).toEqual([['Yin', true]]);
    expect(next.turnedAway.size).toBe(0);
    expect(next.admitted.size).toBe(0);
  });

  it('leaves the set of what was seen as it was', () => {
    const seen: ReadonlySet<string> = new Set(['jack-ma']);
    matcher.findMentions('Yin Li and Jack Ma met; Ma spoke.', seen);
    expect([...seen]).toEqual(['jack-ma']);
  });

  it('reads runs of white space and invisible chars as the text shows them', () => {
    const text = 'met Jack\n   Ma and Ali\u00adbaba';
    const { mentions } = matcher.findMentions(text);
    expect(mentions.map((m) => [m.start, m.end])).toEqual([
      [4, 14],
      [19, 27],
    ]);
    expect(mentions.map((m) => m.text)).toEqual(['Jack\n   Ma', 'Ali\u00adbaba']);
  });
});

describe('matcher properties', () => {
  const entities: MatchableEntity[] = [
    { id: 'a', kind: 'firm', names: ['Alpha Corp', 'Alpha'], laterMentions: [], notNames: [] },
    { id: 'b', kind: 'city', names: ['Bravo', '布拉沃'], laterMentions: [], notNames: [] },
    { id: 'c', kind: 'person', names: ['Charlie Delta'], laterMentions: [], notNames: [] },
  ];
  const names = entities.flatMap((e) => e.names.map((name) => ({ name, id: e.id })));
  const small = compileMatcher(entities);
  const filler = fc.stringMatching(/^[a-z .,;!?]{0,12}$/);

  it('finds every inserted name at its offsets, with no overlap and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, fc.constantFrom(...names)), { maxLength: 8 }), filler, (parts, tail) => {
        let text = '';
        const expected: [string, number, number][] = [];
        for (const [gap, { name, id }] of parts) {
          // A space keeps inserted names apart, so each stands as a whole word.
          text += `${gap} `;
          expected.push([id, text.length, text.length + name.length]);
          text += `${name} `;
        }
        text += tail;
        const { mentions } = small.findMentions(text);
        expect(mentions.map((m) => [m.entityId, m.start, m.end])).toEqual(expected);
        for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        for (let i = 1; i < mentions.length; i++) {
          expect(mentions[i]?.start).toBeGreaterThanOrEqual(mentions[i - 1]?.end ?? 0);
        }
      }),
    );
  });
});

describe('the first test of a whole text', () => {
  it.each([
    ['Alibaba shares rose', true],
    ['JD shares rose, Ma said', false],
    ['a page about nothing we know', false],
    // Blocks run together in a document's whole text: names still show.
    ['HeadlineAlibabaShares', true],
    ['BylineJack\n  Maynard', true],
    ['ALIBABA', true],
    ['阿里巴巴', true],
  ])('%s', (text, expected) => {
    expect(matcher.fullNameSpotter()(text, 0, text.length)).toBe(expected);
  });

  it('sees a name split between two pieces', () => {
    const text = 'said Jack \n Ma today';
    for (let cut = 0; cut <= text.length; cut++) {
      const spot = matcher.fullNameSpotter();
      expect(spot(text, 0, cut) || spot(text, cut, text.length)).toBe(true);
    }
    const spot = matcher.fullNameSpotter();
    expect(spot('Jack', 0, 4)).toBe(false);
    expect(spot('son', 0, 3)).toBe(false);
  });

  it('is true whenever some block of the text holds a full name', () => {
    const block = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...BUNDLED_PACK.entities.flatMap((e) => e.names)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(block, fc.string({ maxLength: 3 })), { maxLength: 6 }), (blocks) => {
        const named = blocks.some(([text]) => matcher.findMentions(text).admitted.size > 0);
        // The joins stand for what lies between blocks in a document's text.
        const whole = blocks.map(([text, join]) => text + join).join('');
        if (named) expect(matcher.fullNameSpotter()(whole, 0, whole.length)).toBe(true);
      }),
    );
  });
});

describe('word boundaries beyond ASCII', () => {
  it.each([
    ['Alibabaé', []],
    ['éAlibaba', []],
    ['Alibabaß', []],
    ['AlibabaΩ', []],
    ['AlibabaЖ', []],
    ['Alibaba\u0301', []],
    ['ＡAlibaba', []],
    ['Alibaba。', [['alibaba', 'Alibaba']]],
    ['«Alibaba»', [['alibaba', 'Alibaba']]],
    ['(Alibaba)', [['alibaba', 'Alibaba']]],
    ['ของAlibabaใน', [['alibaba', 'Alibaba']]],
    ['アリババAlibabaの', [['alibaba', 'Alibaba']]],
    ['Alibaba😀', [['alibaba', 'Alibaba']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
