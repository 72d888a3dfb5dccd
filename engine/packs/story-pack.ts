import { ENTITY_KINDS, STORY_PACK_SCHEMA_VERSION, type StoryPack } from '../../data/schema';
import type { Notice, PackNotice, PackPart } from '../notices';
import { migratedPack } from './pack-migration';
import { isObj, type Obj } from './plain-object';

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

  /** Fields a type does not have: most often a misspelt one, whose value would be silently ignored. */
  onlyFields(holder: Obj, path: string, fields: readonly string[], part: PackPart): void {
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
    if (!this.need(!seen.has(id as string), `${path}.id`, { code: 'usedTwice', id: String(id) })) return null;
    seen.add(id as string);
    return id as string;
  }
}

const PACK_FIELDS = [
  '$schema',
  'schemaVersion',
  'id',
  'version',
  'title',
  'language',
  'author',
  'licence',
  'source',
  'phases',
  'relationTypes',
  'keyFigures',
  'entities',
  'facts',
  'relations',
  'arc',
  'translations',
] as const;
const TRANSLATION_FIELDS = [
  'title',
  'summary',
  'paragraphs',
  'phases',
  'relationTypes',
  'keyFigures',
  'entities',
  'facts',
] as const;
const SOURCE_FIELDS = ['title', 'publisher', 'date', 'url', 'summary', 'paragraphs'] as const;
const PARAGRAPH_FIELDS = ['id', 'label', 'position'] as const;
const PHASE_FIELDS = ['id', 'label', 'order', 'period', 'from', 'until', 'colour', 'description'] as const;
const RELATION_TYPE_FIELDS = ['id', 'forward', 'reverse'] as const;
const FIGURE_FIELDS = ['id', 'value', 'meaning', 'phase', 'paragraph'] as const;
const ENTITY_FIELDS = [
  'id',
  'kind',
  'name',
  'nativeName',
  'description',
  'names',
  'laterMentions',
  'opensLaterMentions',
  'notNames',
  'notAfter',
] as const;
const FACT_FIELDS = ['id', 'phase', 'text', 'entities', 'date', 'paragraph'] as const;
const RELATION_FIELDS = ['from', 'type', 'to', 'paragraph'] as const;
const ARC_FIELDS = ['phase', 'facts'] as const;

