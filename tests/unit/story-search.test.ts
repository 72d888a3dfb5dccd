import { describe, expect, it } from 'vitest';
import { createStorySearch } from '../../engine/story-search';
import { CHINA_PACK } from '../china-pack';

const search = createStorySearch(CHINA_PACK);
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
});
