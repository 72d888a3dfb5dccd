import type { StoryPack } from '../data/schema';
import { SourceRef } from './source-ref';
import { StatementList } from './statement-list';

/**
 * The story in brief: what it is about, then its arc phase by phase (the
 * crackdown, the reconciliation, the economic background), each point with
 * the paragraph it comes from.
 */
export function StoryOverview({ pack }: { pack: StoryPack }) {
  const facts = new Map(pack.facts.map((fact) => [fact.id, fact]));
  const paragraphs = new Map(pack.source.paragraphs.map((p) => [p.id, p]));
  return (
    <section class="story" aria-labelledby="story-title">
      <h2 id="story-title">The story</h2>
      <p class="story-title">{pack.title}</p>
      <p class="summary">
        <StatementList statements={pack.source.summary} source={pack.source} />
      </p>
      {pack.arc.map((step) => {
        const phase = pack.phases.find((p) => p.id === step.phase);
        if (phase === undefined) return null;
        return (
          <div key={step.phase} class={`phase phase-${step.phase}`}>
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
        Source: <cite>{pack.source.headline}</cite> ({pack.source.published})
      </p>
    </section>
  );
}
