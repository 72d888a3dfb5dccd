import {
  type Entity,
  type Fact,
  type ParagraphRef,
  PHASE_IDS,
  type Phase,
  RELATION_WORDING,
  type StoryPack,
} from '../data/schema';

interface CitedFact {
  fact: Fact;
  paragraph: ParagraphRef;
}

interface PhaseFacts {
  phase: Phase;
  facts: CitedFact[];
}

interface RelatedEntity {
  entity: Entity;
  /** How it relates, from this entity's side ("Based in", "Named with"). */
  label: string;
  /** The paragraphs that state the relations, so the label is cited like any sentence. */
  cites: ParagraphRef[];
}

/** Everything the story says about one entity, in the order a card or panel shows it. */
export interface EntityProfile {
  entity: Entity;
  /** Crackdown, then reconciliation, then background; only phases with facts. */
  phases: PhaseFacts[];
  /** Entities linked by a relation first, then those named in the same facts. */
  related: RelatedEntity[];
}

const NAMED_WITH = 'Named with';

export function entityProfile(pack: StoryPack, entityId: string): EntityProfile | null {
  const entity = pack.entities.find((e) => e.id === entityId);
  if (entity === undefined) return null;
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  const paragraphs = new Map(pack.source.paragraphs.map((p) => [p.id, p]));
  const facts = pack.facts.filter((fact) => fact.entities.includes(entityId));

  const phases: PhaseFacts[] = [];
  for (const phaseId of PHASE_IDS) {
    const phase = pack.phases.find((p) => p.id === phaseId);
    const cited = facts
      .filter((fact) => fact.phase === phaseId)
      .map((fact) => ({
        fact,
        paragraph: paragraphs.get(fact.paragraph) ?? { id: fact.paragraph, label: fact.paragraph },
      }));
    if (phase !== undefined && cited.length > 0) phases.push({ phase, facts: cited });
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
  for (const relation of pack.relations) {
    const wording = RELATION_WORDING[relation.type];
    if (relation.from === entityId) note(relation.to, wording.forward, relation.paragraph);
    if (relation.to === entityId) note(relation.from, wording.reverse, relation.paragraph);
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
