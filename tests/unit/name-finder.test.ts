import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchableEntity } from '../../engine/matcher/matcher';
import { withPrivateNames } from '../../engine/matcher/name-finder';

const entity = (id: string, names: string[], laterMentions: string[] = []): MatchableEntity => ({
  id,
  kind: 'firm',
  names,
  laterMentions,
  opensLaterMentions: laterMentions.length > 0 ? names : [],
  notNames: [],
  notAfter: [],
});

const open = compileMatcher([entity('alibaba', ['Alibaba']), entity('beijing', ['Beijing'])]);
const hidden = compileMatcher([
  entity('ant-group', ['Ant Group'], ['Ant']),
  entity('beijing-daily', ['Beijing Daily']),
  entity('alibaba', ['Alibaba Group', '阿里']),
]);
const finder = withPrivateNames(open, hidden);
const found = (text: string) =>
  finder.findMentions(text).mentions.map((m) => `${m.entityId}:${m.text}${m.private ? ' (private)' : ''}`);

describe('withPrivateNames', () => {
  it('finds the private stories’ names beside the others, marked private, in text order', () => {
    expect(found('Ant Group and Alibaba')).toEqual(['ant-group:Ant Group (private)', 'alibaba:Alibaba']);
    expect(found('阿里 and Ant Group')).toEqual(['alibaba:阿里 (private)', 'ant-group:Ant Group (private)']);
  });

  it('never lets a private name take text from a public one: what the page’s registry shows stays as it was', () => {
    for (const text of ['The Beijing Daily said', 'Alibaba Group rose', 'Beijing and Alibaba']) {
      const shown = found(text).filter((m) => !m.endsWith('(private)'));
      expect(shown).toEqual(open.findMentions(text).mentions.map((m) => `${m.entityId}:${m.text}`));
    }
    // The private name that overlaps a public one is left out: the public one is painted there.
    expect(found('The Beijing Daily said')).toEqual(['beijing:Beijing']);
  });

  it('admits the private stories’ later forms after their full names, as the others’', () => {
    const result = finder.findMentions('Ant Group grew; Ant hired.');
    expect([...result.admitted]).toEqual(['ant-group']);
    expect(result.mentions.map((m) => m.text)).toEqual(['Ant Group', 'Ant']);
    expect(finder.entitiesWithLaterForms).toEqual(new Set(['ant-group']));
  });

  it('spots a full name of either part, each spotter reading every piece of text', () => {
    const spot = finder.fullNameSpotter();
    expect(spot('Nothing here. ', 0, 14)).toBe(false);
    expect(spot('Then Ant Group.', 0, 15)).toBe(true);
    const again = finder.fullNameSpotter();
    expect(again('Alibaba and Ant Group', 0, 21)).toBe(true);
  });
});
