import { ENTITY_KINDS, STORY_PACK_SCHEMA_VERSION, type StoryPack } from '../data/schema';
import { migratedPack } from './pack-migration';
import { isObj, type Obj } from './plain-object';

/** One thing wrong with a pack, and where: a JSON path such as `$.entities[3].names[1]`. */
export interface PackProblem {
  path: string;
  message: string;
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
const ID_WORDS = 'an id of lower-case letters, digits and hyphens, at most 64';
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
  if (!isObj(value)) return fail('$', 'A story pack is a JSON object.');
  const version = value.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > STORY_PACK_SCHEMA_VERSION) {
    return fail(
      '$.schemaVersion',
      `This pack needs a newer Context Lens: it is written in schema version ${version}, and this version reads 1 to ${STORY_PACK_SCHEMA_VERSION}.`,
    );
  }
  const migration = migratedPack(value);
  const problems = checkPack(migration.value);
  if (problems.length > 0) {
    const note = migration.from === undefined ? '' : ` (in the pack as migrated from schema version ${migration.from})`;
    return { ok: false, problems: problems.map((p) => ({ ...p, message: p.message + note })) };
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
    return fail('$', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return readStoryPack(value);
}

function fail(path: string, message: string): PackReading {
  return { ok: false, problems: [{ path, message }] };
}

/** Collects problems as the checks below walk a pack. */
class Problems {
  readonly list: PackProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** Records `message` at `path` unless `ok`; returns `ok`. */
  need(ok: boolean, path: string, message: string): boolean {
    if (!ok) this.add(path, message);
    return ok;
  }

  text(holder: Obj, key: string, path: string, max = MAX_TEXT): boolean {
    return this.need(isText(holder[key], max), `${path}.${key}`, `must be text of 1 to ${max} characters`);
  }

  matches(holder: Obj, key: string, path: string, pattern: RegExp, what: string): boolean {
    const v = holder[key];
    return this.need(typeof v === 'string' && pattern.test(v), `${path}.${key}`, `must be ${what}`);
  }

  /** Fields a type does not have: most often a misspelt one, whose value would be silently ignored. */
  onlyFields(holder: Obj, path: string, fields: readonly string[], what: string): void {
    for (const key of Object.keys(holder)) {
      if (!fields.includes(key)) this.add(`${path}.${key.slice(0, 60)}`, `is not a field of ${what}`);
    }
  }

  /** The objects of a list field, each with its path; anything else in the list is reported. */
  objects(holder: Obj, key: string, path: string, max = MAX_LIST, min = 0): [Obj, string][] {
    const list = holder[key];
    const at = `${path}.${key}`;
    if (!Array.isArray(list)) {
      this.add(at, 'must be a list');
      return [];
    }
    if (list.length > max) {
      this.add(at, `holds ${list.length} items; a pack may have at most ${max}`);
      return [];
    }
    if (list.length < min) this.add(at, `must hold at least ${min} item${min === 1 ? '' : 's'}`);
    const found: [Obj, string][] = [];
    for (const [i, item] of list.entries()) {
      if (this.need(isObj(item), `${at}[${i}]`, 'must be an object')) found.push([item as Obj, `${at}[${i}]`]);
    }
    return found;
  }

  /** A list of names: each one text, with no spaces around it. */
  names(holder: Obj, key: string, path: string): string[] {
    const list = holder[key];
    const at = `${path}.${key}`;
    if (!Array.isArray(list)) {
      this.add(at, 'must be a list of names');
      return [];
    }
    if (list.length > MAX_NAMES_PER_LIST) {
      this.add(at, `holds ${list.length} names; an entity may have at most ${MAX_NAMES_PER_LIST} in one list`);
      return [];
    }
    const names: string[] = [];
    for (const [i, name] of list.entries()) {
      if (!this.need(isText(name, MAX_NAME), `${at}[${i}]`, `must be a name of 1 to ${MAX_NAME} characters`)) continue;
      if (this.need(name === name.trim(), `${at}[${i}]`, 'has spaces around it')) names.push(name);
    }
    return names;
  }

  /** An id unique within `seen`. */
  uniqueId(holder: Obj, path: string, seen: Set<string>, pattern = ID, what = ID_WORDS): string | null {
    const id = holder.id;
    if (!this.matches(holder, 'id', path, pattern, what)) return null;
    if (!this.need(!seen.has(id as string), `${path}.id`, `"${String(id)}" is used twice`)) return null;
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
  p.onlyFields(pack, '$', PACK_FIELDS, 'a story pack');
  p.need(pack.$schema === undefined || typeof pack.$schema === 'string', '$.$schema', 'must be text when present');
  p.need(
    pack.schemaVersion === STORY_PACK_SCHEMA_VERSION,
    '$.schemaVersion',
    `must be ${STORY_PACK_SCHEMA_VERSION} (or 1, for packs written before version 2)`,
  );
  p.matches(pack, 'id', '$', ID, ID_WORDS);
  p.matches(pack, 'version', '$', VERSION, 'a version such as "1", "1.2" or "1.2.0"');
  p.text(pack, 'title', '$', MAX_NAME);
  p.matches(pack, 'language', '$', LANGUAGE, 'a language tag such as "en" or "zh-CN"');
  p.text(pack, 'author', '$', MAX_NAME);
  p.text(pack, 'licence', '$', MAX_NAME);

  const paragraphs = checkSource(p, pack.source);
  const cites = (holder: Obj, path: string) => {
    const ref = holder.paragraph;
    p.need(
      typeof ref === 'string' && paragraphs.has(ref),
      `${path}.paragraph`,
      `cites paragraph "${String(ref)}", which is not in source.paragraphs`,
    );
  };
  const statement = (value: unknown, path: string) => {
    if (!p.need(isObj(value), path, 'must be a statement: {"text", "paragraph"} or {"text", "background": true}')) {
      return;
    }
    const s = value as Obj;
    p.onlyFields(s, path, ['text', 'paragraph', 'background'], 'a statement');
    p.text(s, 'text', path);
    const cited = 'paragraph' in s;
    if (cited) cites(s, path);
    else p.need(s.background === true, path, 'must cite a paragraph or be marked "background": true');
    p.need(!(cited && 'background' in s), path, 'cannot both cite a paragraph and be background');
  };
  const statements = (holder: Obj, key: string, path: string) => {
    const list = holder[key];
    if (!p.need(Array.isArray(list) && list.length > 0, `${path}.${key}`, 'must be a non-empty list of statements')) {
      return;
    }
    for (const [i, s] of (list as unknown[]).slice(0, MAX_LIST).entries()) statement(s, `${path}.${key}[${i}]`);
  };
  if (isObj(pack.source)) statements(pack.source, 'summary', '$.source');

  const phaseIds = new Set<string>();
  for (const [phase, path] of p.objects(pack, 'phases', '$', 100, 1)) {
    p.onlyFields(phase, path, PHASE_FIELDS, 'a phase');
    p.uniqueId(phase, path, phaseIds);
    p.text(phase, 'label', path, MAX_NAME);
    p.text(phase, 'period', path, MAX_NAME);
    p.need(Number.isInteger(phase.order), `${path}.order`, 'must be a whole number');
    for (const key of ['from', 'until'] as const) {
      if (phase[key] !== undefined) p.matches(phase, key, path, PARTIAL_DATE, 'a date: YYYY, YYYY-MM or YYYY-MM-DD');
    }
    p.matches(phase, 'colour', path, COLOUR, 'a colour as six hex digits, such as "#dc2626"');
    statement(phase.description, `${path}.description`);
  }

  const relationTypes = new Set<string>();
  for (const [type, path] of p.objects(pack, 'relationTypes', '$', 100)) {
    p.onlyFields(type, path, RELATION_TYPE_FIELDS, 'a relation type');
    p.uniqueId(type, path, relationTypes);
    p.text(type, 'forward', path, MAX_NAME);
    p.text(type, 'reverse', path, MAX_NAME);
  }

  const figureIds = new Set<string>();
  for (const [figure, path] of p.objects(pack, 'keyFigures', '$')) {
    p.onlyFields(figure, path, FIGURE_FIELDS, 'a key figure');
    p.uniqueId(figure, path, figureIds);
    p.text(figure, 'value', path, MAX_NAME);
    p.text(figure, 'meaning', path);
    if (figure.phase !== undefined) {
      p.need(
        phaseIds.has(figure.phase as string),
        `${path}.phase`,
        `"${String(figure.phase)}" is not one of the phases`,
      );
    }
    cites(figure, path);
  }

  const entityIds = new Set<string>();
  const entityPaths: [string, string][] = [];
  const nameOwner = new Map<string, string>();
  for (const [entity, path] of p.objects(pack, 'entities', '$', MAX_ENTITIES, 1)) {
    p.onlyFields(entity, path, ENTITY_FIELDS, 'an entity');
    const id = p.uniqueId(entity, path, entityIds) ?? path;
    entityPaths.push([id, path]);
    p.need(
      typeof entity.kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(entity.kind),
      `${path}.kind`,
      `must be one of ${ENTITY_KINDS.join(', ')}`,
    );
    p.text(entity, 'name', path, MAX_NAME);
    if (entity.nativeName !== undefined) p.text(entity, 'nativeName', path, MAX_NAME);
    statements(entity, 'description', path);
    const names = p.names(entity, 'names', path);
    const later = p.names(entity, 'laterMentions', path);
    const opens = p.names(entity, 'opensLaterMentions', path);
    const notNames = p.names(entity, 'notNames', path);
    p.names(entity, 'notAfter', path);
    p.need(names.length > 0, `${path}.names`, 'must hold at least one name');
    if (isText(entity.name)) {
      p.need(names.includes(entity.name), `${path}.names`, `must include the display name "${entity.name}"`);
    }
    for (const [i, name] of opens.entries()) {
      p.need(names.includes(name), `${path}.opensLaterMentions[${i}]`, `"${name}" is not one of the entity's names`);
    }
    p.need(
      later.length > 0 === opens.length > 0,
      `${path}.opensLaterMentions`,
      'must name at least one full name exactly when the entity has later mentions',
    );
    for (const [key, list] of [
      ['names', names],
      ['laterMentions', later],
      ['notNames', notNames],
    ] as const) {
      for (const [i, name] of list.entries()) {
        const owner = nameOwner.get(name);
        p.need(owner === undefined, `${path}.${key}[${i}]`, `"${name}" is already claimed by "${owner}"`);
        nameOwner.set(name, id);
      }
    }
  }

  const factIds = new Set<string>();
  const entitiesWithFacts = new Set<string>();
  for (const [fact, path] of p.objects(pack, 'facts', '$')) {
    p.onlyFields(fact, path, FACT_FIELDS, 'a fact');
    p.uniqueId(fact, path, factIds);
    p.need(phaseIds.has(fact.phase as string), `${path}.phase`, `"${String(fact.phase)}" is not one of the phases`);
    p.text(fact, 'text', path);
    if (fact.date !== undefined) p.matches(fact, 'date', path, PARTIAL_DATE, 'a date: YYYY, YYYY-MM or YYYY-MM-DD');
    cites(fact, path);
    if (!p.need(Array.isArray(fact.entities), `${path}.entities`, 'must be a list of entity ids')) continue;
    for (const [i, ref] of (fact.entities as unknown[]).entries()) {
      if (p.need(entityIds.has(ref as string), `${path}.entities[${i}]`, `"${String(ref)}" is not an entity's id`)) {
        entitiesWithFacts.add(ref as string);
      }
    }
  }
  for (const [id, path] of entityPaths) {
    if (entityIds.has(id)) p.need(entitiesWithFacts.has(id), path, `"${id}" has no fact: every entity needs one`);
  }

  for (const [relation, path] of p.objects(pack, 'relations', '$')) {
    p.onlyFields(relation, path, RELATION_FIELDS, 'a relation');
    p.need(
      relationTypes.has(relation.type as string),
      `${path}.type`,
      `"${String(relation.type)}" is not one of the relation types`,
    );
    for (const end of ['from', 'to'] as const) {
      p.need(
        entityIds.has(relation[end] as string),
        `${path}.${end}`,
        `"${String(relation[end])}" is not an entity's id`,
      );
    }
    p.need(relation.from !== relation.to, path, 'relates an entity to itself');
    cites(relation, path);
  }

  const arcPhases = new Set<string>();
  for (const [step, path] of p.objects(pack, 'arc', '$', 100)) {
    p.onlyFields(step, path, ARC_FIELDS, 'a step of the arc');
    const phase = step.phase as string;
    if (p.need(phaseIds.has(phase), `${path}.phase`, `"${String(phase)}" is not one of the phases`)) {
      p.need(!arcPhases.has(phase), `${path}.phase`, `"${phase}" is already in the arc`);
      arcPhases.add(phase);
    }
    if (!p.need(Array.isArray(step.facts), `${path}.facts`, 'must be a list of fact ids')) continue;
    for (const [i, ref] of (step.facts as unknown[]).entries()) {
      p.need(factIds.has(ref as string), `${path}.facts[${i}]`, `"${String(ref)}" is not a fact's id`);
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
  if (!p.need(isObj(pack.translations), '$.translations', 'must map language tags to translations')) return;
  const sentences = (value: unknown, path: string, originals: unknown) => {
    const count = Array.isArray(originals) ? originals.length : 0;
    if (!p.need(Array.isArray(value), path, 'must be a list of sentences')) return;
    const list = value as unknown[];
    p.need(list.length === count, path, `must hold ${count} sentences, one for each it translates`);
    for (const [i, text] of list.slice(0, MAX_LIST).entries()) p.need(isText(text), `${path}[${i}]`, 'must be text');
  };
  /** A map from ids of `known` to objects of text fields among `fields`. */
  const fieldsById = (
    value: unknown,
    path: string,
    known: Map<string, Obj>,
    fields: readonly string[],
    what: string,
  ) => {
    if (value === undefined) return [];
    if (!p.need(isObj(value), path, `must map ${what} ids to their text`)) return [];
    const found: [Obj, Obj, string][] = [];
    for (const [id, item] of Object.entries(value as Obj)) {
      const at = `${path}.${id.slice(0, 64)}`;
      const original = known.get(id);
      if (!p.need(original !== undefined, at, `"${id.slice(0, 64)}" is not one of the ${what} ids`)) continue;
      if (fields.length === 0) {
        p.need(isText(item), at, 'must be text');
        continue;
      }
      if (!p.need(isObj(item), at, 'must be an object')) continue;
      p.onlyFields(item as Obj, at, fields, `a translated ${what}`);
      found.push([item as Obj, original as Obj, at]);
    }
    return found;
  };
  const source = isObj(pack.source) ? pack.source : {};
  for (const [tag, translation] of Object.entries(pack.translations as Obj)) {
    const path = `$.translations.${tag.slice(0, 20)}`;
    if (!p.need(LANGUAGE.test(tag), path, 'must be named by a language tag such as "zh-CN"')) continue;
    if (!p.need(tag !== pack.language, path, 'translates into the language the pack is written in')) continue;
    if (!p.need(isObj(translation), path, 'must be an object')) continue;
    const t = translation as Obj;
    p.onlyFields(t, path, TRANSLATION_FIELDS, 'a translation');
    if (t.title !== undefined) p.text(t, 'title', path, MAX_NAME);
    if (t.summary !== undefined) sentences(t.summary, `${path}.summary`, source.summary);
    fieldsById(t.paragraphs, `${path}.paragraphs`, byId(source, 'paragraphs'), [], 'paragraph');
    for (const [phase, , at] of fieldsById(t.phases, `${path}.phases`, byId(pack, 'phases'), PHASE_TEXT, 'phase')) {
      for (const key of PHASE_TEXT) {
        if (phase[key] !== undefined) p.text(phase, key, at, key === 'description' ? MAX_TEXT : MAX_NAME);
      }
    }
    const types = fieldsById(
      t.relationTypes,
      `${path}.relationTypes`,
      byId(pack, 'relationTypes'),
      RELATION_TEXT,
      'relation type',
    );
    for (const [type, , at] of types)
      for (const key of RELATION_TEXT) if (type[key] !== undefined) p.text(type, key, at, MAX_NAME);
    for (const [figure, , at] of fieldsById(
      t.keyFigures,
      `${path}.keyFigures`,
      byId(pack, 'keyFigures'),
      FIGURE_TEXT,
      'key figure',
    )) {
      for (const key of FIGURE_TEXT) if (figure[key] !== undefined) p.text(figure, key, at);
    }
    for (const [entity, original, at] of fieldsById(
      t.entities,
      `${path}.entities`,
      byId(pack, 'entities'),
      ['description'],
      'entity',
    )) {
      if (entity.description !== undefined) sentences(entity.description, `${at}.description`, original.description);
    }
    fieldsById(t.facts, `${path}.facts`, byId(pack, 'facts'), [], 'fact');
  }
}

const PHASE_TEXT = ['label', 'period', 'description'] as const;
const RELATION_TEXT = ['forward', 'reverse'] as const;
const FIGURE_TEXT = ['value', 'meaning'] as const;

/** Checks the source and returns the ids of the paragraphs statements may cite. */
function checkSource(p: Problems, source: unknown): Set<string> {
  const ids = new Set<string>();
  if (!p.need(isObj(source), '$.source', 'must be an object')) return ids;
  const s = source as Obj;
  p.onlyFields(s, '$.source', SOURCE_FIELDS, 'the source');
  p.text(s, 'title', '$.source', 500);
  p.text(s, 'publisher', '$.source', MAX_NAME);
  p.need(
    s.date === 'undated' || (typeof s.date === 'string' && PARTIAL_DATE.test(s.date)),
    '$.source.date',
    'must be a date (YYYY, YYYY-MM or YYYY-MM-DD) or "undated"',
  );
  if (s.url !== undefined) p.need(isWebAddress(s.url), '$.source.url', 'must be an http or https address');
  let lastPosition = 0;
  for (const [paragraph, path] of p.objects(s, 'paragraphs', '$.source', 1000, 1)) {
    p.onlyFields(paragraph, path, PARAGRAPH_FIELDS, 'a paragraph');
    p.uniqueId(paragraph, path, ids, PARAGRAPH_ID, 'an id of letters, digits and hyphens, at most 64');
    p.text(paragraph, 'label', path, 40);
    const position = paragraph.position;
    if (position === undefined) continue;
    if (p.need(Number.isInteger(position) && (position as number) > 0, `${path}.position`, 'must be 1 or more')) {
      p.need(
        (position as number) > lastPosition,
        `${path}.position`,
        'must come after the position before it: paragraphs are listed in reading order',
      );
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
