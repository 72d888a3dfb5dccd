import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { StoryPack } from '../data/schema';
import { entityProfile } from '../engine/entity-profile';
import type { Direction } from '../engine/messages';
import { EntityStory } from './entity-story';

/** Where the reader stands among an entity's mentions on the page. */
export interface MentionPlace {
  /** Visible mentions of the entity on the page. */
  count: number;
  /** 1-based place of the open mention among them, when it is one of them. */
  position: number | null;
}

export interface HoverCardProps {
  pack: StoryPack;
  /** The entity of the mention the card opened on. */
  entityId: string;
  mentionsOf(entityId: string): MentionPlace;
  onStep(entityId: string, direction: Direction): void;
  onClose(): void;
}

/**
 * The card a highlighted name opens: the entity's story, related entities
 * that open in place (with a way back), and a way through its mentions on
 * the page. A labelled, non-modal dialog; Escape closes it.
 */
export function HoverCard({ pack, entityId, mentionsOf, onStep, onClose }: HoverCardProps) {
  const [trail, setTrail] = useState([entityId]);
  useEffect(() => setTrail([entityId]), [entityId]);
  const shownId = trail[trail.length - 1] ?? entityId;
  const profile = useMemo(() => entityProfile(pack, shownId), [pack, shownId]);
  const headingId = useId();
  if (profile === null) return null;
  const previous = trail.length > 1 ? entityProfile(pack, trail[trail.length - 2] as string) : null;
  const place = mentionsOf(shownId);
  const name = profile.entity.name;

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
          <button
            type="button"
            class="back"
            aria-label={`Back to ${previous.entity.name}`}
            onClick={() => setTrail((shown) => shown.slice(0, -1))}
          >
            ← {previous.entity.name}
          </button>
        )}
        <span class="brand">Context Lens</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div class="card-body">
        <EntityStory
          pack={pack}
          profile={profile}
          headingId={headingId}
          onSelectEntity={(id) => setTrail((shown) => [...shown, id])}
        />
      </div>
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
    </div>
  );
}

function describePlace({ count, position }: MentionPlace): string {
  if (count === 0) return 'Not mentioned on this page';
  const mentions = count === 1 ? '1 mention' : `${count} mentions`;
  return position === null ? `${mentions} on this page` : `${position} of ${mentions} on this page`;
}
