import { useId, useMemo } from 'preact/hooks';
import type { StoryPack } from '../data/schema';
import { entityProfile } from '../engine/entity-profile';
import type { CardContent, MentionPlace } from '../page/card-view';
import { EntityStory } from './entity-story';
import { useTrail } from './use-trail';

export interface HoverCardProps extends CardContent {
  pack: StoryPack;
}

/**
 * The card a highlighted name opens: the entity's story, related entities
 * that open in place (with a way back), and a way through its mentions on
 * the page. A labelled, non-modal dialog; Escape closes it.
 */
export function HoverCard({ pack, entityId, places, onShowEntity, onStep, onClose }: HoverCardProps) {
  const trail = useTrail(entityId);
  const shownId = trail.shown ?? entityId;
  const profile = useMemo(() => entityProfile(pack, shownId), [pack, shownId]);
  const headingId = useId();
  if (profile === null) return null;
  const previous = trail.previous !== undefined ? entityProfile(pack, trail.previous) : null;
  const place = places.get(shownId) ?? null;
  const name = profile.entity.name;
  const openRelated = (id: string) => {
    trail.open(id);
    onShowEntity(id);
  };

  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div class="card-bar">
        {previous !== null && (
          <button type="button" class="back" aria-label={`Back to ${previous.entity.name}`} onClick={trail.back}>
            ← {previous.entity.name}
          </button>
        )}
        <span class="brand">Context Lens</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div class="card-body">
        <EntityStory pack={pack} profile={profile} headingId={headingId} onSelectEntity={openRelated} />
      </div>
      {place !== null && (
        <nav class="card-nav" aria-label={`Mentions of ${name} on this page`}>
          <span class="place" aria-live="polite">
            {describePlace(place)}
          </span>
          {place.count > 0 && !(place.count === 1 && place.position === 1) && (
            <span class="steps">
              <button
                type="button"
                aria-label={`Previous mention of ${name}`}
                onClick={() => onStep(shownId, 'previous')}
              >
                <span aria-hidden="true">‹ </span>Previous
              </button>
              <button type="button" aria-label={`Next mention of ${name}`} onClick={() => onStep(shownId, 'next')}>
                Next<span aria-hidden="true"> ›</span>
              </button>
            </span>
          )}
        </nav>
      )}
    </div>
  );
}

function describePlace({ count, position }: MentionPlace): string {
  if (count === 0) return 'Not mentioned on this page';
  const mentions = count === 1 ? '1 mention' : `${count} mentions`;
  return position === null ? `${mentions} on this page` : `${position} of ${mentions} on this page`;
}
