import { ENTITY_KINDS, PHASE_IDS, RELATION_TYPES, STORY_PACK_SCHEMA_VERSION, type StoryPack } from '../data/schema';

export type PackCheck = { ok: true; pack: StoryPack } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

/**
 * Checks an unknown value (a bundled or user-loaded pack) against the schema
 * and its cross-references. Every problem is reported, not just the first,
 * so a pack author can fix them in one go.
 */
export function checkStoryPack(value: unknown): PackCheck {
  const errors: string[] = [];
  const need = (cond: boolean, message: string) => {
    if (!cond) errors.push(message);
    return cond;
  };

  if (!isObj(value)) return { ok: false, errors: ['pack is not an object'] };
  need(value.schemaVersion === STORY_PACK_SCHEMA_VERSION, `schemaVersion must be ${STORY_PACK_SCHEMA_VERSION}`);
  need(isText(value.id), 'id must be a non-empty string');
  need(isText(value.title), 'title must be a non-empty string');

  const source = value.source;
  const paragraphIds = new Set<string>();
  if (need(isObj(source), 'source must be an object') && isObj(source)) {
    need(isText(source.headline), 'source.headline must be a non-empty string');
    need(isText(source.published), 'source.published must be a date or "undated"');
    if (
      need(Array.isArray(source.paragraphs), 'source.paragraphs must be a list') &&
      Array.isArray(source.paragraphs)
    ) {
      for (const [i, p] of source.paragraphs.entries()) {
        if (!need(isObj(p) && isText(p.id) && isText(p.label), `source.paragraphs[${i}] needs id and label`)) continue;
        const id = (p as Obj).id as string;
        need(!paragraphIds.has(id), `paragraph id "${id}" is used twice`);
        paragraphIds.add(id);
      }
    }
  }
  const citesParagraph = (where: string, p: unknown) =>
    need(typeof p === 'string' && paragraphIds.has(p), `${where} cites paragraph "${String(p)}", which does not exist`);
  /** A sentence shown to readers: it cites a paragraph, or says it is background. */
  const checkStatement = (where: string, s: unknown) => {
    if (!need(isObj(s) && isText(s.text), `${where} needs a text`)) return;
    const statement = s as Obj;
    const cites = 'paragraph' in statement;
    if (cites) citesParagraph(where, statement.paragraph);
    else need(statement.background === true, `${where} must cite a paragraph or be marked "background": true`);
    need(!(cites && 'background' in statement), `${where} cannot both cite a paragraph and be background`);
  };
  const checkStatements = (where: string, list: unknown) => {
    if (!need(Array.isArray(list) && list.length > 0, `${where} must be a non-empty list of statements`)) return;
    for (const [i, s] of (list as unknown[]).entries()) checkStatement(`${where}[${i}]`, s);
  };
  checkStatements('source.summary', isObj(source) ? source.summary : undefined);

  const phaseIds = new Set<string>();
  for (const [i, phase] of listOf(value.phases, 'phases', errors).entries()) {
    if (
      !need(
        isObj(phase) && isText(phase.label) && isText(phase.period),
        `phases[${i}] needs label, period and description`,
      )
    )
      continue;
    const id = (phase as Obj).id;
    checkStatement(`phases[${i}].description`, (phase as Obj).description);
    need(
      typeof id === 'string' && (PHASE_IDS as readonly string[]).includes(id),
      `phases[${i}].id "${String(id)}" is not a known phase`,
    );
    need(!phaseIds.has(id as string), `phase "${String(id)}" is listed twice`);
    phaseIds.add(id as string);
  }

  const figureIds = new Set<string>();
  for (const [i, figure] of listOf(value.keyFigures, 'keyFigures', errors).entries()) {
    if (
      !need(
        isObj(figure) && isText(figure.id) && isText(figure.value) && isText(figure.meaning),
        `keyFigures[${i}] needs id, value and meaning`,
      )
    )
      continue;
    const f = figure as Obj;
    need(!figureIds.has(f.id as string), `key figure id "${String(f.id)}" is used twice`);
    figureIds.add(f.id as string);
    citesParagraph(`key figure "${String(f.id)}"`, f.paragraph);
  }

  const entityIds = new Set<string>();
  const nameOwner = new Map<string, string>();
  for (const [i, entity] of listOf(value.entities, 'entities', errors).entries()) {
    if (
      !need(isObj(entity) && isText(entity.id) && isText(entity.name), `entities[${i}] needs id, name and description`)
    )
      continue;
    const e = entity as Obj;
    const id = e.id as string;
    checkStatements(`entity "${id}" description`, e.description);
    need(!entityIds.has(id), `entity id "${id}" is used twice`);
    entityIds.add(id);
    need(
      typeof e.kind === 'string' && (ENTITY_KINDS as readonly string[]).includes(e.kind),
      `entity "${id}" has unknown kind "${String(e.kind)}"`,
    );
    need(e.nativeName === undefined || isText(e.nativeName), `entity "${id}" nativeName must be a string when present`);
    const lists = ['names', 'laterMentions', 'notNames'] as const;
    for (const list of ['names', 'laterMentions', 'opensLaterMentions', 'notNames', 'notAfter'] as const) {
      need(isTextList(e[list]), `entity "${id}" ${list} must be a list of strings`);
    }
    if (!isTextList(e.names)) continue;
    need(e.names.includes(e.name as string), `entity "${id}" must list its display name among its names`);
    if (isTextList(e.opensLaterMentions) && isTextList(e.laterMentions)) {
      for (const name of e.opensLaterMentions) {
        need(
          e.names.includes(name),
          `entity "${id}" opens later mentions with "${name}", which is not one of its names`,
        );
      }
      need(
        e.laterMentions.length > 0 === e.opensLaterMentions.length > 0,
        `entity "${id}" needs opensLaterMentions exactly when it has laterMentions`,
      );
    }
    for (const list of lists) {
      const names = e[list];
      if (!isTextList(names)) continue;
      for (const name of names) {
        need(name === name.trim(), `entity "${id}" name "${name}" has surrounding spaces`);
        const owner = nameOwner.get(name);
        need(owner === undefined, `name "${name}" is claimed by both "${owner}" and "${id}"`);
        nameOwner.set(name, id);
      }
    }
  }
  const resolvesEntity = (where: string, ref: unknown) =>
    need(typeof ref === 'string' && entityIds.has(ref), `${where} refers to unknown entity "${String(ref)}"`);

  const factIds = new Set<string>();
  const entitiesWithFacts = new Set<string>();
  for (const [i, fact] of listOf(value.facts, 'facts', errors).entries()) {
    if (
      !need(
        isObj(fact) && isText(fact.id) && isText(fact.text) && Array.isArray(fact.entities),
        `facts[${i}] needs id, text and entities`,
      )
    )
      continue;
    const f = fact as Obj;
    const id = f.id as string;
    need(!factIds.has(id), `fact id "${id}" is used twice`);
    factIds.add(id);
    need(phaseIds.has(f.phase as string), `fact "${id}" has unknown phase "${String(f.phase)}"`);
    citesParagraph(`fact "${id}"`, f.paragraph);
    for (const ref of f.entities as unknown[]) {
      if (resolvesEntity(`fact "${id}"`, ref)) entitiesWithFacts.add(ref as string);
    }
  }
  for (const id of entityIds) need(entitiesWithFacts.has(id), `entity "${id}" has no fact`);

  for (const [i, relation] of listOf(value.relations, 'relations', errors).entries()) {
    if (!need(isObj(relation), `relations[${i}] must be an object`)) continue;
    const r = relation as Obj;
    const where = `relation ${i} (${String(r.from)} ${String(r.type)} ${String(r.to)})`;
    need(typeof r.type === 'string' && (RELATION_TYPES as string[]).includes(r.type), `${where} has unknown type`);
    resolvesEntity(where, r.from);
    resolvesEntity(where, r.to);
    need(r.from !== r.to, `${where} relates an entity to itself`);
    citesParagraph(where, r.paragraph);
  }

  const arcPhases = new Set<string>();
  for (const [i, step] of listOf(value.arc, 'arc', errors).entries()) {
    if (!need(isObj(step) && isTextList(step.facts), `arc[${i}] needs a phase and a list of facts`)) continue;
    const a = step as Obj;
    need(phaseIds.has(a.phase as string), `arc[${i}] has unknown phase "${String(a.phase)}"`);
    need(!arcPhases.has(a.phase as string), `arc lists phase "${String(a.phase)}" twice`);
    arcPhases.add(a.phase as string);
    for (const id of a.facts as string[]) need(factIds.has(id), `arc[${i}] refers to unknown fact "${id}"`);
  }

  return errors.length === 0 ? { ok: true, pack: value as unknown as StoryPack } : { ok: false, errors };
}

function listOf(value: unknown, field: string, errors: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  errors.push(`${field} must be a list`);
  return [];
}
