import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../engine/matcher/matcher';
import { CHINA_PACK } from '../bundled-stories';
import { findWithMatcher, LABELLED, parseLabelled, precision, recall, scoreCategory } from '../labelled-mentions';

const find = findWithMatcher(compileMatcher(CHINA_PACK.entities));

describe('the labelled set', () => {
  it('has at least 30 sentences in each category, in English and Chinese', () => {
    for (const category of LABELLED) expect(category.sentences.length, category.id).toBeGreaterThanOrEqual(30);
    expect(new Set(LABELLED.map((c) => c.language))).toEqual(new Set(['en', 'zh', 'en and zh']));
  });

  it('reads its marks', () => {
    expect(parseLabelled('Mr. [Ma|jack-ma] met [京东|jd-com].')).toEqual({
      text: 'Mr. Ma met 京东.',
      expected: [
        { entityId: 'jack-ma', start: 4, end: 6 },
        { entityId: 'jd-com', start: 11, end: 13 },
      ],
    });
  });

  it.each(LABELLED.map((c) => [c.title, c] as const))('%s: precision 1.0 and recall 1.0', (_, category) => {
    const score = scoreCategory(category, find);
    expect(score.misses).toEqual([]);
    expect([precision(score), recall(score)]).toEqual([1, 1]);
  });
});
