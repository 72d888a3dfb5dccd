import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS } from '../../data/bundled-packs';
import { ENTITY_KINDS, IDENTIFIES_STORY_BY_KIND } from '../../data/schema';
import { type PackProblem, readStoryPack, readStoryPackText } from '../../engine/packs/story-pack';
import { identifiesStory } from '../../engine/packs/story-roles';
import { packProblemText } from '../../platform/words/notice-text';
import { wordsFor } from '../../platform/words/words';
import { VERSION_1_PACK } from '../fixtures/version-1-pack';
import { PROJECT_ROOT } from '../shared-paths';

const CHINA = AUTHORED_PACKS[0];
// biome-ignore lint/suspicious/noExplicitAny: these tests break a pack on purpose, in ways its type forbids.
const copy = () => structuredClone(CHINA) as unknown as Record<string, any>;
const problemsOf = (value: unknown): PackProblem[] => {
  const result = readStoryPack(value);
  return result.ok ? [] : result.problems;
};
const english = wordsFor('en');
/** Each problem as the options page and `pack:check` word it in English, with its place. */
const lines = (value: unknown) => problemsOf(value).map((problem) => packProblemText(english, problem));

describe('readStoryPack', () => {
  it.each(AUTHORED_PACKS.map((pack) => [pack.id, pack]))('accepts the bundled pack %s as it is', (_, pack) => {
    const result = readStoryPack(structuredClone(pack));
    expect(result).toEqual({ ok: true, pack });
  });

  it('rejects what is not a pack at all, and says why', () => {
    expect(lines(null)).toEqual(['A story pack is a JSON object.']);
    expect(lines([])).toEqual(['A story pack is a JSON object.']);
    expect(lines({})).toEqual(
      expect.arrayContaining([
        '$.schemaVersion: must be 2 (or 1, for packs written before version 2)',
        '$.entities: must be a list',
        '$.source: must be an object',
      ]),
    );
    expect(readStoryPackText('{"schemaVersion": 2,')).toEqual({
      ok: false,
      problems: [{ path: '$', notice: { code: 'packNotJson', error: expect.stringMatching(/JSON/) } }],
    });
  });

  it('refuses a pack from a newer schema with the versions it reads', () => {
    expect(lines({ ...copy(), schemaVersion: 3 })).toEqual([
      '$.schemaVersion: This pack needs a newer Context Lens: it is written in schema version 3, and this version reads 1 to 2.',
    ]);
  });

  it('names fields a pack does not have, such as a misspelt one', () => {
    const pack = copy();
    pack.entities[2].laterMention = ['Net'];
    pack.colour = 'red';
    expect(lines(pack)).toEqual([
      '$.colour: is not a field of a story pack',
      '$.entities[2].laterMention: is not a field of an entity',
    ]);
  });

  it('checks the metadata', () => {
    const pack = copy();
    pack.id = 'China Tech';
    pack.version = 'v2';
    pack.language = 'English';
    pack.source.date = 'July 2013';
    pack.source.url = 'javascript:alert(1)';
    delete pack.licence;
    expect(lines(pack)).toEqual([
      '$.id: must be an id of lower-case letters, digits and hyphens, at most 64',
      '$.version: must be a version such as "1", "1.2" or "1.2.0"',
      '$.language: must be a language tag such as "en" or "zh-CN"',
      '$.licence: must be text of 1 to 200 characters',
      '$.source.date: must be a date (YYYY, YYYY-MM or YYYY-MM-DD) or "undated"',
      '$.source.url: must be an http or https address',
    ]);
  });

  it('finds sentences that neither cite a paragraph nor say they are background', () => {
    const pack = copy();
    // Its Chinese would no longer match sentence for sentence: that check has a test of its own.
    delete pack.translations;
    pack.source.summary.push({ text: 'Said with no source.' });
    pack.entities[0].description = [{ text: 'Both at once.', paragraph: 'P5', background: true }];
    pack.phases[1].description = { text: 'Cites nothing real.', paragraph: 'P42' };
    pack.entities[1].description = [];
    const last = pack.source.summary.length - 1;
    expect(lines(pack)).toEqual([
      `$.source.summary[${last}]: must cite a paragraph or be marked "background": true`,
      '$.phases[1].description.paragraph: cites paragraph “P42”, which is not in source.paragraphs',
      '$.entities[0].description[0]: cannot both cite a paragraph and be background',
      '$.entities[1].description: must be a non-empty list of statements',
    ]);
  });

  it('checks each translation: another language, known ids, text only, and sentence for sentence', () => {
    const pack = copy();
    const zh = pack.translations['zh-CN'];
    zh.summary.pop();
    zh.facts['no-such-fact'] = '没有这条事实。';
    zh.entities.alibaba.description = ['一句。', '多出的一句。'];
    zh.phases.crackdown.paragraph = 'P2';
    zh.title = '';
    pack.translations.en = { title: 'Into its own language' };
    pack.translations['not a tag'] = {};
    expect(lines(pack)).toEqual([
      '$.translations.zh-CN.title: must be text of 1 to 200 characters',
      '$.translations.zh-CN.summary: must hold 5 sentences, one for each it translates',
      '$.translations.zh-CN.phases.crackdown.paragraph: is not text a translated phase can give',
      '$.translations.zh-CN.entities.alibaba.description: must hold 1 sentence, one for each it translates',
      '$.translations.zh-CN.facts.no-such-fact: “no-such-fact” is not one of the fact ids',
      '$.translations.en: translates into the language the pack is written in',
      '$.translations.not a tag: must be named by a language tag such as "zh-CN"',
    ]);
  });

  it("lets only the entity's own names open its later mentions", () => {
    const pack = copy();
    const jackMa = pack.entities.findIndex((e: { id: string }) => e.id === 'jack-ma');
    pack.entities[jackMa].opensLaterMentions = ['Jack Ma', 'Pony Ma'];
    const yinLi = pack.entities.findIndex((e: { id: string }) => e.id === 'yin-li');
    pack.entities[yinLi].opensLaterMentions = [];
    expect(lines(pack)).toEqual([
      `$.entities[${yinLi}].opensLaterMentions: must name at least one full name exactly when the entity has later mentions`,
      `$.entities[${jackMa}].opensLaterMentions[1]: “Pony Ma” is not one of the entity’s names`,
    ]);
  });

  it('refuses names that would mark every page all over, and keeps acronyms, numbers and Chinese names', () => {
    const pack = copy();
    const alibaba = pack.entities.findIndex((e: { id: string }) => e.id === 'alibaba');
    pack.entities[alibaba].names.push('the', 'And', '.', '阿', '我们');
    const jackMa = pack.entities.findIndex((e: { id: string }) => e.id === 'jack-ma');
    pack.entities[jackMa].laterMentions.push('of');
    const at = `$.entities[${alibaba}]`;
    const names = pack.entities[alibaba].names.length;
    expect(lines(pack)).toEqual([
      `${at}.names[${names - 5}]: “the” is a word of running text, so it would mark it all over every page`,
      `${at}.names[${names - 4}]: “And” is a word of running text, so it would mark it all over every page`,
      `${at}.names[${names - 3}]: “.” has fewer than two letters or digits, so it would mark them all over every page (a one-character Chinese short form goes in shortForms, in its phrase)`,
      `${at}.names[${names - 2}]: “阿” has fewer than two letters or digits, so it would mark them all over every page (a one-character Chinese short form goes in shortForms, in its phrase)`,
      `${at}.names[${names - 1}]: “我们” is a word of running text, so it would mark it all over every page`,
      `$.entities[${jackMa}].laterMentions[${pack.entities[jackMa].laterMentions.length - 1}]: “of” is a word of running text, so it would mark it all over every page`,
    ]);
    // An acronym in capitals, a number and a two-char name are names.
    const fine = copy();
    fine.entities[alibaba].names.push('US', '88', '淘宝');
    expect(lines(fine)).toEqual([]);
  });

  it('refuses a pack whose entities hold more names together than every page should look for', () => {
    const pack = copy();
    const alibaba = pack.entities.findIndex((e: { id: string }) => e.id === 'alibaba');
    const base = pack.entities[alibaba];
    // Fifty-one more entities of a hundred names each, every one well formed on its own.
    for (let n = 0; n < 51; n++) {
      const names = Array.from({ length: 100 }, (_, i) => `Firm ${n}-${i}`);
      pack.entities.push({
        ...structuredClone(base),
        id: `firm-${n}`,
        name: names[0],
        names,
        laterMentions: [],
        opensLaterMentions: [],
        notNames: [],
        shortForms: undefined,
      });
      pack.facts.push({ ...structuredClone(pack.facts[0]), id: `fact-${n}`, entities: [`firm-${n}`] });
    }
    expect(lines(pack).filter((line) => line.startsWith('$.entities:'))).toEqual([
      expect.stringMatching(/^\$\.entities: hold \d+ names in all; a story may have at most 5000/),
    ]);
  });

  it('finds references that do not resolve', () => {
    const pack = copy();
    pack.facts[6].entities.push('tencent');
    pack.relations.push({ from: 'alibaba', type: 'based-in', to: 'mars', paragraph: 'P2' });
    pack.arc[0].facts.push('no-such-fact');
    pack.arc.push({ phase: 'aftermath', facts: [] }, { phase: 'crackdown', facts: [] });
    const relation = pack.relations.length - 1;
    expect(lines(pack)).toEqual([
      `$.facts[6].entities[${pack.facts[6].entities.length - 1}]: “tencent” is not an entity’s id`,
      `$.relations[${relation}].to: “mars” is not an entity’s id`,
      `$.arc[0].facts[${pack.arc[0].facts.length - 1}]: “no-such-fact” is not a fact’s id`,
      '$.arc[3].phase: “aftermath” is not one of the phases',
      '$.arc[4].phase: “crackdown” is already in the arc',
    ]);
  });

  it('shows a reference that is an object as its JSON, even one whose toString is not a function', () => {
    const pack = copy();
    const odd = JSON.parse('{"toString": "", "valueOf": 1}');
    pack.facts[0].phase = odd;
    pack.facts[0].entities.push(odd);
    pack.relations[0].type = odd;
    pack.relations[0].fromRole = odd;
    pack.arc[0].facts.push(odd);
    expect(lines(pack)).toEqual([
      '$.facts[0].phase: “{"toString":"","valueOf":1}” is not one of the phases',
      `$.facts[0].entities[${pack.facts[0].entities.length - 1}]: “{"toString":"","valueOf":1}” is not an entity’s id`,
      expect.stringContaining('$.relations[0].type: “{"toString":"","valueOf":1}”'),
      expect.stringContaining('$.relations[0].fromRole: “{"toString":"","valueOf":1}”'),
      `$.arc[0].facts[${pack.arc[0].facts.length - 1}]: “{"toString":"","valueOf":1}” is not a fact’s id`,
    ]);
  });

  it('finds duplicate ids, a name claimed twice, and an entity without a fact', () => {
    const pack = copy();
    pack.entities[1].names.push('Alibaba');
    pack.phases.push({ ...pack.phases[0] });
    const tianjin = pack.entities.findIndex((e: { id: string }) => e.id === 'tianjin');
    pack.facts = pack.facts.map((f: { entities: string[] }) => ({
      ...f,
      entities: f.entities.filter((e) => e !== 'tianjin'),
    }));
    expect(lines(pack)).toEqual([
      '$.phases[3].id: “crackdown” is used twice',
      `$.entities[1].names[${pack.entities[1].names.length - 1}]: “Alibaba” is already claimed by “alibaba”`,
      `$.entities[${tianjin}]: “tianjin” has no fact: every entity needs one`,
    ]);
  });

  it('finds unknown kinds, phases and relation types, and bad colours', () => {
    const pack = copy();
    pack.entities[0].kind = 'planet';
    pack.facts[0].phase = 'aftermath';
    pack.relations[0].type = 'owns';
    pack.phases[0].colour = 'red';
    expect(lines(pack)).toEqual([
      '$.phases[0].colour: must be a colour as six hex digits, such as "#dc2626"',
      '$.entities[0].kind: must be one of firm, city, country, official, person, institution',
      '$.facts[0].phase: “aftermath” is not one of the phases',
      '$.relations[0].type: “owns” is not one of the relation types',
    ]);
  });

  it('checks the dates of facts and the phases of key figures, which place them on the timeline', () => {
    const pack = copy();
    pack.facts[0].date = 'October 2020';
    pack.keyFigures[0].phase = 'aftermath';
    expect(lines(pack)).toEqual([
      '$.keyFigures[0].phase: “aftermath” is not one of the phases',
      '$.facts[0].date: must be a date: YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('keeps paragraphs in reading order', () => {
    const pack = copy();
    pack.source.paragraphs[3].position = 4;
    pack.source.paragraphs[4].position = 0;
    expect(lines(pack)).toEqual([
      '$.source.paragraphs[3].position: must come after the position before it: paragraphs are listed in reading order',
      '$.source.paragraphs[4].position: must be 1 or more',
    ]);
  });

  it('takes identifiesStory as true or false, or left out, and refuses anything else with its path', () => {
    const pack = copy();
    pack.entities[0].identifiesStory = false;
    delete pack.entities[1].identifiesStory;
    expect(lines(pack)).toEqual([]);
    pack.entities[2].identifiesStory = 'true';
    pack.entities[3].identifiesStory = 1;
    expect(lines(pack)).toEqual([
      '$.entities[2].identifiesStory: “identifiesStory” was not true or false.',
      '$.entities[3].identifiesStory: “identifiesStory” was not true or false.',
    ]);
  });

  it('refuses lists longer than any story needs without reading them', () => {
    const pack = copy();
    pack.entities = Array.from({ length: 1001 }, () => pack.entities[0]);
    pack.entities[0].names = Array.from({ length: 101 }, (_, i) => `Name ${i}`);
    expect(lines(pack)).toContain('$.entities: holds 1001 items; a pack may have at most 1000');
  });
});

describe('roles', () => {
  it('refuses a relation about a role its entity does not have, and roles that are not two or more, with their paths', () => {
    const pack = copy();
    const beijing = pack.entities.findIndex((entity: { id: string }) => entity.id === 'beijing');
    const crackdown = pack.relations.findIndex((relation: { fromRole?: string }) => relation.fromRole === 'government');
    pack.relations[crackdown].fromRole = 'mayor';
    pack.relations[crackdown].toRole = 'city';
    pack.entities[0].roles = [{ id: 'only', label: 'as itself' }];
    expect(problemsOf(pack)).toEqual([
      { path: '$.entities[0].roles', notice: { code: 'tooFewItems', min: 2 } },
      { path: `$.relations[${crackdown}].fromRole`, notice: { code: 'unknownId', part: 'role', id: 'mayor' } },
      { path: `$.relations[${crackdown}].toRole`, notice: { code: 'unknownId', part: 'role', id: 'city' } },
    ]);
    expect(pack.entities[beijing].roles.map((role: { id: string }) => role.id)).toEqual(['city', 'government']);
  });
});

describe('identifiesStory', () => {
  it('is what the entity says, and where it says nothing, what its kind usually is', () => {
    for (const kind of ENTITY_KINDS) {
      expect(identifiesStory({ kind })).toBe(IDENTIFIES_STORY_BY_KIND[kind]);
      expect(identifiesStory({ kind, identifiesStory: true })).toBe(true);
      expect(identifiesStory({ kind, identifiesStory: false })).toBe(false);
    }
    expect(ENTITY_KINDS.filter((kind) => identifiesStory({ kind }))).toEqual(['firm', 'official', 'person']);
  });

  it('is left out of a pack that leaves it out: the pack stays valid and its kinds decide', () => {
    const pack = copy();
    for (const entity of pack.entities) delete entity.identifiesStory;
    const result = readStoryPack(pack);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.pack.entities.some((entity) => 'identifiesStory' in entity)).toBe(false);
    const hangzhou = result.pack.entities.find((entity) => entity.id === 'hangzhou');
    expect(hangzhou && identifiesStory(hangzhou)).toBe(false);
  });
});

describe('migration from schema version 1', () => {
  it('reads a version 1 pack as version 2, with its phases and relation wording made explicit', () => {
    const result = readStoryPack(structuredClone(VERSION_1_PACK));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.migratedFrom).toBe(1);
    const { pack } = result;
    expect(pack.schemaVersion).toBe(2);
    expect(pack.version).toBe('1');
    expect(pack.source).toMatchObject({ title: 'A test story', publisher: 'Not stated', date: 'undated' });
    expect(pack.source).not.toHaveProperty('headline');
    expect(pack.phases.map((p) => [p.id, p.order, p.colour])).toEqual([
      ['crackdown', 1, '#dc2626'],
      ['reconciliation', 2, '#16a34a'],
    ]);
    expect(pack.relationTypes.find((t) => t.id === 'founded')).toEqual({
      id: 'founded',
      forward: 'Founded',
      reverse: 'Founded by',
    });
    expect(pack.entities).toEqual(
      VERSION_1_PACK.entities.map((entity) => ({ ...entity, identifiesStory: true })), // a firm and a person
    );
  });

  it('states each entity’s part in the story by its kind, keeping what an entity already says', () => {
    const v1 = structuredClone(VERSION_1_PACK);
    const city = { ...v1.entities[0], id: 'example-city', kind: 'city', name: 'Example City', names: ['Example City'] };
    v1.entities.push(city as (typeof v1.entities)[number]);
    v1.facts[0]?.entities.push('example-city');
    (v1.entities[1] as Record<string, unknown>).identifiesStory = false;
    const result = readStoryPack(v1);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.pack.entities.map((entity) => [entity.id, entity.identifiesStory])).toEqual([
      ['example-robotics', true],
      ['ada-example', false],
      ['example-city', false],
    ]);
  });

  it('reports the problems of a broken version 1 pack in the migrated terms', () => {
    const broken = structuredClone(VERSION_1_PACK) as Record<string, unknown>;
    (broken.source as Record<string, unknown>).published = 'last week';
    expect(lines(broken)).toEqual([
      '$.source.date: must be a date (YYYY, YYYY-MM or YYYY-MM-DD) or "undated" (in the pack as migrated from schema version 1)',
    ]);
  });
});

describe('docs/story-packs.md', () => {
  it('shows a minimal pack that passes the check', () => {
    const guide = readFileSync(join(PROJECT_ROOT, 'docs/story-packs.md'), 'utf8');
    const start = guide.indexOf('## A minimal pack');
    expect(start).toBeGreaterThanOrEqual(0);
    const example = /```json\n([\s\S]*?)\n```/.exec(guide.slice(start))?.[1];
    expect(example).toBeDefined();
    expect(lines(JSON.parse(example as string))).toEqual([]);
  });
});
