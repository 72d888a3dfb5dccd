import { ENTITY_KINDS, type Entity, type EntityKind, type StoryPack } from '../../data/schema';
import type { MatchableEntity } from '../matcher/matcher';
import { runSteps } from '../steps';
import { NAME_LISTS, OPTIONAL_NAME_LISTS } from './pack-fields';
import { checkEach, isObj, isString, isStringList, shapeGuard } from './plain-object';
import { identifiesStory } from './story-roles';

/** What the page needs of a pack to find its names: no descriptions, facts or relations. */
export interface PackNames {
  packId: string;
  /** The pack's entities by their own ids, with what the matcher compiles and whether each identifies the story. */
  entities: PackEntityNames[];
}

/** One entity of a pack's names: what the matcher compiles, and whether it identifies its story. */
type PackEntityNames = Omit<LensEntity, 'stories' | 'identifies'> & { identifiesStory: boolean };

/** One story's entity, as a reference into its pack. */
interface StoryRef {
  packId: string;
  entityId: string;
}

/**
 * An entity as the page sees it: one highlight, however many stories tell
 * of it. Its names are those of every story's entity; its id (its lensId)
 * and kind are those of the first story that has it.
 */
export interface LensEntity extends MatchableEntity, Pick<Entity, 'name'> {
  /** Every story that tells of it, in the order of the packs. */
  stories: StoryRef[];
  /** The stories (pack ids) it identifies: of those, it is an own actor; of the others, a common name. */
  identifies: string[];
}

/**
 * The names a page looks for: every switched-on story's, to be merged. The
 * stories that ship with the extension come at once; a reader's own packs,
 * which may hold tens of thousands of names, are read only when asked for.
 */
export interface LensNames {
  /**
   * The stories switched on, in their turn, at their versions, with the
   * palette swatch of their highlights, and whether each is private: painted
   * where no page script can detect its names.
   */
  stories: { id: string; version: string; swatch: number; private: boolean }[];
  /** Which stories, at which versions: the same key means the same names. */
  key: string;
  /** The ids of the stories among them that ship with the extension. */
  shipped: string[];
  /** Those stories' names, whose read began with the page's: a page that restores kept names never waits for it. */
  readShipped(): Promise<PackNames[]>;
  /** Every story's names, in their turn. */
  readAll(): Promise<PackNames[]>;
}

/**
 * What a page highlights with first when a reader's own packs join the
 * stories that ship with the extension: the shipped ones, so reading and
 * compiling the reader's names never delays the first highlights. Every
 * story's highlights replace them at once when ready. Null when there is
 * nothing to wait for.
 */
export function firstStage(names: LensNames): string[] | null {
  const { shipped, stories } = names;
  return shipped.length > 0 && shipped.length < stories.length ? shipped : null;
}

/** What a page keeps of a lens entity once its names are compiled: what the card needs to find its stories. */
export type PageEntity = Pick<LensEntity, 'id' | 'kind' | 'name' | 'stories' | 'identifies'>;

/** A name two entities claim: the first keeps it, so one text never means two things. */
interface NameClash {
  name: string;
  keptBy: StoryRef;
  droppedFrom: StoryRef;
}

export interface MergedNames {
  entities: LensEntity[];
  clashes: NameClash[];
}

/** An entity of a stored names record: the matcher compiles its kind and name lists as they are. */
const isPackEntityNames = shapeGuard<StoredEntityNames>({
  id: isString,
  kind: isString,
  name: isString,
  identifiesStory: (v) => v === undefined || typeof v === 'boolean',
  ...checkEach(NAME_LISTS, isStringList),
  ...checkEach(OPTIONAL_NAME_LISTS, (v) => v === undefined || isStringList(v)),
});

/** Names stored before entities said whether they identify their story lack it: their kind decides. */
type StoredEntityNames = Omit<PackEntityNames, 'identifiesStory'> & { identifiesStory?: boolean };

/** The names of pack `id` as stored, when they have the shape the matcher needs; null when not, or another pack's. */
export function storedPackNames(value: unknown, id: string): PackNames | null {
  if (!isObj(value) || value.packId !== id || !Array.isArray(value.entities)) return null;
  const stored: unknown[] = value.entities;
  if (!stored.every(isPackEntityNames)) return null;
  return {
    packId: id,
    // An unknown kind is refused with the tables; until then it counts as an actor, never hiding a name.
    entities: stored.map((entity) => ({
      ...entity,
      identifiesStory: ENTITY_KINDS.includes(entity.kind as EntityKind) ? identifiesStory(entity) : true,
    })),
  };
}

const isStoryRef = shapeGuard<StoryRef>({ packId: isString, entityId: isString });

