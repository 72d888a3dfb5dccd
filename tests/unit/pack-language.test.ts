import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS } from '../../data/bundled-packs';
import type { Statement, StoryPack } from '../../data/schema';
import { packIn } from '../../engine/packs/pack-language';

const [china, huawei] = AUTHORED_PACKS as [StoryPack, StoryPack];
const CHINESE = /\p{Script=Han}/u;

/** Where a statement comes from: its paragraph, or background. */
const grounds = (statements: readonly Statement[]) =>
  statements.map((s) => ('paragraph' in s ? s.paragraph : 'background'));

/** Years and decimal figures in a text: a translation must keep every one. */
const figures = (text: string) => text.match(/\d{4}|\d+\.\d+/g) ?? [];

describe('a pack in the reader’s language', () => {
  const zh = packIn(china, 'zh-CN');

  it('gives the bundled story in Simplified Chinese: its summary, phases, figures, descriptions and facts', () => {
    expect(zh.title).toBe('中国与科技巨头：从整顿到示好');
    const texts = [
      ...zh.source.summary.map((s) => s.text),
      ...zh.phases.flatMap((p) => [p.label, p.period, p.description.text]),
      ...zh.relationTypes.flatMap((r) => [r.forward, r.reverse]),
      ...zh.keyFigures.flatMap((f) => [f.value, f.meaning]),
      ...zh.entities.flatMap((e) => e.description.map((s) => s.text)),
      ...zh.facts.map((f) => f.text),
    ];
    for (const text of texts) expect(text).toMatch(CHINESE);
  });

  it('keeps every citation and background mark, and everything that is not text', () => {
    expect(grounds(zh.source.summary)).toEqual(grounds(china.source.summary));
    for (const [i, entity] of zh.entities.entries()) {
      const original = china.entities[i] as StoryPack['entities'][number];
      expect(grounds(entity.description)).toEqual(grounds(original.description));
      // A role keeps its id; only its label is text.
      const ids = (e: typeof entity) => e.roles?.map((role) => role.id);
      expect(ids(entity)).toEqual(ids(original));
      expect({ ...entity, description: [], roles: ids(entity) }).toEqual({
        ...original,
        description: [],
        roles: ids(original),
      });
    }
    expect(zh.facts.map(({ text: _, ...rest }) => rest)).toEqual(china.facts.map(({ text: _, ...rest }) => rest));
    expect(zh.relations).toEqual(china.relations);
    expect(zh.arc).toEqual(china.arc);
    expect(zh.source.paragraphs.map((p) => p.label)).toEqual(['导语', '¶1', '¶2', '¶3', '¶4', '¶5', '¶6', '¶7', '¶8']);
  });

  it('says which of Beijing’s roles a relation is about in the reader’s language', () => {
    const roles = zh.entities.find((entity) => entity.id === 'beijing')?.roles?.map((role) => role.label);
    expect(roles).toEqual(['指北京市', '指中国中央政府']);
  });

  it('keeps the story’s years and figures in each translated fact', () => {
    for (const [i, fact] of zh.facts.entries()) {
      for (const figure of figures(china.facts[i]?.text ?? '')) expect(fact.text, fact.id).toContain(figure);
    }
  });

  it('falls back to the pack’s own words where a field is not translated, and leaves other packs alone', () => {
    const partial: StoryPack = {
      ...china,
      translations: { 'zh-CN': { facts: { 'ma-founder': '马云是阿里巴巴的创始人。' } } },
    };
    const read = packIn(partial, 'zh-CN');
    expect(read.facts.find((f) => f.id === 'ma-founder')?.text).toBe('马云是阿里巴巴的创始人。');
    expect(read.facts.find((f) => f.id === 'ma-remarks')?.text).toBe(
      china.facts.find((f) => f.id === 'ma-remarks')?.text,
    );
    expect(read.title).toBe(china.title);
    expect(packIn(huawei, 'zh-CN')).toBe(huawei);
    expect(packIn(china, 'en-GB')).toBe(china);
    // The same pack in the same language is the same object: the panel's memoised views keep it.
    expect(packIn(china, 'zh-CN')).toBe(zh);
  });
});
