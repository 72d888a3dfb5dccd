import type { StoryPack } from '../../data/schema';

type Relation = StoryPack['relations'][number];

/** Which end a relation is read from: `forward` from its `from` entity, `reverse` from its `to`. */
type Side = 'forward' | 'reverse';

/**
 * How each relation of `pack` reads from one end: its type's wording, and,
 * where an end is an entity whose name stands for several things, which one
 * the relation is about ("Cracked down on · as the central government"), so
 * that a card never puts Beijing the city's party chief beside what Beijing
 * the government did, as if both were the same. Undefined for an unknown type.
 */
export function relationWordings(pack: StoryPack): (relation: Relation, side: Side) => string | undefined {
  const types = new Map(pack.relationTypes.map((type) => [type.id, type]));
  const roles = new Map<string, Map<string, string>>();
  for (const entity of pack.entities) {
    if (entity.roles !== undefined) roles.set(entity.id, new Map(entity.roles.map((role) => [role.id, role.label])));
  }
  return (relation, side) => {
    const type = types.get(relation.type);
    if (type === undefined) return undefined;
    const said: string[] = [];
    for (const [end, role] of [
      [relation.from, relation.fromRole],
      [relation.to, relation.toRole],
    ] as const) {
      const label = role === undefined ? undefined : roles.get(end)?.get(role);
      if (label !== undefined) said.push(label);
    }
    return said.length === 0 ? type[side] : `${type[side]} · ${said.join(' · ')}`;
  };
}
