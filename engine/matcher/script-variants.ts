import type { StoryPack } from '../../data/schema';

/** The generated forms of one entity, by the list they join. */
export interface VariantLists {
  names: string[];
  notNames: string[];
  notAfter: string[];
}

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
      const more = variants.entities[entity.id];
      if (more === undefined) return entity;
      return {
        ...entity,
        names: [...entity.names, ...more.names],
        notNames: [...entity.notNames, ...more.notNames],
        notAfter: [...entity.notAfter, ...more.notAfter],
      };
    }),
  };
}
