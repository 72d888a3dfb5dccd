import { useId } from 'preact/hooks';
import type { StoryPack } from '../../data/schema';
import { type MentionCounts, totalMentions } from '../../engine/messages';
import type { StorySet } from '../../engine/packs/story-set';
import { KIND_COLOUR, kindName } from '../entity-kinds';
import { SwitchInput } from '../switch-input';
import { useWords } from '../use-words';

/** A story on the reader's shelf, as the panel lists it. */
export interface PanelStory {
  pack: StoryPack;
  enabled: boolean;
}

interface PageMentionsProps {
  stories: readonly PanelStory[];
  /** The stories switched on, merged as the page highlights them. */
  set: StorySet;
  counts: MentionCounts;
  /** Shows an entity's next mention on the page; without it the list is for reading only. */
  onReveal?(lensId: string): void;
  /** Switches a story on or off; without it the list has no switches. */
  onSwitchStory?(packId: string, on: boolean): void;
}

/**
 * The page's mentions, story by story: each story's count and switch, and
 * its entities found on the page, most mentioned first. An entity two
 * stories tell of is listed under both.
 */
export function PageMentions({ stories, set, counts, onReveal, onSwitchStory }: PageMentionsProps) {
  const { t } = useWords();
  if (totalMentions(counts) === 0 && stories.every((story) => story.enabled)) {
    return <p class="empty">{t('panel.noNames')}</p>;
  }
  return (
    <div class="mentions">
      {stories.map((story) => (
        <StoryMentions
          key={story.pack.id}
          story={story}
          set={set}
          counts={counts}
          onReveal={onReveal}
          onSwitchStory={onSwitchStory}
        />
      ))}
    </div>
  );
}

function StoryMentions({
  story,
  set,
  counts,
  onReveal,
  onSwitchStory,
}: Omit<PageMentionsProps, 'stories'> & { story: PanelStory }) {
  const words = useWords();
  const { t } = words;
  const { pack, enabled } = story;
  const titleId = useId();
  const found = enabled
    ? pack.entities
        .map((entity) => ({ entity, lensId: set.lensIdOf(pack.id, entity.id) }))
        .map(({ entity, lensId }) => ({ entity, lensId, count: lensId === undefined ? 0 : (counts[lensId] ?? 0) }))
        .filter(({ count }) => count > 0)
        .sort((a, b) => b.count - a.count)
    : [];
  const total = found.reduce((sum, { count }) => sum + count, 0);
  return (
    <section class="story-mentions" aria-labelledby={titleId} data-story={pack.id}>
      <div class="story-mentions-head">
        <h3 id={titleId}>
          {pack.title}
          <span class="story-count">{enabled ? t('panel.total', total) : t('panel.storyOff')}</span>
        </h3>
        {onSwitchStory !== undefined && (
          <SwitchInput
            class="story-switch"
            checked={enabled}
            label={t('panel.highlightStory', { title: pack.title })}
            onToggle={(on) => onSwitchStory(pack.id, on)}
          />
        )}
      </div>
      {enabled && found.length === 0 && <p class="empty">{t('panel.storyNoNames')}</p>}
      {found.length > 0 && (
        <ul>
          {found.map(({ entity, lensId, count }) => {
            const label = (
              <>
                <span class="name" aria-hidden="true">
                  {entity.name}
                </span>
                <span class="count" aria-hidden="true">
                  {count}
                </span>
                <span class="visually-hidden">
                  {[entity.name, t('mentions.count', count), kindName(words, entity.kind)].join(t('story.listJoin'))}
                </span>
              </>
            );
            return (
              <li key={entity.id} data-entity={lensId} style={{ '--kind-colour': KIND_COLOUR[entity.kind] }}>
                {onReveal === undefined || lensId === undefined ? (
                  label
                ) : (
                  <button type="button" class="reveal" onClick={() => onReveal(lensId)}>
                    {label}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
