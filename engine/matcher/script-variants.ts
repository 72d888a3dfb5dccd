import type { Entity, StoryPack } from '../../data/schema';
import { ownValue } from '../own-keys';

/** The lists of an entity that hold Chinese text, and so have Traditional forms. */
export const VARIANT_LISTS = [
  'names',
  'laterMentions',
  'opensLaterMentions',
  'notNames',
  'notAfter',
  'notBefore',
  'notNear',
  'shortForms',
] as const satisfies readonly (keyof Entity)[];

/** The generated forms of one entity, by the list they join; lists with none are left out. */
export type VariantLists = Partial<Record<(typeof VARIANT_LISTS)[number], string[]>>;

/** A pack's Traditional Chinese forms, generated at build time (tools/scripts/write-script-variants.ts). */
export interface ScriptVariants {
  pack: string;
  converter: string;
  entities: Record<string, VariantLists>;
}

/**
 * The pack with its generated forms added to its entities' lists, so the
 * matcher, the card, the panel and the search treat 京東 exactly as 京东.
 * A table made for another pack changes nothing.
 */
export function withScriptVariants(pack: StoryPack, variants: ScriptVariants): StoryPack {
  if (variants.pack !== pack.id) return pack;
  return {
    ...pack,
    entities: pack.entities.map((entity) => {
      const more = ownValue(variants.entities, entity.id);
      if (more === undefined) return entity;
      const withMore: Entity = { ...entity };
      for (const list of VARIANT_LISTS) {
        const forms = more[list];
        if (forms !== undefined && forms.length > 0) withMore[list] = [...(entity[list] ?? []), ...forms];
      }
      return withMore;
    }),
  };
}
