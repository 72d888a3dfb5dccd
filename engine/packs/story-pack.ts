import { ENTITY_KINDS, STORY_PACK_SCHEMA_VERSION, type StoryPack } from '../../data/schema';
import type { Notice, PackNotice, PackPart } from '../notices';
import { NAME_LISTS, OPTIONAL_NAME_LISTS, PACK_FIELDS, TRANSLATED_FIELDS } from './pack-fields';
import { migratedPack } from './pack-migration';
import { pageWideName } from './page-wide-names';
import { isObj, type Obj } from './plain-object';
import { isShortForm } from './short-names';

/** One thing wrong with a pack, and where: a JSON path such as `$.entities[3].names[1]`. */
export interface PackProblem {
  path: string;
  notice: Notice;
  /** The schema version the file was written in, when the problem is in the pack as migrated from it. */
  migratedFrom?: number;
}

export type PackReading =
  | {
      ok: true;
      pack: StoryPack;
      /** The schema version the file was written in, when it was read through a migration. */
      migratedFrom?: number;
    }
  | { ok: false; problems: PackProblem[] };

/*
 * Bounds that no real story comes near. They keep a damaged or hostile file
 * from costing a page more than a real pack would.
 */
const MAX_ENTITIES = 1000;
const MAX_NAMES_PER_LIST = 100;
/**
 * Names of every entity of a pack together: thirty times the bundled
 * stories' (under 160 each), and about what a pack of the largest size
 * holds when it is names alone. Every page a reader opens compiles them:
 * 94,000 names cost each page a quarter of a second.
 */
const MAX_NAMES_PER_PACK = 5000;
const MAX_LIST = 5000;
const MAX_TEXT = 2000;
const MAX_NAME = 200;

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const BAD_ID: PackNotice = { code: 'badId' };
const PARAGRAPH_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const VERSION = /^\d{1,6}(\.\d{1,6}){0,2}$/;
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

const isText = (v: unknown, max = MAX_TEXT): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * A value from a file, as a notice shows it. Not `String(value)`: a file's
 * object with a `toString` key that is not a function makes that throw.
 */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);
  return text.slice(0, 64);
}

/**
 * Reads an unknown value as a story pack: a pack of an older schema version
 * is migrated first, then everything is checked, the schema and every
 * cross-reference. Every problem is reported with its path, not just the
 * first, so that an author can fix them all in one go.
 */
export function readStoryPack(value: unknown): PackReading {
  if (!isObj(value)) return fail('$', { code: 'packNotObject' });
  const version = value.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > STORY_PACK_SCHEMA_VERSION) {
    return fail('$.schemaVersion', { code: 'packSchemaNewer', version, newest: STORY_PACK_SCHEMA_VERSION });
  }
  const migration = migratedPack(value);
  const problems = checkPack(migration.value);
  if (problems.length > 0) {
    const from = migration.from;
    return { ok: false, problems: from === undefined ? problems : problems.map((p) => ({ ...p, migratedFrom: from })) };
  }
  const pack = migration.value as unknown as StoryPack;
  return migration.from === undefined ? { ok: true, pack } : { ok: true, pack, migratedFrom: migration.from };
}

/** Reads a pack from a file's text: JSON first, then the pack. */
export function readStoryPackText(text: string): PackReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('$', { code: 'packNotJson', error: error instanceof Error ? error.message : String(error) });
  }
  return readStoryPack(value);
}

function fail(path: string, notice: PackNotice): PackReading {
  return { ok: false, problems: [{ path, notice }] };
}

/** Collects problems as the checks below walk a pack. */
class Problems {
  readonly list: PackProblem[] = [];

  add(path: string, notice: PackNotice): void {
    this.list.push({ path, notice });
  }

  /** Records `notice` at `path` unless `ok`; returns `ok`. */
  need(ok: boolean, path: string, notice: PackNotice): boolean {
    if (!ok) this.add(path, notice);
    return ok;
  }

  text(holder: Obj, key: string, path: string, max = MAX_TEXT): boolean {
    return this.need(isText(holder[key], max), `${path}.${key}`, { code: 'textLength', max });
  }

  matches(holder: Obj, key: string, path: string, pattern: RegExp, notice: PackNotice): boolean {
    const v = holder[key];
    return this.need(typeof v === 'string' && pattern.test(v), `${path}.${key}`, notice);
  }

