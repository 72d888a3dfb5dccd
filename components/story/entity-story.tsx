import { useId } from 'preact/hooks';
import type { StoryPack } from '../../data/schema';
import type { EntityProfile } from '../../engine/entity-profile';
import { KIND_COLOUR, kindName } from '../entity-kinds';
import { useWords } from '../use-words';
import { SourceRef } from './source-ref';
import { StatementList } from './statement-list';

interface EntityStoryProps {
  pack: StoryPack;
  profile: EntityProfile;
  /** The id the enclosing dialog or region is labelled by. */
  headingId: string;
  onSelectEntity(entityId: string): void;
}

/**
 * What the story says about one entity: who or what it is, its facts phase
 * by phase with their paragraphs, and the entities it is linked to. The hover
 * card and the panel both show an entity through this component.
 */
export function EntityStory({ pack, profile, headingId, onSelectEntity }: EntityStoryProps) {
  const words = useWords();
  const { t } = words;
  const { entity, phases, related } = profile;
  const storyId = useId();
  const relatedId = useId();
  return (
    <article class="entity-story" style={{ '--kind-colour': KIND_COLOUR[entity.kind] }}>
      <header class="entity-head">
        <p class="entity-kind">
          <span class="swatch" aria-hidden="true" />
          {kindName(words, entity.kind)}
        </p>
        <h2 id={headingId} class="entity-name">
          {entity.name}
          {entity.nativeName !== undefined && (
            <span class="native" lang="zh">
              {' '}
              {entity.nativeName}
            </span>
          )}
        </h2>
        <p class="description">
          <StatementList statements={entity.description} source={pack.source} />
        </p>
      </header>
      {phases.length > 0 && (
        <section class="in-story" aria-labelledby={storyId}>
          <h3 id={storyId}>{t('story.inTheStory')}</h3>
          {phases.map(({ phase, facts }) => (
            <div key={phase.id} class="phase" style={{ '--phase-colour': phase.colour }}>
              <h4>
                {phase.label} <span class="period">{phase.period}</span>
              </h4>
              <ul>
                {facts.map(({ fact, paragraph }) => (
                  <li key={fact.id}>
                    {fact.text} <SourceRef paragraph={paragraph} source={pack.source} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {related.length > 0 && (
        <section class="related" aria-labelledby={relatedId}>
          <h3 id={relatedId}>{t('story.related')}</h3>
          <ul>
            {related.map(({ entity: other, label, cites }) => (
              <li key={other.id}>
                <button
                  type="button"
                  class="related-entity"
                  style={{ '--kind-colour': KIND_COLOUR[other.kind] }}
                  onClick={() => onSelectEntity(other.id)}
                >
                  <span class="relation">{label}</span> {other.name}
                </button>
                {cites.map((paragraph) => (
                  <SourceRef key={paragraph.id} paragraph={paragraph} source={pack.source} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
