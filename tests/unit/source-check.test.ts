import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { sourceWarnings } from '../../engine/packs/source-check';
import { sourceParagraphs } from '../../tools/scripts/source-paragraphs';
import { PACK_SOURCES } from '../shared-paths';

interface Sketch {
  language?: string;
  /** The article: one paragraph, cited as P1, unless more are given. */
  paragraphs: string[];
  /** Facts, each citing P1 unless it says otherwise. */
  facts?: (string | { text: string; paragraph: string })[];
  /** Relations between the sketch's two entities, A and B, by their wording. */
  relations?: { forward: string; reverse: string }[];
  /** The entities' names: what a claim is not judged on. */
  names?: [string, string];
  translations?: StoryPack['translations'];
}

/** A small pack around a paragraph or two: only what the check reads. */
function sketch({ language = 'en', paragraphs, facts = [], relations = [], names = ['A', 'B'], translations }: Sketch) {
  const pack = {
    schemaVersion: 2,
    id: 'sketch',
    version: '1',
    title: 'A sketch',
    language,
    author: 'Test',
    licence: 'CC0',
    source: {
      title: 'An article',
      publisher: 'Not stated',
      date: 'undated',
      summary: [{ text: 'A sketch of a story.', background: true }],
      paragraphs: paragraphs.map((_, i) => ({ id: `P${i + 1}`, label: `¶${i + 1}`, position: i + 1 })),
    },
    phases: [
      {
        id: 'now',
        label: 'Now',
        order: 1,
        period: 'Now',
        colour: '#000000',
        description: { text: 'Now.', background: true },
      },
    ],
    relationTypes: relations.map((r, i) => ({ id: `r${i}`, ...r })),
    keyFigures: [],
    entities: names.map((name, i) => ({
      id: i === 0 ? 'a' : 'b',
      kind: 'firm',
      name,
      description: [{ text: 'A firm.', background: true }],
      names: [name],
      laterMentions: [],
      opensLaterMentions: [],
      notNames: [],
      notAfter: [],
    })),
    facts: facts.map((fact, i) => ({
      id: `f${i}`,
      phase: 'now',
      entities: [],
      ...(typeof fact === 'string' ? { text: fact, paragraph: 'P1' } : fact),
    })),
    relations: relations.map((_, i) => ({ from: 'a', type: `r${i}`, to: 'b', paragraph: 'P1' })),
    arc: [],
    ...(translations === undefined ? {} : { translations }),
  };
  return sourceWarnings(pack as StoryPack, paragraphs);
}

/** What each warning says, in short: its code, path and the paragraph's word. */
const brief = (warnings: ReturnType<typeof sourceWarnings>) =>
  warnings.map((w) => [w.code, w.path, 'hedge' in w ? w.hedge : w.marker]);

