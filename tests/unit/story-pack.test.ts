import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK } from '../../data/bundled-pack';
import { checkStoryPack } from '../../engine/story-pack';

// biome-ignore lint/suspicious/noExplicitAny: these tests break a pack on purpose, in ways its type forbids.
const copy = () => structuredClone(BUNDLED_PACK) as unknown as Record<string, any>;
const errorsOf = (value: unknown) => {
  const result = checkStoryPack(value);
  return result.ok ? [] : result.errors;
};

describe('checkStoryPack', () => {
  it('accepts a valid pack and returns it', () => {
    const result = checkStoryPack(copy());
    expect(result.ok).toBe(true);
  });

  it('rejects what is not a pack at all', () => {
    expect(errorsOf(null)).toEqual(['pack is not an object']);
    expect(errorsOf([])).toEqual(['pack is not an object']);
    expect(errorsOf({})).toEqual(expect.arrayContaining(['schemaVersion must be 1', 'entities must be a list']));
  });

  it('finds duplicate ids', () => {
    const pack = copy();
    pack.entities.push({ ...pack.entities[0], names: ['Another'], laterMentions: [], notNames: [] });
    expect(errorsOf(pack)).toContain('entity id "alibaba" is used twice');
  });

  it('finds sentences that neither cite a paragraph nor say they are background', () => {
    const pack = copy();
    pack.source.summary.push({ text: 'Said with no source.' });
    pack.entities[0].description = [{ text: 'Both at once.', paragraph: 'P5', background: true }];
    pack.phases[1].description = { text: 'Cites nothing real.', paragraph: 'P42' };
    pack.entities[1].description = [];
    expect(errorsOf(pack)).toEqual([
      `source.summary[${pack.source.summary.length - 1}] must cite a paragraph or be marked "background": true`,
      'phases[1].description cites paragraph "P42", which does not exist',
      'entity "alibaba" description[0] cannot both cite a paragraph and be background',
      'entity "qihoo-360" description must be a non-empty list of statements',
    ]);
  });

  it("lets only the entity's own names open its later mentions", () => {
    const pack = copy();
    const jackMa = pack.entities.find((e: { id: string }) => e.id === 'jack-ma');
    jackMa.opensLaterMentions = ['Jack Ma', 'Pony Ma'];
    const yinLi = pack.entities.find((e: { id: string }) => e.id === 'yin-li');
    yinLi.opensLaterMentions = [];
    expect(errorsOf(pack)).toEqual([
      'entity "yin-li" needs opensLaterMentions exactly when it has laterMentions',
      'entity "jack-ma" opens later mentions with "Pony Ma", which is not one of its names',
    ]);
  });

  it('finds references that do not resolve', () => {
    const pack = copy();
    pack.facts[6].entities.push('tencent');
    pack.relations.push({ from: 'alibaba', type: 'based-in', to: 'mars', paragraph: 'P2' });
    expect(errorsOf(pack)).toEqual(
      expect.arrayContaining([
        `fact "${pack.facts[6].id}" refers to unknown entity "tencent"`,
        `relation ${pack.relations.length - 1} (alibaba based-in mars) refers to unknown entity "mars"`,
      ]),
    );
  });

  it('finds an arc that cites unknown facts or phases, or repeats a phase', () => {
    const pack = copy();
    pack.arc[0].facts.push('no-such-fact');
    pack.arc.push({ phase: 'aftermath', facts: [] }, { phase: 'crackdown', facts: [] });
    expect(errorsOf(pack)).toEqual(
      expect.arrayContaining([
        'arc[0] refers to unknown fact "no-such-fact"',
        'arc[3] has unknown phase "aftermath"',
        'arc lists phase "crackdown" twice',
      ]),
    );
  });

  it('finds a name claimed by two entities', () => {
    const pack = copy();
    pack.entities[1].names.push('Alibaba');
    expect(errorsOf(pack)).toContain('name "Alibaba" is claimed by both "alibaba" and "qihoo-360"');
  });

  it('finds an entity without a fact', () => {
    const pack = copy();
    pack.facts = pack.facts.map((f: { entities: string[] }) => ({
      ...f,
      entities: f.entities.filter((e) => e !== 'tianjin'),
    }));
    expect(errorsOf(pack)).toContain('entity "tianjin" has no fact');
  });

  it('finds a citation of a paragraph that does not exist', () => {
    const pack = copy();
    pack.facts[0].paragraph = 'P9';
    expect(errorsOf(pack)).toContain(`fact "${pack.facts[0].id}" cites paragraph "P9", which does not exist`);
  });

  it('finds unknown kinds, phases and relation types', () => {
    const pack = copy();
    pack.entities[0].kind = 'planet';
    pack.facts[0].phase = 'aftermath';
    pack.relations[0].type = 'owns';
    const errors = errorsOf(pack);
    expect(errors).toContain('entity "alibaba" has unknown kind "planet"');
    expect(errors).toContain(`fact "${pack.facts[0].id}" has unknown phase "aftermath"`);
    expect(errors).toContain('relation 0 (alibaba owns hangzhou) has unknown type');
  });
});
