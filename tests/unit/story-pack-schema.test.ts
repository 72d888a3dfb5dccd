import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS } from '../../data/bundled-packs';
import type { PackPart } from '../../engine/notices';
import { PACK_FIELDS, TRANSLATED_FIELDS } from '../../engine/packs/pack-fields';
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

/** A node of the generated schema, as far as these tests walk it. */
interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
}
const schema = JSON.parse(committed) as SchemaNode & { definitions: Record<string, SchemaNode> };
const resolved = (node: SchemaNode): SchemaNode =>
  node.$ref === undefined ? node : resolved(schema.definitions[node.$ref.replace('#/definitions/', '')] ?? {});
/** What a field holds: the items of a list, the values of a map, else the field's own type. */
const held = (node: SchemaNode): SchemaNode => {
  const { type, items, properties, additionalProperties } = resolved(node);
  if (type === 'array' && items !== undefined) return held(items);
  if (properties === undefined && typeof additionalProperties === 'object') return held(additionalProperties);
  return resolved(node);
};
/** What the fields `path` lead to, from the pack down. */
const schemaAt = (path: readonly string[]) =>
  path.reduce<SchemaNode>((node, key) => held(node.properties?.[key] ?? {}), held(schema));
/** The fields the schema gives a type: of every member, for a union. */
const schemaFields = (node: SchemaNode): string[] =>
  node.anyOf === undefined ? Object.keys(node.properties ?? {}) : [...new Set(node.anyOf.flatMap(schemaFields))];

/** Where in a pack each part the pack check names is found. */
const PART_AT: Record<PackPart, readonly string[]> = {
  pack: [],
  source: ['source'],
  paragraph: ['source', 'paragraphs'],
  phase: ['phases'],
  relationType: ['relationTypes'],
  keyFigure: ['keyFigures'],
  entity: ['entities'],
  role: ['entities', 'roles'],
  fact: ['facts'],
  relation: ['relations'],
  arcStep: ['arc'],
  statement: ['source', 'summary'],
  translation: ['translations'],
};
const sorted = (fields: readonly string[]) => [...fields].sort();

describe('the pack check’s field lists (engine/packs/pack-fields.ts)', () => {
  it.each(Object.entries(PART_AT))('name the fields the schema gives a %s', (part, path) => {
    expect(sorted(PACK_FIELDS[part as PackPart])).toEqual(sorted(schemaFields(schemaAt(path))));
  });

  it.each(Object.entries(TRANSLATED_FIELDS))('name the fields a translation gives of the %s', (key, fields) => {
    expect(sorted(fields)).toEqual(sorted(schemaFields(schemaAt([...PART_AT.translation, key]))));
  });
});

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
    ['an identifiesStory in words', (pack) => (pack.entities[0].identifiesStory = 'yes')],
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
    // Every field of the parts above, at any of them, and a field no part has.
    const { pack, source, entity, phase, fact, paragraph } = PACK_FIELDS;
    const keys = fc.constantFrom(...new Set([...pack, ...source, ...entity, ...phase, ...fact, ...paragraph, 'extra']));
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
