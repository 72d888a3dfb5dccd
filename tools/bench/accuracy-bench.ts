import { compileMatcher } from '../../engine/matcher/matcher';
import { CHINA_PACK } from '../../tests/bundled-stories';
import { findWithMatcher, LABELLED, precision, recall, scoreCategory } from '../../tests/labelled-mentions';

export interface AccuracyRow {
  category: string;
  language: 'en' | 'zh' | 'en and zh';
  sentences: number;
  labelled: number;
  precision: number;
  recall: number;
  misses: string[];
}

/** The matcher's precision and recall on the labelled set (tests/labelled-mentions.ts), category by category. */
export function benchAccuracy(): AccuracyRow[] {
  const find = findWithMatcher(compileMatcher(CHINA_PACK.entities));
  return LABELLED.map((category) => {
    const score = scoreCategory(category, find);
    return {
      category: category.title,
      language: category.language,
      sentences: category.sentences.length,
      labelled: score.truePositives + score.falseNegatives,
      precision: precision(score),
      recall: recall(score),
      misses: score.misses,
    };
  });
}

export function accuracySection(rows: AccuracyRow[]): string {
  const total = rows.reduce(
    (sum, row) => ({ sentences: sum.sentences + row.sentences, labelled: sum.labelled + row.labelled }),
    { sentences: 0, labelled: 0 },
  );
  const met = rows.every((row) => row.precision === 1 && row.recall === 1);
  return [
    `${total.sentences} labelled sentences with ${total.labelled} expected mentions (tests/labelled-mentions.ts); each category's sentences are read after a block that opens its later forms.`,
    '',
    '| category | language | sentences | mentions | precision | recall |',
    '|---|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.category} | ${r.language} | ${r.sentences} | ${r.labelled} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} |`,
    ),
    '',
    `Target: precision 1.0 and recall 1.0 in every category (${met ? 'met' : 'NOT met'}).`,
    ...rows.flatMap((r) => r.misses.map((miss) => `- Missed: ${miss}`)),
  ].join('\n');
}