describe('a dropped hedge', () => {
  // The article's ¶7, retold: a project never holds a sentence of an article.
  const P7 =
    'To get there, Beijing has lately started to undo some of the major rules brought in for the pandemic. ' +
    'Hints suggest curbs on the property market might be relaxed soon. The step shows a readiness to try new things.';

  it('is found where the paragraph says “some of” the policies and the pack says the policies', () => {
    expect(
      brief(
        sketch({ paragraphs: [P7], facts: ['Beijing has begun to roll back major policies of the pandemic years.'] }),
      ),
    ).toEqual([['dropsHedge', '$.facts[0]', 'some']]);
  });

  it('is found where the paragraph says “might be eased” and the pack says “will be eased”', () => {
    expect(brief(sketch({ paragraphs: [P7], facts: ['Curbs on the property market will be relaxed.'] }))).toEqual([
      ['dropsHedge', '$.facts[0]', 'Hints, might'],
    ]);
  });

  it('is not found in a sentence that keeps the hedge, or draws on another clause of the paragraph', () => {
    const facts = [
      'Beijing has begun to roll back some of the major policies of the pandemic years.',
      'Curbs on the property market may be relaxed.',
      'The government is ready to try new things.',
    ];
    expect(sketch({ paragraphs: [P7], facts })).toEqual([]);
  });

  it('needs a hedge of the same kind: “may” does not keep “some”', () => {
    expect(
      brief(sketch({ paragraphs: [P7], facts: ['Beijing may roll back major policies of the pandemic.'] })),
    ).toEqual([['dropsHedge', '$.facts[0]', 'some']]);
  });

  it('takes “about” as a hedge only before a number, and “May” inside a sentence as the month', () => {
    const paragraph =
      'Their market value fell by about $1.1 trillion in May 2021, after critical remarks about Beijing.';
    expect(brief(sketch({ paragraphs: [paragraph], facts: ['Their market value fell by $1.1 trillion.'] }))).toEqual([
      ['dropsHedge', '$.facts[0]', 'about $1.1'],
    ]);
    const faithful = [
      'Their market value fell by about $1.1 trillion.',
      'He made critical remarks about Beijing in May 2021.',
    ];
    expect(sketch({ paragraphs: [paragraph], facts: faithful })).toEqual([]);
  });

  it('takes “reportedly” as hedging its whole sentence, kept by any word that tells who says so', () => {
    const paragraph = 'Reportedly, the firm passed network plans to the state, the paper said.';
    expect(brief(sketch({ paragraphs: [paragraph], facts: ['The firm passed network plans to the state.'] }))).toEqual([
      ['dropsHedge', '$.facts[0]', 'Reportedly'],
    ]);
    expect(
      sketch({ paragraphs: [paragraph], facts: ['The paper said the firm passed network plans to the state.'] }),
    ).toEqual([]);
  });

  it('is found in a Chinese pack against a Chinese article: 一些, 约 before a number, 据报道', () => {
    const paragraph =
      '为此，北京甚至已开始撤回疫情期间实施的一些重大政策。科技公司的市值蒸发约1.1万亿美元。据报道，该公司向政府提供了电信系统的详细资料。杭州与奇虎360签约。';
    const dropped = [
      '北京已开始撤回疫情期间实施的重大政策。',
      '科技公司的市值蒸发了1.1万亿美元。',
      '该公司向政府提供了电信系统的详细资料。',
    ];
    expect(
      brief(sketch({ language: 'zh-CN', paragraphs: [paragraph], facts: dropped, names: ['北京', '奇虎360'] })),
    ).toEqual([
      ['dropsHedge', '$.facts[0]', '一些'],
      ['dropsHedge', '$.facts[1]', '约1'],
      ['dropsHedge', '$.facts[2]', '据报道'],
    ]);
    const kept = [
      '北京已开始撤回疫情期间实施的一些重大政策。',
      '科技公司的市值蒸发约1.1万亿美元。',
      '据称该公司向政府提供了电信系统的详细资料。',
      '杭州与奇虎360签约。', // 签约 signs a deal: its 约 hedges nothing
    ];
    expect(sketch({ language: 'zh-CN', paragraphs: [paragraph], facts: kept, names: ['北京', '奇虎360'] })).toEqual([]);
  });

  it('is not looked for where the pack and the article are in different languages', () => {
    expect(
      sketch({ language: 'en', paragraphs: ['北京已开始撤回一些重大政策。'], facts: ['Beijing rolls back policies.'] }),
    ).toEqual([]);
  });
});

