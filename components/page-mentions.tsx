import type { EntityKind, StoryPack } from '../data/schema';
import type { MentionCounts } from '../engine/messages';
import { KIND_NAME_AND_COLOUR } from './entity-kinds';

interface PageMentionsProps {
  pack: StoryPack;
  counts: MentionCounts;
  /** Shows an entity's next mention on the page; without it the list is for reading only. */
  onReveal?(entityId: string): void;
}

/** The story's entities found on the page, grouped by kind, most mentioned first. */
export function PageMentions({ pack, counts, onReveal }: PageMentionsProps) {
  const found = pack.entities.filter((entity) => (counts[entity.id] ?? 0) > 0);
  if (found.length === 0) {
    return <p class="empty">None of the story’s names appear on this page.</p>;
  }
  const kinds = [...new Set(found.map((entity) => entity.kind))] as EntityKind[];
  return (
    <div class="mentions">
      {kinds.map((kind) => (
        <section key={kind} aria-label={KIND_NAME_AND_COLOUR[kind].plural}>
          <h3 style={{ '--kind-colour': KIND_NAME_AND_COLOUR[kind].colour }}>{KIND_NAME_AND_COLOUR[kind].plural}</h3>
          <ul>
            {found
              .filter((entity) => entity.kind === kind)
              .sort((a, b) => (counts[b.id] ?? 0) - (counts[a.id] ?? 0))
              .map((entity) => {
                const count = (
                  <span class="count">
                    {counts[entity.id]}
                    <span class="visually-hidden"> mentions</span>
                  </span>
                );
                return (
                  <li key={entity.id} data-entity={entity.id}>
                    {onReveal === undefined ? (
                      <>
                        <span class="name">{entity.name}</span>
                        {count}
                      </>
                    ) : (
                      <button type="button" class="reveal" onClick={() => onReveal(entity.id)}>
                        <span class="name">{entity.name}</span>
                        {count}
                      </button>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
