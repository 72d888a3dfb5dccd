import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type Matcher, type MatcherTables } from '../../engine/matcher/matcher';
import { restoreMatcher } from '../../engine/matcher/matcher-tables';
import { BUNDLED_ENTITIES } from '../bundled-stories';
import { ARTICLE_PATH, PACK_SOURCES } from '../shared-paths';

const compiled = compileMatcher(BUNDLED_ENTITIES);

/** Every paragraph of the stories' source articles, a text the names occur in many ways. */
const texts = Object.values(PACK_SOURCES)
  .concat(ARTICLE_PATH)
  .flatMap((path) => readFileSync(path, 'utf8').split(/\n\s*\n/));

/** Everything the matcher finds in every text, in order, with a page's growing set of entities seen. */
function readAll(matcher: Matcher) {
  const seen = new Set<string>();
  return texts.map((text) => {
    const found = matcher.findMentions(text, seen);
    for (const id of found.admitted) seen.add(id);
    const spotter = matcher.fullNameSpotter();
    return { ...found, spotted: spotter(text, 0, text.length) };
  });
}

/** A copy of the tables with one array replaced, the rest untouched. */
function withArray(tables: MatcherTables, name: keyof MatcherTables['arrays'], edit: (copy: Int32Array) => void) {
  const copy = Int32Array.from(tables.arrays[name] as Int32Array);
  edit(copy);
  return { ...tables, arrays: { ...tables.arrays, [name]: copy } };
}

describe('restoreMatcher', () => {
  it('makes of the tables a matcher that finds exactly what the compiled one finds', () => {
    const restored = restoreMatcher(compiled.tables());
    expect(readAll(restored)).toEqual(readAll(compiled));
    expect(restored.entitiesWithLaterForms).toEqual(compiled.entitiesWithLaterForms);
    expect(restored.patternCount).toBe(compiled.patternCount);
    expect(readAll(restored).some((text) => text.mentions.some((m) => m.later))).toBe(true);
  });

  it('keeps of the char classes only the chars in use, which rebuild the whole map', () => {
    const { arrays } = compiled.tables();
    expect(arrays.classedCodes.length).toBeLessThan(1000);
    expect(restoreMatcher(compiled.tables()).findMentions('ALIBABA’s and Alibaba\u00ad Group').mentions).toEqual(
      compiled.findMentions('ALIBABA’s and Alibaba\u00ad Group').mentions,
    );
  });

  it('refuses tables that do not hold together, naming the array at fault', () => {
    const tables = compiled.tables();
    const cases: [MatcherTables, string][] = [
      // A failure link that leads back into itself would loop for ever.
      [withArray(tables, 'fail', (fail) => fail.fill(1, 1, 2)), 'fail at 1'],
      [withArray(tables, 'dictLink', (links) => links.fill(links.length, 1, 2)), 'dictLink at 1'],
      [withArray(tables, 'edgeTarget', (targets) => targets.fill(0, 0, 1)), 'edgeTarget or edgeClass at 0'],
      [withArray(tables, 'terminal', (terminal) => terminal.fill(1 << 20, 1, 2)), 'terminal at 1'],
      [withArray(tables, 'patternEntity', (entity) => entity.fill(-1, 0, 1)), 'patternEntity at 0'],
      [{ ...tables, arrays: { ...tables.arrays, fail: tables.arrays.fail.subarray(1) } }, 'fail'],
      [{ ...tables, arrays: { ...tables.arrays, edgeClass: Int32Array.from([]) as never } }, 'edgeClass'],
      [{ ...tables, classCount: 0 }, 'the class count'],
      [{ ...tables, entities: { ...tables.entities, kinds: tables.entities.kinds.slice(1) } }, 'the entities'],
      [
        { ...tables, entities: { ...tables.entities, kinds: tables.entities.kinds.map(() => 'planet' as never) } },
        'the entities',
      ],
    ];
    for (const [damaged, what] of cases) {
      expect(() => restoreMatcher(damaged)).toThrow(`The compiled names are damaged: ${what}.`);
    }
  });
});
