import type { Entity, Fact, ParagraphRef, Phase, StoryPack } from '../data/schema';
import { relationWordings } from './packs/relation-wording';

interface CitedFact {
  fact: Fact;
  paragraph: ParagraphRef;
}

interface PhaseFacts {
  phase: Phase;
  facts: CitedFact[];
}

interface RelatedEntry {
  entity: Entity;
  /** How it relates, from this entity's side ("Based in", "Named with"). */
  label: string;
  /** The paragraphs that state the relations, so the label is cited like any sentence. */
  cites: ParagraphRef[];
}

/** Everything the story says about one entity, in the order a card or panel shows it. */
export interface EntityProfile {
  entity: Entity;
  /** The pack's phases in their order; only those with facts. */
  phases: PhaseFacts[];
  /** Entities linked by a relation first, then those named in the same facts. */
  related: RelatedEntry[];
}

const NAMED_WITH = 'Named with';

export function entityProfile(pack: StoryPack, entityId: string): EntityProfile | null {
  const entity = pack.entities.find((e) => e.id === entityId);
  if (entity === undefined) return null;
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  const paragraphs = new Map(pack.source.paragraphs.map((p) => [p.id, p]));
  const facts = pack.facts.filter((fact) => fact.entities.includes(entityId));

  const phases: PhaseFacts[] = [];
  for (const phase of phasesInOrder(pack)) {
    const cited = facts
      .filter((fact) => fact.phase === phase.id)
      .map((fact) => ({
        fact,
        paragraph: paragraphs.get(fact.paragraph) ?? { id: fact.paragraph, label: fact.paragraph },
      }));
    if (cited.length > 0) phases.push({ phase, facts: cited });
  }

  const links = new Map<string, { labels: string[]; cites: ParagraphRef[] }>();
  const note = (id: string, label: string, paragraph?: string) => {
    if (id === entityId || !byId.has(id)) return;
    const link = links.get(id) ?? { labels: [], cites: [] };
    if (!link.labels.includes(label)) link.labels.push(label);
    const cited = paragraph === undefined ? undefined : paragraphs.get(paragraph);
    if (cited !== undefined && !link.cites.includes(cited)) link.cites.push(cited);
    links.set(id, link);
  };
  const wording = relationWordings(pack);
  for (const relation of pack.relations) {
    const forward = wording(relation, 'forward');
    const reverse = wording(relation, 'reverse');
    if (forward === undefined || reverse === undefined) continue;
    if (relation.from === entityId) note(relation.to, forward, relation.paragraph);
    if (relation.to === entityId) note(relation.from, reverse, relation.paragraph);
  }
  for (const fact of facts) {
    for (const id of fact.entities) if (!links.has(id)) note(id, NAMED_WITH);
  }
  const related = [...links].map(([id, link]) => ({
    entity: byId.get(id) as Entity,
    label: link.labels.join(', '),
    cites: link.cites,
  }));
  return { entity, phases, related };
}

/** A pack's phases in the order it gives them; phases of equal order keep the pack's listing order. */
export function phasesInOrder(pack: StoryPack): Phase[] {
  return [...pack.phases].sort((a, b) => a.order - b.order);
}
