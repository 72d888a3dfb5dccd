import { useId } from 'preact/hooks';
import type { StoryPack } from '../../data/schema';
import { RelationsMap } from '../pictures/relations-map';
import { StoryTimeline } from '../pictures/story-timeline';
import { useWords } from '../use-words';
import { SourceLine } from './source-ref';
import { StatementList } from './statement-list';

/** What the page says of a story's entities, and a way to open one's story, where there is a page. */
export interface StoryOnPage {
  /** How often the page mentions an entity of the story (by its id in the pack). */
  mentionsOf(packId: string, entityId: string): number;
  openEntity(packId: string, entityId: string): void;
}

/** The stories switched on, each in brief; one story is shown open, several as a list to open. */
export function StoryOverviews({ packs, onPage }: { packs: readonly StoryPack[]; onPage?: StoryOnPage }) {
  const { t } = useWords();
  const titleId = useId();
  if (packs.length === 0) return null;
  return (
    <section class="story" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('story.heading', packs.length)}</h2>
      {packs.map((pack) =>
        packs.length === 1 ? (
          <StoryOverview key={pack.id} pack={pack} onPage={onPage} />
        ) : (
          <details key={pack.id} class="story-details">
            <summary>{pack.title}</summary>
            <StoryOverview pack={pack} onPage={onPage} />
          </details>
        ),
      )}
    </section>
  );
}

/**
 * A story in brief: what it is about, its timeline (phases, dated events
 * and key figures, each with the paragraph it comes from), and who is
 * related to whom, each picture with its text alternative.
 */
export function StoryOverview({ pack, onPage }: { pack: StoryPack; onPage?: StoryOnPage }) {
  const { t } = useWords();
  return (
    <div class="story-overview">
      <p class="story-title">{pack.title}</p>
      <p class="summary">
        <StatementList statements={pack.source.summary} source={pack.source} />
      </p>
      <StoryTimeline pack={pack} />
      <RelationsMap
        pack={pack}
        mentionsOf={onPage && ((entityId) => onPage.mentionsOf(pack.id, entityId))}
        onOpenEntity={onPage && ((entityId) => onPage.openEntity(pack.id, entityId))}
      />
      <p class="source">
        {t('story.source')} <SourceLine source={pack.source} />
      </p>
    </div>
  );
}