  /** Fields the part does not have: most often a misspelt one, whose value would be silently ignored. */
  onlyFields(holder: Obj, path: string, part: PackPart): void {
    const fields: readonly string[] = PACK_FIELDS[part];
    for (const key of Object.keys(holder)) {
      if (!fields.includes(key)) this.add(`${path}.${key.slice(0, 60)}`, { code: 'notAField', part });
    }
  }

  /** The objects of a list field, each with its path; anything else in the list is reported. */
  objects(holder: Obj, key: string, path: string, max = MAX_LIST, min = 0): [Obj, string][] {
    const list = holder[key];
    const at = `${path}.${key}`;
    if (!Array.isArray(list)) {
      this.add(at, { code: 'notAList' });
      return [];
    }
    if (list.length > max) {
      this.add(at, { code: 'tooManyItems', count: list.length, max });
      return [];
    }
    if (list.length < min) this.add(at, { code: 'tooFewItems', min });
    const found: [Obj, string][] = [];
    for (const [i, item] of list.entries()) {
      if (this.need(isObj(item), `${at}[${i}]`, { code: 'notAnObject' })) found.push([item as Obj, `${at}[${i}]`]);
    }
    return found;
  }

  /** A list of names: each one text, with no spaces around it. */
  names(holder: Obj, key: string, path: string): string[] {
    const list = holder[key];
    const at = `${path}.${key}`;
    if (!Array.isArray(list)) {
      this.add(at, { code: 'notANameList' });
      return [];
    }
    if (list.length > MAX_NAMES_PER_LIST) {
      this.add(at, { code: 'tooManyNames', count: list.length, max: MAX_NAMES_PER_LIST });
      return [];
    }
    const names: string[] = [];
    for (const [i, name] of list.entries()) {
      if (!this.need(isText(name, MAX_NAME), `${at}[${i}]`, { code: 'nameLength', max: MAX_NAME })) continue;
      if (this.need(name === name.trim(), `${at}[${i}]`, { code: 'spacesAround' })) names.push(name);
    }
    return names;
  }

  /** An id unique within `seen`. */
  uniqueId(holder: Obj, path: string, seen: Set<string>, pattern = ID, notice: PackNotice = BAD_ID): string | null {
    const id = holder.id;
    if (!this.matches(holder, 'id', path, pattern, notice)) return null;
    if (!this.need(!seen.has(id as string), `${path}.id`, { code: 'usedTwice', id: shown(id) })) return null;
    seen.add(id as string);
    return id as string;
  }
}

/**
 * Every problem of a pack in the current schema version, part by part: a
 * part may refer to the ids of the parts checked before it.
 */
function checkPack(pack: Obj): PackProblem[] {
  const p = new Problems();
  checkHeader(p, pack);
  const cited = citationChecks(p, checkSource(p, pack.source));
  if (isObj(pack.source)) cited.statements(pack.source, 'summary', '$.source');
  const phases = checkPhases(p, cited, pack);
  const relationTypes = checkRelationTypes(p, pack);
  checkKeyFigures(p, cited, pack, phases);
  const entities = checkEntities(p, cited, pack);
  const facts = checkFacts(p, cited, pack, phases, entities);
  checkRelations(p, cited, pack, relationTypes, entities);
  checkArc(p, pack, phases, facts);
  if (pack.translations !== undefined) checkTranslations(p, pack);
  return p.list;
}

/** The pack's own fields: which pack, which version, in which language, by whom. */
function checkHeader(p: Problems, pack: Obj): void {
  p.onlyFields(pack, '$', 'pack');
  p.need(pack.$schema === undefined || typeof pack.$schema === 'string', '$.$schema', { code: 'textWhenPresent' });
  p.need(pack.schemaVersion === STORY_PACK_SCHEMA_VERSION, '$.schemaVersion', {
    code: 'schemaVersion',
    version: STORY_PACK_SCHEMA_VERSION,
  });
  p.matches(pack, 'id', '$', ID, BAD_ID);
  p.matches(pack, 'version', '$', VERSION, { code: 'badVersion' });
  p.text(pack, 'title', '$', MAX_NAME);
  p.matches(pack, 'language', '$', LANGUAGE, { code: 'badLanguage' });
  p.text(pack, 'author', '$', MAX_NAME);
  p.text(pack, 'licence', '$', MAX_NAME);
}

