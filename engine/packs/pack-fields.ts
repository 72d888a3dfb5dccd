import type { Entity, PackTranslation, Statement, StoryPack } from '../../data/schema';
import type { PackPart } from '../notices';

/*
 * The fields of each part of a story pack, as data/schema.ts types them:
 * each list is typed against its interface, so a field added to the types
 * and not here (or listed here and not in the types) fails `npm run
 * typecheck`. The pack check refuses any other field, and a unit test holds
 * the lists to the generated JSON Schema.
 */

/** The keys of `T`; of every member, for a union. */
type KeysOf<T> = T extends unknown ? keyof T & string : never;

/** The keys of `T`, in the order `fields` names them: it must name each key of `T`, and nothing else. */
const fieldsOf = <T>(fields: Record<KeysOf<T>, true>) => Object.keys(fields) as KeysOf<T>[];

type RelationType = StoryPack['relationTypes'][number];
type KeyFigure = StoryPack['keyFigures'][number];
type Relation = StoryPack['relations'][number];
type ArcStep = StoryPack['arc'][number];

/** The fields of each part of a pack, by the part a problem names. */
export const PACK_FIELDS = {
  pack: fieldsOf<StoryPack>({
    $schema: true,
    schemaVersion: true,
    id: true,
    version: true,
    title: true,
    language: true,
    author: true,
    licence: true,
    source: true,
    phases: true,
    relationTypes: true,
    keyFigures: true,
    entities: true,
    facts: true,
    relations: true,
    arc: true,
    translations: true,
  }),
  source: fieldsOf<StoryPack['source']>({
    title: true,
    publisher: true,
    date: true,
    url: true,
    summary: true,
    paragraphs: true,
  }),
  paragraph: fieldsOf<StoryPack['source']['paragraphs'][number]>({ id: true, label: true, position: true }),
  phase: fieldsOf<StoryPack['phases'][number]>({
    id: true,
    label: true,
    order: true,
    period: true,
    from: true,
    until: true,
    colour: true,
    description: true,
  }),
  relationType: fieldsOf<RelationType>({ id: true, forward: true, reverse: true }),
  keyFigure: fieldsOf<KeyFigure>({ id: true, value: true, meaning: true, phase: true, paragraph: true }),
  entity: fieldsOf<Entity>({
    id: true,
    kind: true,
    name: true,
    nativeName: true,
    description: true,
    roles: true,
    identifiesStory: true,
    names: true,
    laterMentions: true,
    opensLaterMentions: true,
    notNames: true,
    notAfter: true,
    notBefore: true,
    notNear: true,
    shortForms: true,
  }),
  fact: fieldsOf<StoryPack['facts'][number]>({
    id: true,
    phase: true,
    text: true,
    entities: true,
    date: true,
    paragraph: true,
  }),
  role: fieldsOf<NonNullable<Entity['roles']>[number]>({ id: true, label: true }),
  relation: fieldsOf<Relation>({ from: true, fromRole: true, type: true, to: true, toRole: true, paragraph: true }),
  arcStep: fieldsOf<ArcStep>({ phase: true, facts: true }),
  statement: fieldsOf<Statement>({ text: true, paragraph: true, background: true }),
  translation: fieldsOf<PackTranslation>({
    title: true,
    summary: true,
    paragraphs: true,
    phases: true,
    relationTypes: true,
    keyFigures: true,
    entities: true,
    facts: true,
  }),
} satisfies Record<PackPart, readonly string[]>;

/** What a translation gives, by id, for each thing of a pack's list `K`. */
type Translated<K extends keyof PackTranslation> =
  NonNullable<PackTranslation[K]> extends Record<string, infer T> ? T : never;

/** The text fields a translation may give of each part that has several; a paragraph's label and a fact's text are one text. */
export const TRANSLATED_FIELDS = {
  phases: fieldsOf<Translated<'phases'>>({ label: true, period: true, description: true }),
  relationTypes: fieldsOf<Translated<'relationTypes'>>({ forward: true, reverse: true }),
  keyFigures: fieldsOf<Translated<'keyFigures'>>({ value: true, meaning: true }),
  entities: fieldsOf<Translated<'entities'>>({ description: true, roles: true }),
};

/** The fields of an entity that list names. */
type NameList = { [K in keyof Entity]-?: Entity[K] extends readonly string[] ? K : never }[keyof Entity];

/** The name lists an entity may leave out: packs written before them hold none. */
export const OPTIONAL_NAME_LISTS = ['notBefore', 'notNear', 'shortForms'] as const satisfies readonly (keyof Entity)[];

/** The name lists of an entity, in the order the pack check reads them. */
export const NAME_LISTS = fieldsOf<Pick<Entity, NameList>>({
  names: true,
  laterMentions: true,
  opensLaterMentions: true,
  notNames: true,
  notAfter: true,
});
