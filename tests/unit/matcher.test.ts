import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchableEntity } from '../../engine/matcher/matcher';
import { CHINA_PACK, HUAWEI_PACK } from '../bundled-stories';

const matcher = compileMatcher(CHINA_PACK.entities);
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
    ['tags: alibaba, ant group', [['alibaba', 'alibaba']]],
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

/** Full names seen earlier on the page for every later form, so each case below tests only the words around the form. */
const GATES_OPEN: ReadonlySet<string> = matcher.entitiesWithLaterForms;
const laterIn = (text: string) =>
  matcher
    .findMentions(text, GATES_OPEN)
    .mentions.filter((m) => m.later)
    .map((m) => m.text);

describe('lookalike rules: a later form next to another capitalised name is part of that name', () => {
  it.each([
    ['Ma Ying-jeou visited Taipei.', []],
    ['Ma Jun runs an environmental group.', []],
    ['Pony Ma runs Tencent.', []],
    ['Yin Wei spoke.', []],
    ['JD Sports rose.', []],
    ['Cuban Communist Party leaders met.', []],
    // A possessive names an owner, so the form may be that owner's someone else.
    ['Beijing’s Yin said so.', []],
    // Titles and honorifics do not make another name.
    ['J. Ma wrote it.', []],
    ['Mr. Ma said so.', ['Ma']],
    ['Dr. Yin agreed. Ma did not.', ['Yin', 'Ma']],
    ['Secretary Yin spoke.', ['Yin']],
    ['Party Secretary Yin spoke.', ['Yin']],
    ['Founder Ma left.', ['Ma']],
    // A sentence's first word is capitalised anyway: a common word is not a name, anything else is.
    ['When Ma spoke, Yin listened.', ['Ma', 'Yin']],
    ['Later Ma said so.', ['Ma']],
    ['Ma said so.', ['Ma']],
    ['Critics of Ma agreed.', ['Ma']],
    ['JD shares rose.', ['JD']],
    ['The Communist Party said so.', ['Communist Party']],
  ])('%s', (text, expected) => {
    expect(laterIn(text)).toEqual(expected);
  });
});

describe('lookalike rules: a number in an amount, a longer number, a model name or a compound is a number', () => {
  it.each([
    ['It paid $360 million.', []],
    ['It paid US$360.', []],
    ['Sales hit 1,360 units.', []],
    ['A score of 360.5 points.', []],
    ['A 360-degree view.', []],
    ['The non-360 models.', []],
    ['The Xbox 360 console.', []],
    ['Up 360% on the year.', []],
    ['About 360 people came.', []],
    ['It took 360 days.', []],
    ['Ticket #360 won.', []],
    ['360 said it would appeal.', ['360']],
    // After a quantity word, and before anything but a subject's verb, a number is a count.
    ['Shares of 360 fell.', []],
    ['A total of 360.', []],
    ['The firm hired 360 engineers.', []],
    ['360 and JD fell.', ['360', 'JD']],
    ['She earned a JD/MBA.', []],
    ['Visit JD.co.uk today.', []],
    ['Investors like 360, analysts say.', ['360']],
  ])('%s', (text, expected) => {
    expect(laterIn(text)).toEqual(expected);
  });
});

describe('lookalike rules: the capitals copy of a later form counts only on a line in capitals', () => {
  it.each([
    ['He moved to Springfield, MA last year.', []],
    ['Boston, MA 02134', []],
    ['MA SAID TO PLAN RETURN', ['MA']],
    ['WHY THE COMMUNIST PARTY IS BACKING TECH', ['COMMUNIST PARTY']],
    // Even in capitals a neighbour that is not a common word is a name.
    ['MA YING-JEOU IN TAIPEI', []],
    // JD is written in capitals: it is no copy, and counts in any line.
    ['Why JD matters', ['JD']],
  ])('%s', (text, expected) => {
    expect(laterIn(text)).toEqual(expected);
  });
});

describe('lookalike rules: a qualifier after a body’s later form makes it another body', () => {
  it.each([
    ['The Communist Party of Cuba met.', []],
    ['The Communist Party of the Russian Federation met.', []],
    // A person's "of" is an affiliation.
    ['Ma of Alibaba said so.', ['Ma']],
  ])('%s', (text, expected) => {
    expect(laterIn(text)).toEqual(expected);
  });
});