/** Checks the source and returns the ids of the paragraphs statements may cite. */
function checkSource(p: Problems, source: unknown): Set<string> {
  const ids = new Set<string>();
  if (!p.need(isObj(source), '$.source', { code: 'notAnObject' })) return ids;
  const s = source as Obj;
  p.onlyFields(s, '$.source', 'source');
  p.text(s, 'title', '$.source', 500);
  p.text(s, 'publisher', '$.source', MAX_NAME);
  p.need(s.date === 'undated' || (typeof s.date === 'string' && PARTIAL_DATE.test(s.date)), '$.source.date', {
    code: 'badSourceDate',
  });
  if (s.url !== undefined) p.need(isWebAddress(s.url), '$.source.url', { code: 'notWebAddress' });
  let lastPosition = 0;
  for (const [paragraph, path] of p.objects(s, 'paragraphs', '$.source', 1000, 1)) {
    p.onlyFields(paragraph, path, 'paragraph');
    p.uniqueId(paragraph, path, ids, PARAGRAPH_ID, { code: 'badParagraphId' });
    p.text(paragraph, 'label', path, 40);
    const position = paragraph.position;
    if (position === undefined) continue;
    if (p.need(Number.isInteger(position) && (position as number) > 0, `${path}.position`, { code: 'notPositive' })) {
      p.need((position as number) > lastPosition, `${path}.position`, { code: 'positionOrder' });
      lastPosition = position as number;
    }
  }
  return ids;
}

function isWebAddress(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2000) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The checks of what a pack says: each sentence cited to a paragraph of the source, or marked as background. */
interface Citations {
  /** The paragraph `holder` cites is one of the source's. */
  cites(holder: Obj, path: string): void;
  statement(value: unknown, path: string): void;
  /** A list of one statement or more. */
  statements(holder: Obj, key: string, path: string): void;
}

function citationChecks(p: Problems, paragraphs: ReadonlySet<string>): Citations {
  const cites = (holder: Obj, path: string) => {
    const ref = holder.paragraph;
    p.need(typeof ref === 'string' && paragraphs.has(ref), `${path}.paragraph`, {
      code: 'unknownParagraph',
      paragraph: shown(ref),
    });
  };
  const statement = (value: unknown, path: string) => {
    if (!p.need(isObj(value), path, { code: 'notAStatement' })) return;
    const s = value as Obj;
    p.onlyFields(s, path, 'statement');
    p.text(s, 'text', path);
    const cited = 'paragraph' in s;
    if (cited) cites(s, path);
    else p.need(s.background === true, path, { code: 'uncited' });
    p.need(!(cited && 'background' in s), path, { code: 'citedAndBackground' });
  };
  const statements = (holder: Obj, key: string, path: string) => {
    const list = holder[key];
    if (!p.need(Array.isArray(list) && list.length > 0, `${path}.${key}`, { code: 'noStatements' })) return;
    for (const [i, s] of (list as unknown[]).slice(0, MAX_LIST).entries()) statement(s, `${path}.${key}[${i}]`);
  };
  return { cites, statement, statements };
}

/** Checks the phases and returns their ids. */
function checkPhases(p: Problems, cited: Citations, pack: Obj): Set<string> {
  const ids = new Set<string>();
  for (const [phase, path] of p.objects(pack, 'phases', '$', 100, 1)) {
    p.onlyFields(phase, path, 'phase');
    p.uniqueId(phase, path, ids);
    p.text(phase, 'label', path, MAX_NAME);
    p.text(phase, 'period', path, MAX_NAME);
    p.need(Number.isInteger(phase.order), `${path}.order`, { code: 'notWhole' });
    for (const key of ['from', 'until'] as const) {
      if (phase[key] !== undefined) p.matches(phase, key, path, PARTIAL_DATE, { code: 'badDate' });
    }
    p.matches(phase, 'colour', path, COLOUR, { code: 'badColour' });
    cited.statement(phase.description, `${path}.description`);
  }
  return ids;
}

/** Checks the relation types and returns their ids. */
function checkRelationTypes(p: Problems, pack: Obj): Set<string> {
  const ids = new Set<string>();
  for (const [type, path] of p.objects(pack, 'relationTypes', '$', 100)) {
    p.onlyFields(type, path, 'relationType');
    p.uniqueId(type, path, ids);
    p.text(type, 'forward', path, MAX_NAME);
    p.text(type, 'reverse', path, MAX_NAME);
  }
  return ids;
}

