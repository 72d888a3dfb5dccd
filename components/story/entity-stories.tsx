import { entityProfile } from '../../engine/entity-profile';
import { packIn } from '../../engine/packs/pack-language';
import type { Account } from '../../engine/packs/story-set';
import { useWords } from '../use-words';
import { EntityStory } from './entity-story';

interface EntityStoriesProps {
  accounts: readonly Account[];
  /** The id the enclosing dialog or region is labelled by: the first story's heading takes it. */
  headingId: string;
  /** The page's id of a story's entity: a related entity opens by it, when the page has one. */
  lensIdOf(packId: string, entityId: string): string | undefined;
  onSelectEntity(lensId: string): void;
}

/**
 * What each story says of one entity, story by story: when two stories tell
 * of it, each says so, with its own facts and citations. The card and the
 * panel both show an entity through this component.
 */
export function EntityStories({ accounts, headingId, lensIdOf, onSelectEntity }: EntityStoriesProps) {
  const { t, locale } = useWords();
  return (
    <>
      {accounts.map(({ pack: stored, entityId }, i) => {
        // The card gets packs as stored; the panel's are in the reader's language already (the same object then).
        const pack = packIn(stored, locale);
        const profile = entityProfile(pack, entityId);
        if (profile === null) return null;
        return (
          <div key={pack.id} class="account">
            {accounts.length > 1 && <p class="account-story">{t('story.fromStory', { title: pack.title })}</p>}
            <EntityStory
              pack={pack}
              profile={profile}
              headingId={i === 0 ? headingId : `${headingId}-${i}`}
              onSelectEntity={(id) => {
                const lensId = lensIdOf(pack.id, id);
                if (lensId !== undefined) onSelectEntity(lensId);
              }}
            />
          </div>
        );
      })}
    </>
  );
}
