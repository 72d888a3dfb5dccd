import type { RefObject } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { StoryPack } from '../../data/schema';
import type { MentionCounts } from '../../engine/messages';
import type { StorySet } from '../../engine/packs/story-set';
import { KIND_COLOUR, kindName } from '../entity-kinds';
import { SwitchInput } from '../switch-input';
import { useWords } from '../use-words';
import { type EntityMentions, markedOf, unmarkedOf } from './mentions-by-story';

/** A story on the reader's shelf, as the panel lists it. */
export interface PanelStory {
  pack: StoryPack;
  enabled: boolean;
}

interface PageMentionsProps {
  stories: readonly PanelStory[];
  /** The stories switched on, merged as the page highlights them. */
  set: StorySet;
  /** The page's marked mentions, by lensId. */
  counts: MentionCounts;
  /** The shown mentions of common names the page left unmarked, by lensId. */
  unmarked: MentionCounts;
  /** Shows an entity's next mention on the page; without it the list is for reading only. */
  onReveal?(lensId: string): void;
  /** Switches a story on or off; without it the list has no switches. */
  onSwitchStory?(packId: string, on: boolean): void;
  /** Marks a story's common names on the page; without it they are listed with no button. */
  onMarkStory?(packId: string): void;
}

/**
 * The page's mentions, story by story: each story's count and switch, its
 * entities marked on the page, most mentioned first, and the common names
 * the page named but did not mark. An entity two stories tell of is listed
 * under both.
 */
export function PageMentions({ stories, set, counts, unmarked, ...actions }: PageMentionsProps) {
  const { t } = useWords();
  const listed = stories.map((story) => ({
    story,
    marked: story.enabled ? markedOf(story.pack, set, counts) : [],
    unmarked: story.enabled ? unmarkedOf(story.pack, set, unmarked) : [],
  }));
  if (listed.every(({ story, marked, unmarked }) => story.enabled && marked.length + unmarked.length === 0)) {
    return <p class="empty">{t('panel.noNames')}</p>;
  }
  return (
    <div class="mentions">
      {listed.map((found) => (
        <StoryMentions key={found.story.pack.id} {...found} {...actions} />
      ))}
    </div>
  );
}

interface StoryMentionsProps extends Pick<PageMentionsProps, 'onReveal' | 'onSwitchStory' | 'onMarkStory'> {
  story: PanelStory;
  marked: EntityMentions[];
  unmarked: EntityMentions[];
}

function StoryMentions({ story, marked, unmarked, onReveal, onSwitchStory, onMarkStory }: StoryMentionsProps) {
  const words = useWords();
  const { t } = words;
  const { pack, enabled } = story;
  const titleId = useId();
  const section = useRef<HTMLElement>(null);
  const total = marked.reduce((sum, { count }) => sum + count, 0);
  return (
    <section ref={section} class="story-mentions" aria-labelledby={titleId} data-story={pack.id} tabIndex={-1}>
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
      {enabled && marked.length === 0 && (
        <p class="empty">{t(unmarked.length === 0 ? 'panel.storyNoNames' : 'panel.storyNoneMarked')}</p>
      )}
      {marked.length > 0 && (
        <ul>
          {marked.map(({ entity, lensId, count }) => {
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
                {onReveal === undefined ? (
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
      {unmarked.length > 0 && (
        <UnmarkedNames
          names={unmarked}
          onMark={onMarkStory && (() => onMarkStory(pack.id))}
          // Once marked, the names leave this line and its button goes: focus stays with the story.
          focusOnLeaving={section}
        />
      )}
    </section>
  );
}

interface UnmarkedNamesProps {
  names: EntityMentions[];
  onMark?(): void;
  /** Where focus goes when the line goes while its button has it, rather than drop to the page's body. */
  focusOnLeaving: RefObject<HTMLElement>;
}

/** "Also named here, not marked": a story's common names the page left unmarked, with their counts, and a way to mark them. */
function UnmarkedNames({ names, onMark, focusOnLeaving }: UnmarkedNamesProps) {
  const { t } = useWords();
  const lineId = useId();
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(
    () => () => {
      if (button.current !== null && button.current === document.activeElement) focusOnLeaving.current?.focus();
    },
    [focusOnLeaving],
  );
  const list = names
    .map(({ entity, count }) => t('panel.unmarkedName', { name: entity.name, count }))
    .join(t('story.listJoin'));
  return (
    <div class="unmarked">
      <p id={lineId}>{t('panel.unmarked', { names: list })}</p>
      {onMark !== undefined && (
        <button ref={button} type="button" aria-describedby={lineId} onClick={onMark}>
          {t('panel.markStory')}
        </button>
      )}
    </div>
  );
}