function checkKeyFigures(p: Problems, cited: Citations, pack: Obj, phases: ReadonlySet<string>): void {
  const ids = new Set<string>();
  for (const [figure, path] of p.objects(pack, 'keyFigures', '$')) {
    p.onlyFields(figure, path, 'keyFigure');
    p.uniqueId(figure, path, ids);
    p.text(figure, 'value', path, MAX_NAME);
    p.text(figure, 'meaning', path);
    if (figure.phase !== undefined) {
      p.need(phases.has(figure.phase as string), `${path}.phase`, { code: 'unknownPhase', id: shown(figure.phase) });
    }
    cited.cites(figure, path);
  }
}

/** The entities' ids, the place of each entity, by its id (or its place, where its id is wrong), and their roles' ids. */
interface Entities {
  ids: Set<string>;
  paths: [string, string][];
  roles: Map<string, Set<string>>;
}

/** Checks the entities, each name of one entity alone, and returns their ids and places. */
function checkEntities(p: Problems, cited: Citations, pack: Obj): Entities {
  const ids = new Set<string>();
  const paths: [string, string][] = [];
  const nameOwners = new Map<string, string>();
  const roles = new Map<string, Set<string>>();
  let nameCount = 0;
  for (const [entity, path] of p.objects(pack, 'entities', '$', MAX_ENTITIES, 1)) {
    p.onlyFields(entity, path, 'entity');
    const id = p.uniqueId(entity, path, ids) ?? path;
    paths.push([id, path]);
    if (entity.roles !== undefined) roles.set(id, checkRoles(p, entity, path));
    p.need(
      typeof entity.kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(entity.kind),
      `${path}.kind`,
      { code: 'badKind', kinds: ENTITY_KINDS },
    );
    p.text(entity, 'name', path, MAX_NAME);
    if (entity.nativeName !== undefined) p.text(entity, 'nativeName', path, MAX_NAME);
    // Left out, the kind decides (story-roles.ts); given, it must say yes or no.
    p.need(
      entity.identifiesStory === undefined || typeof entity.identifiesStory === 'boolean',
      `${path}.identifiesStory`,
      { code: 'notTrueOrFalse', field: 'identifiesStory' },
    );
    cited.statements(entity, 'description', path);
    const lists = checkNameLists(p, entity, path);
    for (const list of Object.values(lists)) nameCount += list.length;
    for (const key of ['names', 'laterMentions', 'notNames'] as const) {
      for (const [i, name] of lists[key].entries()) {
        const owner = nameOwners.get(name);
        p.need(owner === undefined, `${path}.${key}[${i}]`, { code: 'nameClaimed', name, owner: owner ?? '' });
        nameOwners.set(name, id);
      }
    }
  }
  p.need(nameCount <= MAX_NAMES_PER_PACK, '$.entities', {
    code: 'tooManyNamesInPack',
    count: nameCount,
    max: MAX_NAMES_PER_PACK,
  });
  return { ids, paths, roles };
}

/** An entity's roles: two at least, each with its own id and a label. Returns their ids. */
function checkRoles(p: Problems, entity: Obj, path: string): Set<string> {
  const ids = new Set<string>();
  for (const [role, at] of p.objects(entity, 'roles', path, 10, 2)) {
    p.onlyFields(role, at, 'role');
    p.uniqueId(role, at, ids);
    p.text(role, 'label', at, MAX_NAME);
  }
  return ids;
}

type NameLists = Record<(typeof NAME_LISTS)[number], string[]>;

/** Checks an entity's lists of names, and returns the names of each that are well written. */
function checkNameLists(p: Problems, entity: Obj, path: string): NameLists {
  const lists = Object.fromEntries(NAME_LISTS.map((key) => [key, p.names(entity, key, path)])) as NameLists;
  for (const key of OPTIONAL_NAME_LISTS) {
    if (entity[key] === undefined) continue;
    const listed = p.names(entity, key, path);
    if (key !== 'shortForms') continue;
    for (const [i, form] of listed.entries()) {
      p.need(isShortForm(form), `${path}.shortForms[${i}]`, { code: 'badShortForm', form });
    }
  }
  const { names, laterMentions, opensLaterMentions } = lists;
  for (const key of ['names', 'laterMentions'] as const) {
    for (const [i, name] of lists[key].entries()) {
      const pageWide = pageWideName(name);
      if (pageWide !== null) {
        p.add(`${path}.${key}[${i}]`, { code: pageWide === 'tooShort' ? 'nameTooShort' : 'nameIsCommonWord', name });
      }
    }
  }
  p.need(names.length > 0, `${path}.names`, { code: 'noNames' });
  if (isText(entity.name)) {
    p.need(names.includes(entity.name), `${path}.names`, { code: 'missingDisplayName', name: entity.name });
  }
  for (const [i, name] of opensLaterMentions.entries()) {
    p.need(names.includes(name), `${path}.opensLaterMentions[${i}]`, { code: 'notOwnName', name });
  }
  p.need(laterMentions.length > 0 === opensLaterMentions.length > 0, `${path}.opensLaterMentions`, {
    code: 'openersForLater',
  });
  return lists;
}

