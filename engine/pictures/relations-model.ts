/**
 * A story's relations as a picture: its entities as nodes and its relations
 * as labelled arrows, laid out by dagre in ranks, with every label given
 * room of its own so none covers another. dagre has no randomness: the same
 * pack, in the same order, always gives the same picture.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { EntityKind, StoryPack } from '../../data/schema';
import { relationWordings } from '../packs/relation-wording';

export interface MapNode {
  /** The entity's id in its pack. */
  id: string;
  name: string;
  kind: EntityKind;
  /** Centre and size, in CSS pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

interface MapEdge {
  from: string;
  to: string;
  /** The relation's wording from the pack, read from `from` to `to`: "Based in". */
  label: string;
  paragraph: string;
  /** The arrow's path, from `from` to `to`. */
  points: { x: number; y: number }[];
  /** The label's centre. */
  labelX: number;
  labelY: number;
}

export interface RelationsMap {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
}

/** How text is measured, in CSS pixels: the map sizes nodes and labels by their words (bold, for a name the page mentions). */
const MAP_METRICS = { charWidth: 7.2, nodeHeight: 28, labelHeight: 16, padding: 10 };

/**
 * dagre keeps nodes in plain objects by their keys, where an entity's id
 * such as "constructor" finds what every object inherits: keys of our own.
 */
const nodeKey = (id: string) => `entity:${id}`;

/** A text's width in the picture, at the average character width. */
const textWidth = (text: string) => Math.ceil(text.length * MAP_METRICS.charWidth);

/** Every entity of the pack as a node (those without relations too), every relation as an arrow. */
export function relationsMap(pack: StoryPack): RelationsMap {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 36, edgesep: 10, marginx: 6, marginy: 6 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const entity of pack.entities) {
    graph.setNode(nodeKey(entity.id), {
      width: textWidth(entity.name) + 2 * MAP_METRICS.padding,
      height: MAP_METRICS.nodeHeight,
    });
  }
  const wording = relationWordings(pack);
  const labels = pack.relations.map((relation) => wording(relation, 'forward') ?? relation.type);
  for (const [i, relation] of pack.relations.entries()) {
    const label = labels[i] as string;
    graph.setEdge(
      nodeKey(relation.from),
      nodeKey(relation.to),
      { width: textWidth(label), height: MAP_METRICS.labelHeight, labelpos: 'c' },
      String(i),
    );
  }
  layout(graph);
  const nodes = pack.entities.map((entity) => {
    const { x, y, width, height } = graph.node(nodeKey(entity.id));
    return { id: entity.id, name: entity.name, kind: entity.kind, x, y, width, height };
  });
  const edges = pack.relations.map((relation, i) => {
    const placed = graph.edge({ v: nodeKey(relation.from), w: nodeKey(relation.to), name: String(i) });
    return {
      from: relation.from,
      to: relation.to,
      label: labels[i] as string,
      paragraph: relation.paragraph,
      points: (placed.points ?? []).map((point: { x: number; y: number }) => ({ x: point.x, y: point.y })),
      labelX: placed.x ?? 0,
      labelY: placed.y ?? 0,
    };
  });
  const { width = 0, height = 0 } = graph.graph();
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges };
}
