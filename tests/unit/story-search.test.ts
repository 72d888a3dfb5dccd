import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { storySet } from '../../engine/packs/story-set';
import { createStorySearch } from '../../engine/story-search';
import { CHINA_PACK } from '../bundled-stories';

const search = createStorySearch(storySet([CHINA_PACK]));
const first = (query: string) => search.find(query)[0]?.id;

describe('story search', () => {
  it.each([
    ['alibab', 'alibaba'],
    ['hangzou', 'hangzhou'],
    ['xiao mi', 'xiaomi'],
    ['jack mah', 'jack-ma'],
    ['qihu', 'qihoo-360'],
    ['kuai shou', 'kuaishou'],
    ['杭州', 'hangzhou'],
    ['马云', 'jack-ma'],
    ['NDRC', 'ndrc'],
    ['state planner', 'ndrc'],
    ['short video', 'kuaishou'],
    ['esports', 'netease'],
  ])('"%s" finds %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('finds nothing for an empty query', () => {
    expect(search.find('   ')).toEqual([]);
  });

  it('finds nothing for words the story does not contain', () => {
    expect(search.find('zzzqqq')).toEqual([]);
  });

  it('searches every story switched on, each entity once', () => {
    const both = createStorySearch(storySet(BUNDLED_PACKS));
    expect(both.find('huawei')[0]?.id).toBe('huawei');
    expect(both.find('alibab')[0]?.id).toBe('alibaba');
    expect(both.find('haydn')[0]?.id).toBe('michael-hayden');
    expect(new Set(both.find('huawei', 20).map((e) => e.id)).size).toBe(both.find('huawei', 20).length);
  });
});