/** An entity a page kept with its compiled names, told by one story at least. Its kind is checked with the tables. */
export const isPageEntity = shapeGuard<PageEntity>({
  id: isString,
  kind: () => true,
  name: isString,
  stories: (v) => Array.isArray(v) && v.length > 0 && v.every(isStoryRef),
  identifies: isStringList,
});

export function namesOf(pack: StoryPack): PackNames {
  return {
    packId: pack.id,
    entities: pack.entities.map((entity) => {
      const { id, kind, name, names, laterMentions, opensLaterMentions, notNames, notAfter } = entity;
      const { notBefore, notNear, shortForms } = entity;
      return {
        ...(notBefore === undefined ? {} : { notBefore }),
        ...(notNear === undefined ? {} : { notNear }),
        ...(shortForms === undefined ? {} : { shortForms }),
        id,
        kind,
        name,
        identifiesStory: identifiesStory(entity),
        names,
        laterMentions,
        opensLaterMentions,
        notNames,
        notAfter,
      };
    }),
  };
}

/** Apostrophes and case aside, two display names that read the same name the same thing. */
const sameName = (name: string) => name.replace(/[’ʼ]/g, "'").toLowerCase();

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * The entities of several packs as one set for one matcher. Entities with
 * the same id, or the same display name, are one entity that several stories
 * tell of. A name that two different entities claim stays with the first
 * pack's entity; a shield (not-name) of one entity gives way to another
 * entity's name, because a real entity is better than a blank.
 */
export function mergePackNames(packs: readonly PackNames[]): MergedNames {
  return runSteps(mergePackNamesInSteps(packs));
}

/** The same merge as small steps, one pack each, for a page that spreads it over short tasks. */
export function* mergePackNamesInSteps(packs: readonly PackNames[]): Generator<void, MergedNames> {
  const entities: LensEntity[] = [];
  const byId = new Map<string, LensEntity>();
  const byName = new Map<string, LensEntity>();
  for (const { packId, entities: packEntities } of packs) {
    yield;
    for (const { identifiesStory, ...entity } of packEntities) {
      const story = { packId, entityId: entity.id };
      const same = byId.get(entity.id) ?? byName.get(sameName(entity.name));
      if (same !== undefined) {
        if (same.stories.some((s) => s.packId === packId)) continue;
        same.stories.push(story);
        if (identifiesStory) same.identifies.push(packId);
        same.names = union(same.names, entity.names);
        same.laterMentions = union(same.laterMentions, entity.laterMentions);
        same.opensLaterMentions = union(same.opensLaterMentions, entity.opensLaterMentions);
        same.notNames = union(same.notNames, entity.notNames);
        same.notAfter = union(same.notAfter, entity.notAfter);
        for (const key of OPTIONAL_NAME_LISTS) {
          const more = entity[key];
          if (more !== undefined) same[key] = union(same[key] ?? [], more);
        }
        byId.set(entity.id, same);
        byName.set(sameName(entity.name), same);
        continue;
      }
      const merged: LensEntity = { ...entity, stories: [story], identifies: identifiesStory ? [packId] : [] };
      entities.push(merged);
      byId.set(entity.id, merged);
      byName.set(sameName(entity.name), merged);
    }
  }
  return { entities, clashes: yield* settleClashes(entities) };
}

/** Entities settled between two yields: a step stays short however many stories there are. */
const SETTLE_STEP = 500;

/** Leaves every name with one entity, in pack order, and returns what was taken away. */
function* settleClashes(entities: LensEntity[]): Generator<void, NameClash[]> {
  const clashes: NameClash[] = [];
  const owner = new Map<string, LensEntity>();
  for (const [i, entity] of entities.entries()) {
    if (i % SETTLE_STEP === SETTLE_STEP - 1) yield;
    for (const list of ['names', 'laterMentions'] as const) {
      const names = entity[list];
      // Most names clash with nothing: a list is copied only when one of its names goes.
      let kept: string[] | null = null;
      for (const [i, name] of names.entries()) {
        const first = owner.get(name);
        if (first === undefined || first === entity) {
          owner.set(name, entity);
          kept?.push(name);
          continue;
        }
        kept ??= names.slice(0, i);
        clashes.push({ name, keptBy: first.stories[0] as StoryRef, droppedFrom: entity.stories[0] as StoryRef });
      }
      if (kept !== null) entity[list] = kept;
    }
    if (entity.opensLaterMentions.some((name) => !entity.names.includes(name))) {
      entity.opensLaterMentions = entity.opensLaterMentions.filter((name) => entity.names.includes(name));
    }
  }
  yield;
  for (const entity of entities) {
    if (entity.notNames.some((name) => owner.has(name))) {
      entity.notNames = entity.notNames.filter((name) => !owner.has(name));
    }
  }
  return clashes;
}