/** Checks the facts, and that each entity has one at least; returns their ids. */
function checkFacts(
  p: Problems,
  cited: Citations,
  pack: Obj,
  phases: ReadonlySet<string>,
  entities: Entities,
): Set<string> {
  const ids = new Set<string>();
  const withFacts = new Set<string>();
  for (const [fact, path] of p.objects(pack, 'facts', '$')) {
    p.onlyFields(fact, path, 'fact');
    p.uniqueId(fact, path, ids);
    p.need(phases.has(fact.phase as string), `${path}.phase`, { code: 'unknownPhase', id: shown(fact.phase) });
    p.text(fact, 'text', path);
    if (fact.date !== undefined) p.matches(fact, 'date', path, PARTIAL_DATE, { code: 'badDate' });
    cited.cites(fact, path);
    if (!p.need(Array.isArray(fact.entities), `${path}.entities`, { code: 'notAnIdList', part: 'entity' })) continue;
    for (const [i, ref] of (fact.entities as unknown[]).entries()) {
      if (
        p.need(entities.ids.has(ref as string), `${path}.entities[${i}]`, { code: 'unknownEntity', id: shown(ref) })
      ) {
        withFacts.add(ref as string);
      }
    }
  }
  for (const [id, path] of entities.paths) {
    if (entities.ids.has(id)) p.need(withFacts.has(id), path, { code: 'noFact', id });
  }
  return ids;
}

function checkRelations(
  p: Problems,
  cited: Citations,
  pack: Obj,
  relationTypes: ReadonlySet<string>,
  entities: Entities,
): void {
  for (const [relation, path] of p.objects(pack, 'relations', '$')) {
    p.onlyFields(relation, path, 'relation');
    p.need(relationTypes.has(relation.type as string), `${path}.type`, {
      code: 'unknownRelationType',
      id: shown(relation.type),
    });
    for (const [end, role] of [
      ['from', 'fromRole'],
      ['to', 'toRole'],
    ] as const) {
      p.need(entities.ids.has(relation[end] as string), `${path}.${end}`, {
        code: 'unknownEntity',
        id: shown(relation[end]),
      });
      if (relation[role] === undefined) continue;
      const known = entities.roles.get(relation[end] as string);
      p.need(known?.has(relation[role] as string) === true, `${path}.${role}`, {
        code: 'unknownId',
        part: 'role',
        id: shown(relation[role]),
      });
    }
    p.need(relation.from !== relation.to, path, { code: 'selfRelation' });
    cited.cites(relation, path);
  }
}

/** The arc: each phase once at most, with facts of the pack. */
function checkArc(p: Problems, pack: Obj, phases: ReadonlySet<string>, facts: ReadonlySet<string>): void {
  const arcPhases = new Set<string>();
  for (const [step, path] of p.objects(pack, 'arc', '$', 100)) {
    p.onlyFields(step, path, 'arcStep');
    const phase = step.phase as string;
    if (p.need(phases.has(phase), `${path}.phase`, { code: 'unknownPhase', id: shown(phase) })) {
      p.need(!arcPhases.has(phase), `${path}.phase`, { code: 'phaseTwiceInArc', id: phase });
      arcPhases.add(phase);
    }
    if (!p.need(Array.isArray(step.facts), `${path}.facts`, { code: 'notAnIdList', part: 'fact' })) continue;
    for (const [i, ref] of (step.facts as unknown[]).entries()) {
      p.need(facts.has(ref as string), `${path}.facts[${i}]`, { code: 'unknownFact', id: shown(ref) });
    }
  }
}

/** The objects of a list field of `holder`, by their ids; none where it is not a list. */
function byId(holder: unknown, key: string): Map<string, Obj> {
  const list = isObj(holder) ? holder[key] : undefined;
  if (!Array.isArray(list)) return new Map();
  return new Map(list.filter(isObj).map((item) => [item.id as string, item]));
}

/**
 * Each translation: for a language other than the pack's own, of text the
 * pack has, found by ids the pack uses, and a list of sentences for each list
 * of statements, one for one.
 */
