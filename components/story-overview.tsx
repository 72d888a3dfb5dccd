import { useId } from 'preact/hooks';
import type { StoryPack } from '../data/schema';
import { phasesInOrder } from '../engine/entity-profile';
import { SourceLine, SourceRef } from './source-ref';
import { StatementList } from './statement-list';

/** The stories switched on, each in brief; one story is shown open, several as a list to open. */
export function StoryOverviews({ packs }: { packs: readonly StoryPack[] }) {
  const titleId = useId();
  if (packs.length === 0) return null;
  return (
    <section class="story" aria-labelledby={titleId}>
      <h2 id={titleId}>{packs.length === 1 ? 'The story' : 'The stories'}</h2>
      {packs.map((pack) =>
        packs.length === 1 ? (
          <StoryOverview key={pack.id} pack={pack} />
        ) : (
          <details key={pack.id} class="story-details">
            <summary>{pack.title}</summary>
            <StoryOverview pack={pack} />
          </details>
        ),
      )}
    </section>
  );
}

/**
 * A story in brief: what it is about, then its arc phase by phase in the
 * pack's order, each point with the paragraph it comes from.
 */
export function StoryOverview({ pack }: { pack: StoryPack }) {
  const facts = new Map(pack.facts.map((fact) => [fact.id, fact]));
  const paragraphs = new Map(pack.source.paragraphs.map((p) => [p.id, p]));
  return (
    <div class="story-overview">
      <p class="story-title">{pack.title}</p>
      <p class="summary">
        <StatementList statements={pack.source.summary} source={pack.source} />
      </p>
      {phasesInOrder(pack).map((phase) => {
        const step = pack.arc.find((s) => s.phase === phase.id);
        if (step === undefined) return null;
        return (
          <div key={phase.id} class="phase" style={{ '--phase-colour': phase.colour }}>
            <h3>
              {phase.label} <span class="period">{phase.period}</span>
            </h3>
            <ul>
              {step.facts.map((id) => {
                const fact = facts.get(id);
                const paragraph = fact && paragraphs.get(fact.paragraph);
                if (fact === undefined || paragraph === undefined) return null;
                return (
                  <li key={id}>
                    {fact.text} <SourceRef paragraph={paragraph} source={pack.source} />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <p class="source">
        Source: <SourceLine source={pack.source} />
      </p>
    </div>
  );
}
