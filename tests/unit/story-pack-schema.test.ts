import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS } from '../../data/bundled-packs';
import { readStoryPack } from '../../engine/packs/story-pack';
import { SCHEMA_PATH, storyPackSchemaText } from '../../tools/scripts/story-pack-schema';

const committed = readFileSync(SCHEMA_PATH, 'utf8');
// The address check is the reader's; the schema's `format: uri` is for editors.
const validate = new Ajv({ allErrors: true, strict: true, validateFormats: false }).compile(JSON.parse(committed));
const schemaAccepts = (value: unknown) => validate(value) === true;
const readerAccepts = (value: unknown) => readStoryPack(value).ok;

// biome-ignore lint/suspicious/noExplicitAny: the tests below break packs on purpose.
type Loose = Record<string, any>;
const china = () => structuredClone(AUTHORED_PACKS[0]) as unknown as Loose;

describe('the published JSON Schema', () => {
  it('is generated from the types, not kept by hand (npm run schema)', () => {
    expect(committed).toBe(storyPackSchemaText());
  }, 30_000);

  it.each(AUTHORED_PACKS.map((pack) => [pack.id, pack]))('accepts the bundled pack %s', (_, pack) => {
    expect(validate(pack), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each<[string, (pack: Loose) => void]>([
    ['a misspelt field', (pack) => (pack.entities[0].laterMention = [])],
    ['an unknown kind', (pack) => (pack.entities[0].kind = 'planet')],
    ['a missing licence', (pack) => delete pack.licence],
    ['a colour in words', (pack) => (pack.phases[0].colour = 'red')],
    ['a date in words', (pack) => (pack.source.date = 'July 2013')],
    ['an id with capitals', (pack) => (pack.id = 'China-Tech')],
    ['an empty name', (pack) => (pack.entities[0].names[0] = '')],
    ['a statement with neither source nor background mark', (pack) => (pack.source.summary[0] = { text: 'Hm.' })],
  ])('and the pack check both refuse %s', (_, breakIt) => {
    const pack = china();
    breakIt(pack);
    expect(schemaAccepts(pack)).toBe(false);
    expect(readerAccepts(pack)).toBe(false);
  });

  it('is never stricter than the pack check: whatever the check accepts, the schema accepts', () => {
    const paths = fc.constantFrom<(pack: Loose) => Loose>(
      (pack) => pack,
      (pack) => pack.source,
      (pack) => pack.entities[0],
      (pack) => pack.phases[0],
      (pack) => pack.facts[0],
      (pack) => pack.source.paragraphs[0],
    );
    const keys = fc.constantFrom(
      'id',
      'version',
      'title',
      'language',
      'author',
      'licence',
      'date',
      'url',
      'publisher',
      'kind',
      'name',
      'nativeName',
      'names',
      'order',
      'colour',
      'from',
      'until',
      'position',
      'label',
      'phase',
      'paragraph',
      'extra',
    );
    fc.assert(
      fc.property(paths, keys, fc.jsonValue({ maxDepth: 2 }), (at, key, value) => {
        const pack = china();
        at(pack)[key] = value;
        if (readerAccepts(pack)) expect(schemaAccepts(pack)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
