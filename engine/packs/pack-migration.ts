import { ENTITY_KINDS, type EntityKind, NOT_STATED, STORY_PACK_SCHEMA_VERSION } from '../../data/schema';
import { ownValue } from '../own-keys';
import { isObj, type Obj } from './plain-object';
import { identifiesStory } from './story-roles';

/**
 * Version 1 packs had the China tech story's three phases and nine relation
 * types built into the extension. Version 2 packs carry their own; these
 * are what version 1 meant by them.
 */
const V1_PHASES: Record<string, { order: number; colour: string }> = {
  crackdown: { order: 1, colour: '#dc2626' },
  reconciliation: { order: 2, colour: '#16a34a' },
  background: { order: 3, colour: '#64748b' },
};
const V1_RELATION_TYPES = [
  { id: 'based-in', forward: 'Based in', reverse: 'Home to' },
  { id: 'founded', forward: 'Founded', reverse: 'Founded by' },
  { id: 'party-chief-of', forward: 'Party chief of', reverse: 'Party chief' },
  { id: 'official-of', forward: 'Official of', reverse: 'Official' },
  { id: 'deal-with', forward: 'Deal with', reverse: 'Deal with' },
  { id: 'met', forward: 'Met', reverse: 'Met' },
  { id: 'praised', forward: 'Praised', reverse: 'Praised by' },
  { id: 'criticised', forward: 'Criticised', reverse: 'Criticised by' },
  { id: 'cracked-down-on', forward: 'Cracked down on', reverse: 'Cracked down on by' },
];

/**
 * A pack in the current schema version, from a pack in any version this
 * one knows. The value is not checked here: the check that follows reports
 * whatever is wrong, in the migrated pack's terms. A value in the current
 * version, or in one this code does not know, comes back as it is.
 */
export function migratedPack(value: Obj): { value: Obj; from?: number } {
  if (value.schemaVersion !== 1) return { value };
  return { value: fromVersion1(value), from: 1 };
}

function fromVersion1(pack: Obj): Obj {
  const { headline, published, ...source } = isObj(pack.source) ? pack.source : ({} as Obj);
  const phases = Array.isArray(pack.phases)
    ? pack.phases.map((phase) => {
        if (!isObj(phase)) return phase;
        const known = typeof phase.id === 'string' ? ownValue(V1_PHASES, phase.id) : undefined;
        return { ...phase, order: known?.order ?? 0, colour: known?.colour ?? '#64748b' };
      })
    : pack.phases;
  return {
    ...pack,
    schemaVersion: STORY_PACK_SCHEMA_VERSION,
    version: '1',
    language: 'en',
    // Version 1 had no field for these: the migrated pack says so rather than invent an answer.
    author: NOT_STATED,
    licence: NOT_STATED,
    source: { ...source, title: headline, publisher: NOT_STATED, date: published },
    phases,
    relationTypes: V1_RELATION_TYPES,
    entities: Array.isArray(pack.entities) ? pack.entities.map(withStoryRole) : pack.entities,
  };
}

/**
 * Version 1 had no `identifiesStory`: each entity takes its kind's default,
 * written out, so that the migrated pack states every entity's part in the
 * story as the bundled packs do. An entity that already says, or is of no
 * known kind, is left for the check to judge.
 */
function withStoryRole(entity: unknown): unknown {
  if (!isObj(entity) || 'identifiesStory' in entity) return entity;
  if (!(ENTITY_KINDS as readonly unknown[]).includes(entity.kind)) return entity;
  return { ...entity, identifiesStory: identifiesStory({ kind: entity.kind as EntityKind }) };
}