describe('a past state told as present', () => {
  // The article's ¶6, retold.
  const P6 =
    'Hayden sits on the board of Motorola Solutions, a supplier of radios and safety gear. Huawei and Motorola ' +
    'Solutions had previously been locked in patent disputes for several years.';
  const names: [string, string] = ['Motorola Solutions', 'Huawei'];

  it('is found in a relation worded “In dispute with” where the paragraph says they “had previously” been', () => {
    const warnings = sketch({
      paragraphs: [P6],
      names,
      relations: [{ forward: 'In dispute with', reverse: 'In dispute with' }],
    });
    expect(brief(warnings)).toEqual([['pastAsPresent', '$.relations[0]', 'had previously']]);
    expect(warnings[0]?.text).toBe('Motorola Solutions in dispute with Huawei');
  });

  it('is found in a sentence that says they are in dispute', () => {
    const facts = ['Motorola Solutions is in a patent dispute with Huawei.'];
    expect(brief(sketch({ paragraphs: [P6], names, facts }))).toEqual([
      ['pastAsPresent', '$.facts[0]', 'had previously'],
    ]);
  });

  it('is not found where the wording keeps the past, or says something the paragraph puts in the present', () => {
    const facts = [
      'Motorola Solutions had fought Huawei over patents for years.',
      'Hayden is a director of Motorola Solutions.',
    ];
    const relations = [
      { forward: 'Once in dispute with', reverse: 'Once in dispute with' },
      { forward: 'Director of', reverse: 'Director' },
    ];
    expect(sketch({ paragraphs: [P6], names, facts, relations })).toEqual([]);
  });

  it('reads “was in”, “were engaged” and “former” as the past, and “once again” not', () => {
    const paragraph = 'The firm was in talks with the regulator. The former head of the agency spoke.';
    expect(
      brief(
        sketch({
          paragraphs: [paragraph],
          facts: ['The firm is in talks with the regulator.', 'He is head of the agency.'],
        }),
      ),
    ).toEqual([
      ['pastAsPresent', '$.facts[0]', 'was in'],
      ['pastAsPresent', '$.facts[1]', 'former'],
    ]);
    const again = 'Beijing is now seeking warmer links with its tech firms once again.';
    expect(sketch({ paragraphs: [again], facts: ['Beijing is seeking warmer links with its tech firms.'] })).toEqual(
      [],
    );
  });

  it('cannot tell a simple past from a present without a marker word (a known limit)', () => {
    // "disputes" could be either: the check stays silent rather than guess.
    expect(sketch({ paragraphs: [P6], names, facts: ['Motorola Solutions disputes Huawei’s patents.'] })).toEqual([]);
  });

  it('is found in a Chinese pack against a Chinese article: 此前曾 told as 存在', () => {
    const dispute = (fact: string, wording: string) =>
      sketch({
        language: 'zh-CN',
        paragraphs: ['海登是摩托罗拉系统的董事。华为与摩托罗拉系统此前曾多年陷入知识产权纠纷。'],
        names: ['摩托罗拉系统', '华为'],
        facts: [fact],
        relations: [{ forward: wording, reverse: wording }],
      });
    const toldAsPresent = [
      ['pastAsPresent', '$.facts[0]', '此前曾'],
      ['pastAsPresent', '$.relations[0]', '此前曾'],
    ];
    expect(brief(dispute('摩托罗拉系统与华为存在知识产权纠纷。', '存在纠纷'))).toEqual(toldAsPresent);
    expect(dispute('摩托罗拉系统此前曾与华为有知识产权纠纷。', '曾有纠纷')).toEqual([]);
    // 目前 holds 前, but says the present: it keeps no past.
    expect(brief(dispute('摩托罗拉系统目前与华为存在知识产权纠纷。', '目前存在纠纷'))).toEqual(toldAsPresent);
  });
});

describe('a translation that drops its sentence’s hedge', () => {
  const paragraph = 'Beijing has lately started to undo some of the major rules brought in for the pandemic.';
  const fact = 'Beijing has begun to roll back some of the major policies of the pandemic years.';

  it('is found where the Chinese leaves out 一些, and not where it keeps it', () => {
    const dropped = { 'zh-CN': { facts: { f0: '北京已开始撤回疫情期间的重大政策。' } } };
    expect(brief(sketch({ paragraphs: [paragraph], facts: [fact], translations: dropped }))).toEqual([
      ['translationDropsHedge', '$.translations.zh-CN.facts.f0', 'some'],
    ]);
    const kept = { 'zh-CN': { facts: { f0: '北京已开始撤回疫情期间的一些重大政策。' } } };
    expect(sketch({ paragraphs: [paragraph], facts: [fact], translations: kept })).toEqual([]);
  });
});

describe('the bundled packs as they were', () => {
  const [china, huawei] = AUTHORED_PACKS.map((pack) => structuredClone(pack) as StoryPack) as [StoryPack, StoryPack];

  it('warns of the China story’s policy reversal without “some of”', () => {
    const reversal = china.facts.findIndex((fact) => fact.id === 'policy-reversal');
    (china.facts[reversal] as StoryPack['facts'][number]).text =
      'Beijing has begun to roll back major policies of the pandemic years.';
    const warnings = sourceWarnings(china, sourceParagraphs(PACK_SOURCES['china-tech-reset'] as string));
    expect(brief(warnings)).toEqual([['dropsHedge', `$.facts[${reversal}]`, 'some']]);
  });

  it('warns of Motorola Solutions “in dispute with” Huawei', () => {
    const type = huawei.relationTypes.find((t) => t.id === 'disputed-with') as StoryPack['relationTypes'][number];
    type.forward = 'In dispute with';
    type.reverse = 'In dispute with';
    const at = huawei.relations.findIndex((r) => r.type === 'disputed-with');
    const warnings = sourceWarnings(huawei, sourceParagraphs(PACK_SOURCES['huawei-spying-claims-2013'] as string));
    expect(brief(warnings)).toEqual([['pastAsPresent', `$.relations[${at}]`, 'had previously']]);
  });
});
