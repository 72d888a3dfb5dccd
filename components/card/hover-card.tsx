import { useEffect, useId, useState } from 'preact/hooks';
import type { Account } from '../../engine/packs/story-set';
import { isSwipeAway, isTouchLike, type PointerPoint, pointOf } from '../../engine/pointer-gestures';
import type { CardContent, MentionPlace } from '../../page/hover/card-view';
import { logFailure } from '../../platform/log-failure';
import type { Words } from '../../platform/words/words';
import type { EntityAccounts } from '../story/entity-accounts';
import { EntityStories } from '../story/entity-stories';
import { useTrail } from '../story/use-trail';
import { useWords } from '../use-words';

export interface HoverCardProps extends CardContent {
  accounts: EntityAccounts;
}

/** An entity's accounts, loaded when first shown: the card's own entity is loaded before the card renders. */
function useAccounts(accounts: EntityAccounts, lensId: string): Account[] | undefined {
  const [, setLoaded] = useState(0);
  const known = accounts.loaded(lensId);
  useEffect(() => {
    if (known === undefined) {
      logFailure(
        accounts.load(lensId).then(() => setLoaded((n) => n + 1)),
        'read what the stories say',
      );
    }
  }, [accounts, lensId, known]);
  return known;
}

/**
 * The card a highlighted name opens: what each story says of the entity,
 * related entities that open in place (with a way back), and a way through
 * its mentions on the page. A labelled, non-modal dialog; Escape closes it.
 */
export function HoverCard({ accounts, lensId, places, onShowEntity, onStep, onClose, touch }: HoverCardProps) {
  const words = useWords();
  const { t } = words;
  const trail = useTrail(lensId);
  const swipe = useSwipeAway(onClose);
  const shownId = trail.shown ?? lensId;
  const shown = useAccounts(accounts, shownId);
  const headingId = useId();
  const entity = accounts.entity(shownId);
  if (entity === undefined || shown === undefined) return null;
  const previous = trail.previous !== undefined ? accounts.entity(trail.previous) : undefined;
  const place = places.get(shownId) ?? null;
  const name = entity.name;
  const openRelated = (id: string) => {
    trail.open(id);
    onShowEntity(id);
  };

  return (
    <div
      class={touch === null ? 'card' : 'card by-touch'}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      {...(touch === null ? {} : swipe)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div class="card-bar">
        {previous !== undefined && (
          <button
            type="button"
            class="back"
            aria-label={t('card.backTo', { name: previous.name })}
            onClick={trail.back}
          >
            ← {previous.name}
          </button>
        )}
        <span class="brand">{t('manifest.name')}</span>
        <button type="button" class="close" aria-label={t('card.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <div class="card-body">
        <EntityStories
          accounts={shown}
          headingId={headingId}
          lensIdOf={(packId, id) => accounts.lensIdOf(packId, id)}
          onSelectEntity={openRelated}
        />
      </div>
      {touch?.link != null && (
        <p class="card-link">
          <button type="button" onClick={touch.link.follow}>
            {t('card.followLink')}
          </button>
          <span class="link-target">{linkTarget(touch.link.href)}</span>
        </p>
      )}
      {place !== null && (
        <nav class="card-nav" aria-label={t('card.mentionsOf', { name })}>
          <span class="place" aria-live="polite">
            {describePlace(words, place)}
          </span>
          {place.count > 0 && !(place.count === 1 && place.position === 1) && (
            <span class="steps">
              <button
                type="button"
                aria-label={t('card.previousOf', { name })}
                onClick={() => onStep(shownId, 'previous')}
              >
                <span aria-hidden="true">‹ </span>
                {t('card.previous')}
              </button>
              <button type="button" aria-label={t('card.nextOf', { name })} onClick={() => onStep(shownId, 'next')}>
                {t('card.next')}
                <span aria-hidden="true"> ›</span>
              </button>
            </span>
          )}
        </nav>
      )}
    </div>
  );
}

/** The card's own pointer events for a finger: a sideways swipe across it closes it. */
function useSwipeAway(onClose: () => void) {
  const [start, setStart] = useState<PointerPoint | null>(null);
  return {
    onPointerDown: (event: PointerEvent) => {
      if (isTouchLike(event.pointerType)) setStart(pointOf(event));
    },
    onPointerUp: (event: PointerEvent) => {
      if (start === null || start.id !== event.pointerId) return;
      setStart(null);
      if (isSwipeAway(start, pointOf(event))) onClose();
    },
    onPointerCancel: () => setStart(null),
  };
}

/** Where a link leads, short: its host and path, without the scheme. */
function linkTarget(href: string): string {
  try {
    const url = new URL(href);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.hash}`;
  } catch {
    return href;
  }
}

function describePlace({ t }: Words, { count, position }: MentionPlace): string {
  if (count === 0) return t('mentions.none');
  return position === null ? t('mentions.onPage', count) : t('mentions.placeOnPage', count, { position });
}