describe('only primary full names open the gate', () => {
  it.each([
    ['Ma Yun spoke. Ma said.', ['Ma Yun']],
    ['马云说。Ma said.', ['马云']],
    ['Qihoo spoke. 360 said.', ['Qihoo']],
    ['Jingdong rose; JD fell.', ['Jingdong']],
    ['Jack Maynard scored; Ma said.', []],
    ['Jack Ma spoke. Ma said.', ['Jack Ma', 'Ma']],
    ['JACK MA SPEAKS. Ma said.', ['JACK MA', 'Ma']],
    ['Communist Party of Cuba and CPC. The Communist Party said.', ['CPC']],
    ['The Communist Party of China met.', ['Communist Party of China']],
  ])('%s', (text, expected) => {
    expect(found(text).map(([, t]) => t)).toEqual(expected);
  });

  it('turns a rejected lookalike away from nothing: it is no later form waiting for a full name', () => {
    expect([...matcher.findMentions('Pony Ma and JD Sports').turnedAway]).toEqual([]);
    expect([...matcher.findMentions('Ma and JD').turnedAway]).toEqual(['jack-ma', 'jd-com']);
  });
});

describe('Chinese lookalikes', () => {
  it.each([
    ['南京东路的店', []],
    ['东京东部', []],
    ['一碗小米饭', []],
    ['小米椒炒肉', []],
    ['小米粥', []],
    ['浙江省发改委', []],
    ['北京市发改委', [['beijing', '北京']]],
    ['国家发改委', [['ndrc', '国家发改委']]],
    ['发改委表示', [['ndrc', '发改委']]],
    ['京东集团', [['jd-com', '京东集团']]],
    ['快手科技', [['kuaishou', '快手科技']]],
    ['小米集团', [['xiaomi', '小米集团']]],
    ['阿里集团', [['alibaba', '阿里集团']]],
    ['360集团', [['qihoo-360', '360集团']]],
    ['阿里发布最强AI芯片', [['alibaba', '阿里']]],
    ['腾讯QQ、阿里旺旺', [['alibaba', '阿里旺旺']]],
    ['阿里山的日出', []],
    ['360网站安全检测平台', [['qihoo-360', '360网站安全']]],
    ['360度全景', []],
    ['党中央决定', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('the state planner, China’s only once the commission is named', () => {
  const afterCommission = (text: string) =>
    matcher.findMentions(text, new Set(['ndrc'])).mentions.map((m) => [m.entityId, m.text]);

  it.each([
    ['The state planner praised Alibaba', [['alibaba', 'Alibaba']]],
    ['Chinese state planner data', [['ndrc', 'Chinese state planner']]],
  ])('%s, on its own', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['The state planner praised it', [['ndrc', 'state planner']]],
    ['THE STATE PLANNER SAID SO', [['ndrc', 'STATE PLANNER']]],
    ['India’s state planner disagreed', []],
    ['Vietnam’s state planner disagreed', []],
  ])('%s, after the commission', (text, expected) => {
    expect(afterCommission(text)).toEqual(expected);
  });
});

describe('casing and punctuation', () => {
  it.each([
    ['Netease shares', [['netease', 'Netease']]],
    [
      'View All xiaomi Xiaomi Launches',
      [
        ['xiaomi', 'xiaomi'],
        ['xiaomi', 'Xiaomi'],
      ],
    ],
    [
      "CHINA'S STATE PLANNER PRAISES ALIBABA",
      [
        ['ndrc', "CHINA'S STATE PLANNER"],
        ['alibaba', 'ALIBABA'],
      ],
    ],
    [
      'China’s State Planner Praises Alibaba',
      [
        ['ndrc', 'China’s State Planner'],
        ['alibaba', 'Alibaba'],
      ],
    ],
    ['the Chinese Communist party', [['ccp', 'Chinese Communist party']]],
    ["China's ruling Communist Party", [['ccp', "China's ruling Communist Party"]]],
    ['China’s ruling Communist Party', [['ccp', 'China’s ruling Communist Party']]],
    ['the National Development & Reform Commission', [['ndrc', 'National Development & Reform Commission']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('matcher properties', () => {
  const entities: MatchableEntity[] = [
    {
      id: 'a',
      kind: 'firm',
      names: ['Alpha Corp', 'Alpha'],
      laterMentions: [],
      opensLaterMentions: [],
      notNames: [],
      notAfter: [],
    },
    {
      id: 'b',
      // A firm: a place's name before "Alpha Corp" would be a firm's, by the rules of its kind (tested in name-context).
      kind: 'firm',
      names: ['Bravo', '布拉沃'],
      laterMentions: [],
      opensLaterMentions: [],
      notNames: [],
      notAfter: [],
    },
    {
      id: 'c',
      kind: 'person',
      names: ['Charlie Delta'],
      laterMentions: [],
      opensLaterMentions: [],
      notNames: [],
      notAfter: [],
    },
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

  it('looks only for the names a filter admits, and records the others it reads past', () => {
    const passed = new Set<string>();
    const spot = matcher.fullNameSpotter({ admits: (id) => id === 'alibaba', passed });
    expect(spot('Officials in Beijing and Hangzhou', 0, 33)).toBe(false);
    expect([...passed].sort()).toEqual(['beijing', 'hangzhou']);
    expect(spot('; then Alibaba', 0, 14)).toBe(true);
  });

  it('is true whenever some block of the text holds a full name', () => {
    const block = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...CHINA_PACK.entities.flatMap((e) => e.names)),
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

describe('names where two elements’ texts run on without a space', () => {
  /** The names found in `parts`, each part the text of its own element in one block. */
  const foundInNodes = (parts: string[]) => {
    const starts = parts.map((_, i) => parts.slice(0, i).join('').length).slice(1);
    return matcher.findMentions(parts.join(''), undefined, starts).mentions.map((m) => [m.entityId, m.text]);
  };

  it.each([
    [['Vivo X21', 'Alibaba shares'], [['alibaba', 'Alibaba']]],
    [['Compare vs', 'Alibaba'], [['alibaba', 'Alibaba']]],
    [['Alibaba', 'News'], [['alibaba', 'Alibaba']]],
  ])('%j: a capital after a lower-case letter or a digit starts a word', (parts, expected) => {
    expect(foundInNodes(parts)).toEqual(expected);
  });

  it.each([
    // A word split between elements goes on in lower case; a capital inside one node is no boundary.
    [['Alibaba', 'ssadors']],
    [['Super', 'alibaba']],
    [['vsAlibaba']],
    [['X21Alibaba']],
  ])('%j: no name', (parts) => {
    expect(foundInNodes(parts)).toEqual([]);
  });
});

describe('the forms the press uses for the Huawei story', () => {
  const huawei = compileMatcher(HUAWEI_PACK.entities);
  const inHuawei = (text: string, seen?: Set<string>) =>
    huawei.findMentions(text, seen).mentions.map((m) => [m.entityId, m.text]);

  it.each([
    ['拆个菊厂的m30', [['huawei', '菊厂']]],
    ['Chinese authorities said', [['chinese-government', 'Chinese authorities']]],
    ['中国当局表示', [['chinese-government', '中国当局']]],
    ['中国官方为何不能容忍', [['chinese-government', '中国官方']]],
    ['中國官方回應', [['chinese-government', '中國官方']]],
    ['据中国官方媒体报道', []],
    ['访问品牌中国官方网站', []],
    ['天猫中国官方旗舰店', []],
    ['Germany trounces Blighty for cyber security', [['britain', 'Blighty']]],
    ['tags: huawei, 5G', [['huawei', 'huawei']]],
    ['Probe Ends, House Intel Finds No Evidence', [['house-intelligence-committee', 'House Intel']]],
    ['the White House Intel chief', []],
    ['a general falls from Xi Government’s graces', [['chinese-government', 'Xi Government']]],
    ['the Audit and Financial Review Treasury service', []],
    ['Chinese state news agency Xinhua said', []],
    ['the Chinese state TV channel', []],
    ['a Chinese state-affiliated group', []],
    ['the Chinese state denied it', [['chinese-government', 'Chinese state']]],
    ['允许他们在英工作', [['britain', '英']]],
    [
      '来自美、英、日、德、澳、加拿大',
      [
        ['britain', '英'],
        ['australia', '澳'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(inHuawei(text)).toEqual(expected);
  });

  it('reads “Financial Review” as the Australian paper only after its full name', () => {
    expect(inHuawei('the Financial Review reported')).toEqual([]);
    expect(inHuawei('the Australian Financial Review said; the Financial Review reported')).toEqual([
      ['australian-financial-review', 'Australian Financial Review'],
      ['australian-financial-review', 'Financial Review'],
    ]);
  });

  it('reads “Ren” as Ren Zhengfei only after his full name', () => {
    expect(inHuawei('Ren said so')).toEqual([]);
    expect(inHuawei('Ren said so', new Set(['ren-zhengfei']))).toEqual([['ren-zhengfei', 'Ren']]);
  });
});

describe('the China story’s bodies and places inside other names', () => {
  const found = (text: string) => matcher.findMentions(text).mentions.map((m) => [m.entityId, m.text]);

  it.each([
    ['人民网+ 中国共产党新闻网 领导留言板', []],
    ['held in the Shenzhen International Bio Valley', []],
    ['the Shenzhen Economic Daily reported', []],
    ['中集首秀“深圳国际家具展”', []],
    ['据北京青少年中心相关负责人介绍', []],
    ['中国电信股份有限公司北京研究院', []],
    ['天津运河桃花节本月下旬开幕', []],
    ['传达贯彻党中央、国务院精神', []],
  ])('%s: the name is part of another', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['中国共产党新闻发布会', [['ccp', '中国共产党']]],
    ['共产党杀手嚣张横行', [['ccp', '共产党']]],
    ['林语堂：共匪骗诱侨生', [['ccp', '共匪']]],
    ['日本共产党委员长', []],
    ['公司位于深圳市中心', [['shenzhen', '深圳']]],
    ['商务部来津调研', [['tianjin', '津']]],
    ['天津开发区新引进项目', [['tianjin', '天津']]],
    ['a report to China’s economic planner on Wednesday', [['ndrc', 'China’s economic planner']]],
  ])('%s names it', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
