import type { StoryPack } from '../data/schema';

/** The story in brief: what it is about, where it comes from, and its phases. */
export function StoryOverview({ pack }: { pack: StoryPack }) {
  return (
    <section class="story" aria-labelledby="story-title">
      <h2 id="story-title">{pack.title}</h2>
      <p class="summary">{pack.source.summary}</p>
      <ol class="phases">
        {pack.phases.map((phase) => (
          <li key={phase.id} class={`phase phase-${phase.id}`}>
            <strong>{phase.label}</strong> <span class="period">{phase.period}</span>
            <p>{phase.description}</p>
          </li>
        ))}
      </ol>
      <p class="source">
        Source: <cite>{pack.source.headline}</cite> ({pack.source.published})
      </p>
    </section>
  );
}
