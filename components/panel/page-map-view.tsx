import { useId } from 'preact/hooks';
import type { StorySet } from '../../engine/packs/story-set';
import { mentionPlaceText } from '../card/announcement-text';
import { KIND_COLOUR } from '../entity-kinds';
import { Spliced, useWords } from '../use-words';
import type { PageMapState } from './use-page-map';

interface PageMapProps {
  map: PageMapState;
  set: StorySet;
  onReveal(index: number): void;
}

/** Each mention's place among its entity's on the map: 1-based, with how many the entity has. */
function placesOf(map: PageMapState): { position: number; count: number }[] {
  const counts = new Map<string, number>();
  const positions = map.mentions.map(({ lensId }) => {
    const position = (counts.get(lensId) ?? 0) + 1;
    counts.set(lensId, position);
    return position;
  });
  return map.mentions.map(({ lensId }, i) => ({
    position: positions[i] as number,
    count: counts.get(lensId) ?? 0,
  }));
}

/**
 * The page map: every name the page shows, in the order a reader meets
 * them, each with its kind, its place among its entity's mentions and the
 * words around it, marked while it is on screen. This is the page's
 * mentions for a reader who cannot see the highlights; choosing one shows
 * it on the page with its card.
 */
export function PageMap({ map, set, onReveal }: PageMapProps) {
  const words = useWords();
  const { t } = words;
  const number = (n: number) => n.toLocaleString(words.locale);
  const titleId = useId();
  const idPrefix = useId();
  const places = placesOf(map);
  return (
    <section class="page-map" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('pageMap.title')}
        <span class="total">{t('pageMap.inView', { shown: map.inView.size, total: map.total })}</span>
      </h2>
      {map.mentions.length === 0 ? (
        <p class="empty">{t('pageMap.empty')}</p>
      ) : (
        <ol>
          {map.mentions.map((mention, i) => {
            const entity = set.entity(mention.lensId);
            if (entity === undefined) return null;
            const placeOf = (name: string) =>
              mentionPlaceText(words, name, entity.kind, places[i] as { position: number; count: number });
            const inView = map.inView.has(i);
            const glimpseId = `${idPrefix}-${i}`;
            return (
              <li key={i} class={inView ? 'in-view' : undefined} style={{ '--kind-colour': KIND_COLOUR[entity.kind] }}>
                <button
                  type="button"
                  // The words the row shows, said as one phrase however the spans around them are read.
                  aria-label={`${placeOf(entity.name)}${inView ? t('pageMap.inViewMark') : ''}`}
                  aria-describedby={glimpseId}
                  onClick={() => onReveal(i)}
                >
                  <Spliced message={placeOf}>
                    <span class="map-name">{entity.name}</span>
                  </Spliced>
                  {inView && <span class="in-view-mark">{t('pageMap.inViewMark')}</span>}
                  <span id={glimpseId} class="glimpse" aria-hidden="true">
                    {mention.before}
                    <mark>{mention.text}</mark>
                    {mention.after}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {map.total > map.mentions.length && (
        <p class="note">{t('pageMap.firstOf', { shown: number(map.mentions.length), total: number(map.total) })}</p>
      )}
    </section>
  );
}
