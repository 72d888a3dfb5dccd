import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import {
  firstStage,
  type LensNames,
  mergePackNames,
  namesOf,
  type PackNames,
  storedPackNames,
} from '../../engine/packs/lens-entities';

const entity = (id: string, name: string, more: Partial<PackNames['entities'][number]> = {}) => ({
  id,
  kind: 'firm' as const,
  name,
  names: [name],
  laterMentions: [],
  opensLaterMentions: [],
  notNames: [],
  notAfter: [],
  identifiesStory: true,
  ...more,
});

describe('mergePackNames', () => {
  it('keeps the bundled stories apart: nothing merged, nothing clashes', () => {
    const merged = mergePackNames(BUNDLED_PACKS.map(namesOf));
    const total = BUNDLED_PACKS.reduce((n, pack) => n + pack.entities.length, 0);
    expect(merged.entities).toHaveLength(total);
    expect(merged.clashes).toEqual([]);
    expect(merged.entities.every((e) => e.stories.length === 1)).toBe(true);
  });

  it('makes one entity of the same id in two packs, with both stories and all their names', () => {
    const { entities } = mergePackNames([
      { packId: 'a', entities: [entity('alibaba', 'Alibaba', { names: ['Alibaba', '阿里巴巴'] })] },
      {
        packId: 'b',
        entities: [entity('alibaba', 'Alibaba Group', { kind: 'institution', names: ['Alibaba Group'] })],
      },
    ]);
    const { identifiesStory: _, ...alibaba } = entity('alibaba', 'Alibaba', {
      names: ['Alibaba', '阿里巴巴', 'Alibaba Group'],
    });
    expect(entities).toEqual([
      {
        ...alibaba,
        stories: [
          { packId: 'a', entityId: 'alibaba' },
          { packId: 'b', entityId: 'alibaba' },
        ],
        identifies: ['a', 'b'],
      },
    ]);
  });

  it('knows which stories an entity identifies: an actor of one story may be a common name of another', () => {
    const { entities } = mergePackNames([
      { packId: 'a', entities: [entity('beijing', 'Beijing', { kind: 'city', identifiesStory: false })] },
      { packId: 'b', entities: [entity('beijing', 'Beijing', { kind: 'city', identifiesStory: true })] },
      { packId: 'c', entities: [entity('beijing', 'Beijing', { kind: 'city', identifiesStory: false })] },
    ]);
    expect(entities.map((e) => [e.stories.map((s) => s.packId), e.identifies])).toEqual([[['a', 'b', 'c'], ['b']]]);
  });

  it("takes the kind's default for an entity of names stored before entities said whether they identify their story", () => {
    const { identifiesStory: _, ...stored } = entity('beijing', 'Beijing', { kind: 'city' });
    const firm = { ...stored, id: 'alibaba', kind: 'firm', name: 'Alibaba', names: ['Alibaba'] };
    const names = storedPackNames({ packId: 'a', entities: [stored, firm] }, 'a');
    expect(names?.entities.map((e) => [e.id, e.identifiesStory])).toEqual([
      ['beijing', false],
      ['alibaba', true],
    ]);
  });

  it('makes one entity of the same display name under two ids, as the first pack names it', () => {
    const { entities } = mergePackNames([
      { packId: 'a', entities: [entity('huawei', 'Huawei')] },
      { packId: 'b', entities: [entity('huawei-technologies', 'Huawei', { names: ['Huawei', '华为'] })] },
    ]);
    expect(entities.map((e) => [e.id, e.names, e.stories.map((s) => s.entityId)])).toEqual([
      ['huawei', ['Huawei', '华为'], ['huawei', 'huawei-technologies']],
    ]);
  });

  it('leaves a name two different entities claim with the first, and says so', () => {
    const merged = mergePackNames([
      {
        packId: 'a',
        entities: [entity('jack-ma', 'Jack Ma', { laterMentions: ['Ma'], opensLaterMentions: ['Jack Ma'] })],
      },
      {
        packId: 'b',
        entities: [entity('ma-huateng', 'Ma Huateng', { names: ['Ma Huateng', 'Pony Ma'], laterMentions: ['Ma'] })],
      },
    ]);
    expect(merged.entities.map((e) => e.laterMentions)).toEqual([['Ma'], []]);
    expect(merged.clashes).toEqual([
      {
        name: 'Ma',
        keptBy: { packId: 'a', entityId: 'jack-ma' },
        droppedFrom: { packId: 'b', entityId: 'ma-huateng' },
      },
    ]);
  });

  it("lets another entity's name through a shield", () => {
    const { entities } = mergePackNames([
      { packId: 'a', entities: [entity('jd-com', '京东', { notNames: ['京东方', '南京东'] })] },
      { packId: 'b', entities: [entity('boe', '京东方')] },
    ]);
    expect(entities.map((e) => [e.id, e.names, e.notNames])).toEqual([
      ['jd-com', ['京东'], ['南京东']],
      ['boe', ['京东方'], []],
    ]);
  });

  it('changes none of the packs it merges', () => {
    const packs = BUNDLED_PACKS.map(namesOf);
    const before = structuredClone(packs);
    mergePackNames([...packs, ...packs]);
    expect(packs).toEqual(before);
  });
});

describe('firstStage', () => {
  const pack = (packId: string): PackNames => ({ packId, entities: [entity(`${packId}-firm`, `${packId} Ltd`)] });
  const names = (ids: string[], shipped: string[]): LensNames => ({
    stories: ids.map((id) => ({ id, version: '1.0.0', swatch: 0, private: false })),
    key: ids.join(','),
    shipped,
    readShipped: async () => shipped.map(pack),
    readAll: async () => ids.map(pack),
  });

  it("highlights the shipped stories first when a reader's own join them", () => {
    expect(firstStage(names(['china', 'reader', 'huawei'], ['china', 'huawei']))).toEqual(['china', 'huawei']);
  });

  it('has nothing to highlight first when every story ships, or none does', () => {
    expect(firstStage(names(['china', 'huawei'], ['china', 'huawei']))).toBeNull();
    expect(firstStage(names(['reader'], []))).toBeNull();
    expect(firstStage(names([], []))).toBeNull();
  });
});