function checkTranslations(p: Problems, pack: Obj): void {
  if (!p.need(isObj(pack.translations), '$.translations', { code: 'notATranslationMap' })) return;
  for (const [tag, translation] of Object.entries(pack.translations as Obj)) {
    const path = `$.translations.${tag.slice(0, 20)}`;
    if (!p.need(LANGUAGE.test(tag), path, { code: 'badTranslationTag' })) continue;
    if (!p.need(tag !== pack.language, path, { code: 'translatesIntoOwn' })) continue;
    if (p.need(isObj(translation), path, { code: 'notAnObject' })) checkTranslation(p, pack, translation as Obj, path);
  }
}

/** One language's translation of the pack. */
function checkTranslation(p: Problems, pack: Obj, t: Obj, path: string): void {
  const source = isObj(pack.source) ? pack.source : {};
  p.onlyFields(t, path, 'translation');
  if (t.title !== undefined) p.text(t, 'title', path, MAX_NAME);
  if (t.summary !== undefined) checkSentences(p, t.summary, `${path}.summary`, source.summary);
  translatedById(p, t.paragraphs, `${path}.paragraphs`, byId(source, 'paragraphs'), [], 'paragraph');
  const translated = (key: string, fields: readonly string[], part: PackPart) =>
    translatedById(p, t[key], `${path}.${key}`, byId(pack, key), fields, part);
  const { phases, relationTypes, keyFigures, entities } = TRANSLATED_FIELDS;
  for (const [phase, , at] of translated('phases', phases, 'phase')) {
    for (const key of phases) {
      if (phase[key] !== undefined) p.text(phase, key, at, key === 'description' ? MAX_TEXT : MAX_NAME);
    }
  }
  for (const [type, , at] of translated('relationTypes', relationTypes, 'relationType')) {
    for (const key of relationTypes) if (type[key] !== undefined) p.text(type, key, at, MAX_NAME);
  }
  for (const [figure, , at] of translated('keyFigures', keyFigures, 'keyFigure')) {
    for (const key of keyFigures) if (figure[key] !== undefined) p.text(figure, key, at);
  }
  for (const [entity, original, at] of translated('entities', entities, 'entity')) {
    if (entity.description !== undefined)
      checkSentences(p, entity.description, `${at}.description`, original.description);
    const roles = new Map(
      (Array.isArray(original.roles) ? original.roles : []).filter(isObj).map((role) => [role.id as string, role]),
    );
    translatedById(p, entity.roles, `${at}.roles`, roles, [], 'role');
  }
  translated('facts', [], 'fact');
}

/** A list of sentences, one for each of the statements `originals`. */
function checkSentences(p: Problems, value: unknown, path: string, originals: unknown): void {
  const count = Array.isArray(originals) ? originals.length : 0;
  if (!p.need(Array.isArray(value), path, { code: 'notASentenceList' })) return;
  const list = value as unknown[];
  p.need(list.length === count, path, { code: 'sentenceCount', count });
  for (const [i, text] of list.slice(0, MAX_LIST).entries()) {
    p.need(isText(text), `${path}[${i}]`, { code: 'textLength', max: MAX_TEXT });
  }
}

/**
 * A map from ids of `known` to their text: a text, or an object of text
 * fields among `fields`. Returns each object found, with what it translates
 * and where it is.
 */
function translatedById(
  p: Problems,
  value: unknown,
  path: string,
  known: Map<string, Obj>,
  fields: readonly string[],
  part: PackPart,
): [Obj, Obj, string][] {
  if (value === undefined) return [];
  if (!p.need(isObj(value), path, { code: 'notATextMap', part })) return [];
  const found: [Obj, Obj, string][] = [];
  for (const [id, item] of Object.entries(value as Obj)) {
    const at = `${path}.${id.slice(0, 64)}`;
    const original = known.get(id);
    if (!p.need(original !== undefined, at, { code: 'unknownId', part, id: id.slice(0, 64) })) continue;
    if (fields.length === 0) {
      p.need(isText(item), at, { code: 'textLength', max: MAX_TEXT });
      continue;
    }
    if (!p.need(isObj(item), at, { code: 'notAnObject' })) continue;
    for (const key of Object.keys(item as Obj)) {
      if (!fields.includes(key)) p.add(`${at}.${key.slice(0, 60)}`, { code: 'notTranslatable', part });
    }
    found.push([item as Obj, original as Obj, at]);
  }
  return found;
}