/** Every problem of a pack in the current schema version. */
function checkPack(pack: Obj): PackProblem[] {
  const p = new Problems();
  p.onlyFields(pack, '$', PACK_FIELDS, 'pack');
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

  const paragraphs = checkSource(p, pack.source);
  const cites = (holder: Obj, path: string) => {
    const ref = holder.paragraph;
    p.need(typeof ref === 'string' && paragraphs.has(ref), `${path}.paragraph`, {
      code: 'unknownParagraph',
      paragraph: String(ref),
    });
  };
  const statement = (value: unknown, path: string) => {
    if (!p.need(isObj(value), path, { code: 'notAStatement' })) return;
    const s = value as Obj;
    p.onlyFields(s, path, ['text', 'paragraph', 'background'], 'statement');
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
  if (isObj(pack.source)) statements(pack.source, 'summary', '$.source');

  const phaseIds = new Set<string>();
  for (const [phase, path] of p.objects(pack, 'phases', '$', 100, 1)) {
    p.onlyFields(phase, path, PHASE_FIELDS, 'phase');
    p.uniqueId(phase, path, phaseIds);
    p.text(phase, 'label', path, MAX_NAME);
    p.text(phase, 'period', path, MAX_NAME);
    p.need(Number.isInteger(phase.order), `${path}.order`, { code: 'notWhole' });
    for (const key of ['from', 'until'] as const) {
      if (phase[key] !== undefined) p.matches(phase, key, path, PARTIAL_DATE, { code: 'badDate' });
    }
    p.matches(phase, 'colour', path, COLOUR, { code: 'badColour' });
    statement(phase.description, `${path}.description`);
  }

  const relationTypes = new Set<string>();
  for (const [type, path] of p.objects(pack, 'relationTypes', '$', 100)) {
    p.onlyFields(type, path, RELATION_TYPE_FIELDS, 'relationType');
    p.uniqueId(type, path, relationTypes);
    p.text(type, 'forward', path, MAX_NAME);
    p.text(type, 'reverse', path, MAX_NAME);
  }

  const figureIds = new Set<string>();
  for (const [figure, path] of p.objects(pack, 'keyFigures', '$')) {
    p.onlyFields(figure, path, FIGURE_FIELDS, 'keyFigure');
    p.uniqueId(figure, path, figureIds);
    p.text(figure, 'value', path, MAX_NAME);
    p.text(figure, 'meaning', path);
    if (figure.phase !== undefined) {
      p.need(phaseIds.has(figure.phase as string), `${path}.phase`, { code: 'unknownPhase', id: String(figure.phase) });
    }
    cites(figure, path);
  }

  const entityIds = new Set<string>();
  const entityPaths: [string, string][] = [];
  const nameOwner = new Map<string, string>();
  for (const [entity, path] of p.objects(pack, 'entities', '$', MAX_ENTITIES, 1)) {
    p.onlyFields(entity, path, ENTITY_FIELDS, 'entity');
    const id = p.uniqueId(entity, path, entityIds) ?? path;
    entityPaths.push([id, path]);
    p.need(
      typeof entity.kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(entity.kind),
      `${path}.kind`,
      { code: 'badKind', kinds: ENTITY_KINDS },
    );
    p.text(entity, 'name', path, MAX_NAME);
    if (entity.nativeName !== undefined) p.text(entity, 'nativeName', path, MAX_NAME);
    statements(entity, 'description', path);
    const names = p.names(entity, 'names', path);
    const later = p.names(entity, 'laterMentions', path);
    const opens = p.names(entity, 'opensLaterMentions', path);
    const notNames = p.names(entity, 'notNames', path);
    p.names(entity, 'notAfter', path);
    p.need(names.length > 0, `${path}.names`, { code: 'noNames' });
    if (isText(entity.name)) {
      p.need(names.includes(entity.name), `${path}.names`, { code: 'missingDisplayName', name: entity.name });
    }
    for (const [i, name] of opens.entries()) {
      p.need(names.includes(name), `${path}.opensLaterMentions[${i}]`, { code: 'notOwnName', name });
    }
    p.need(later.length > 0 === opens.length > 0, `${path}.opensLaterMentions`, { code: 'openersForLater' });
    for (const [key, list] of [
      ['names', names],
      ['laterMentions', later],
      ['notNames', notNames],
    ] as const) {
      for (const [i, name] of list.entries()) {
        const owner = nameOwner.get(name);
        p.need(owner === undefined, `${path}.${key}[${i}]`, { code: 'nameClaimed', name, owner: String(owner) });
        nameOwner.set(name, id);
      }
    }
  }

  const factIds = new Set<string>();
  const entitiesWithFacts = new Set<string>();
  for (const [fact, path] of p.objects(pack, 'facts', '$')) {
    p.onlyFields(fact, path, FACT_FIELDS, 'fact');
    p.uniqueId(fact, path, factIds);
    p.need(phaseIds.has(fact.phase as string), `${path}.phase`, { code: 'unknownPhase', id: String(fact.phase) });
    p.text(fact, 'text', path);
    if (fact.date !== undefined) p.matches(fact, 'date', path, PARTIAL_DATE, { code: 'badDate' });
    cites(fact, path);
    if (!p.need(Array.isArray(fact.entities), `${path}.entities`, { code: 'notAnIdList', part: 'entity' })) continue;
    for (const [i, ref] of (fact.entities as unknown[]).entries()) {
      if (p.need(entityIds.has(ref as string), `${path}.entities[${i}]`, { code: 'unknownEntity', id: String(ref) })) {
        entitiesWithFacts.add(ref as string);
      }
    }
  }
  for (const [id, path] of entityPaths) {
    if (entityIds.has(id)) p.need(entitiesWithFacts.has(id), path, { code: 'noFact', id });
  }

  for (const [relation, path] of p.objects(pack, 'relations', '$')) {
    p.onlyFields(relation, path, RELATION_FIELDS, 'relation');
    p.need(relationTypes.has(relation.type as string), `${path}.type`, {
      code: 'unknownRelationType',
      id: String(relation.type),
    });
    for (const end of ['from', 'to'] as const) {
      p.need(entityIds.has(relation[end] as string), `${path}.${end}`, {
        code: 'unknownEntity',
        id: String(relation[end]),
      });
    }
    p.need(relation.from !== relation.to, path, { code: 'selfRelation' });
    cites(relation, path);
  }

  const arcPhases = new Set<string>();
  for (const [step, path] of p.objects(pack, 'arc', '$', 100)) {
    p.onlyFields(step, path, ARC_FIELDS, 'arcStep');
    const phase = step.phase as string;
    if (p.need(phaseIds.has(phase), `${path}.phase`, { code: 'unknownPhase', id: String(phase) })) {
      p.need(!arcPhases.has(phase), `${path}.phase`, { code: 'phaseTwiceInArc', id: phase });
      arcPhases.add(phase);
    }
    if (!p.need(Array.isArray(step.facts), `${path}.facts`, { code: 'notAnIdList', part: 'fact' })) continue;
    for (const [i, ref] of (step.facts as unknown[]).entries()) {
      p.need(factIds.has(ref as string), `${path}.facts[${i}]`, { code: 'unknownFact', id: String(ref) });
    }
  }

  if (pack.translations !== undefined) checkTranslations(p, pack);
  return p.list;
}

/** The objects of a list field of `holder`, by their ids; none where it is not a list. */
function byId(holder: unknown, key: string): Map<string, Obj> {
  const list = isObj(holder) ? holder[key] : undefined;
  if (!Array.isArray(list)) return new Map();
  return new Map(list.filter(isObj).map((item) => [String(item.id), item]));
}

/**
 * Each translation: for a language other than the pack's own, of text the
 * pack has, found by ids the pack uses, and a list of sentences for each list
 * of statements, one for one.
 */
function checkTranslations(p: Problems, pack: Obj): void {
  if (!p.need(isObj(pack.translations), '$.translations', { code: 'notATranslationMap' })) return;
  const sentences = (value: unknown, path: string, originals: unknown) => {
    const count = Array.isArray(originals) ? originals.length : 0;
    if (!p.need(Array.isArray(value), path, { code: 'notASentenceList' })) return;
    const list = value as unknown[];
    p.need(list.length === count, path, { code: 'sentenceCount', count });
    for (const [i, text] of list.slice(0, MAX_LIST).entries()) {
      p.need(isText(text), `${path}[${i}]`, { code: 'textLength', max: MAX_TEXT });
    }
  };
  /** A map from ids of `known` to their text: a text, or an object of text fields among `fields`. */
  const fieldsById = (
    value: unknown,
    path: string,
    known: Map<string, Obj>,
    fields: readonly string[],
    part: PackPart,
  ): [Obj, Obj, string][] => {
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
  };
  const source = isObj(pack.source) ? pack.source : {};
  for (const [tag, translation] of Object.entries(pack.translations as Obj)) {
    const path = `$.translations.${tag.slice(0, 20)}`;
    if (!p.need(LANGUAGE.test(tag), path, { code: 'badTranslationTag' })) continue;
    if (!p.need(tag !== pack.language, path, { code: 'translatesIntoOwn' })) continue;
    if (!p.need(isObj(translation), path, { code: 'notAnObject' })) continue;
    const t = translation as Obj;
    p.onlyFields(t, path, TRANSLATION_FIELDS, 'translation');
    if (t.title !== undefined) p.text(t, 'title', path, MAX_NAME);
    if (t.summary !== undefined) sentences(t.summary, `${path}.summary`, source.summary);
    fieldsById(t.paragraphs, `${path}.paragraphs`, byId(source, 'paragraphs'), [], 'paragraph');
    const fieldsOf = (key: string, fields: readonly string[], part: PackPart) =>
      fieldsById(t[key], `${path}.${key}`, byId(pack, key), fields, part);
    for (const [phase, , at] of fieldsOf('phases', PHASE_TEXT, 'phase')) {
      for (const key of PHASE_TEXT) {
        if (phase[key] !== undefined) p.text(phase, key, at, key === 'description' ? MAX_TEXT : MAX_NAME);
      }
    }
    for (const [type, , at] of fieldsOf('relationTypes', RELATION_TEXT, 'relationType')) {
      for (const key of RELATION_TEXT) if (type[key] !== undefined) p.text(type, key, at, MAX_NAME);
    }
    for (const [figure, , at] of fieldsOf('keyFigures', FIGURE_TEXT, 'keyFigure')) {
      for (const key of FIGURE_TEXT) if (figure[key] !== undefined) p.text(figure, key, at);
    }
    for (const [entity, original, at] of fieldsOf('entities', ['description'], 'entity')) {
      if (entity.description !== undefined) sentences(entity.description, `${at}.description`, original.description);
    }
    fieldsOf('facts', [], 'fact');
  }
}

const PHASE_TEXT = ['label', 'period', 'description'] as const;
const RELATION_TEXT = ['forward', 'reverse'] as const;
const FIGURE_TEXT = ['value', 'meaning'] as const;

/** Checks the source and returns the ids of the paragraphs statements may cite. */
function checkSource(p: Problems, source: unknown): Set<string> {
  const ids = new Set<string>();
  if (!p.need(isObj(source), '$.source', { code: 'notAnObject' })) return ids;
  const s = source as Obj;
  p.onlyFields(s, '$.source', SOURCE_FIELDS, 'source');
  p.text(s, 'title', '$.source', 500);
  p.text(s, 'publisher', '$.source', MAX_NAME);
  p.need(s.date === 'undated' || (typeof s.date === 'string' && PARTIAL_DATE.test(s.date)), '$.source.date', {
    code: 'badSourceDate',
  });
  if (s.url !== undefined) p.need(isWebAddress(s.url), '$.source.url', { code: 'notWebAddress' });
  let lastPosition = 0;
  for (const [paragraph, path] of p.objects(s, 'paragraphs', '$.source', 1000, 1)) {
    p.onlyFields(paragraph, path, PARAGRAPH_FIELDS, 'paragraph');
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
