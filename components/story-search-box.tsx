import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { StoryPack } from '../data/schema';
import { createStorySearch } from '../engine/story-search';
import { KIND_NAME_AND_COLOUR } from './entity-kinds';
import { StatementList } from './statement-list';

interface StorySearchBoxProps {
  pack: StoryPack;
  /** Takes focus when shown, so a reader can type at once (the panel). */
  focusOnOpen?: boolean;
  query: string;
  onQuery(query: string): void;
  onOpen(entityId: string): void;
}

/**
 * Type to search the story (names in any spelling, descriptions, facts),
 * arrows to move, Enter to open. Typos are forgiven. Escape belongs to the
 * panel around it, which clears the search with it.
 */
export function StorySearchBox({ pack, focusOnOpen = false, query, onQuery, onOpen }: StorySearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) input.current?.focus();
  }, [focusOnOpen]);
  const search = useMemo(() => createStorySearch(pack), [pack]);
  const results = useMemo(() => search.find(query, 8), [search, query]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;
  const open = results.length > 0;
  const current = Math.min(active, results.length - 1);

  return (
    <div class="search">
      <input
        ref={input}
        type="search"
        class="search-input"
        placeholder="Search the story: a name, a city, a topic"
        aria-label="Search the story"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? optionId(current) : undefined}
        value={query}
        onInput={(event) => {
          onQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && open) {
            event.preventDefault();
            setActive((current + 1) % results.length);
          } else if (event.key === 'ArrowUp' && open) {
            event.preventDefault();
            setActive((current - 1 + results.length) % results.length);
          } else if (event.key === 'Enter' && open) {
            event.preventDefault();
            const chosen = results[current];
            if (chosen !== undefined) onOpen(chosen.id);
          }
        }}
      />
      <div id={listId} role="listbox" aria-label="Search results" class="results" hidden={!open}>
        {results.map((entity, i) => (
          // Focus stays in the search field (aria-activedescendant); the options take clicks and, if focused, Enter.
          <div
            key={entity.id}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === current}
            data-entity={entity.id}
            class="result"
            style={{ '--kind-colour': KIND_NAME_AND_COLOUR[entity.kind].colour }}
            onMouseEnter={() => setActive(i)}
            onClick={() => onOpen(entity.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onOpen(entity.id);
            }}
          >
            <span class="result-name">{entity.name}</span>{' '}
            <span class="result-kind">{KIND_NAME_AND_COLOUR[entity.kind].singular}</span>
            <span class="result-description">
              <StatementList statements={entity.description} source={pack.source} plain />
            </span>
          </div>
        ))}
      </div>
      {query.trim() !== '' && !open && <p class="empty">Nothing in the story matches “{query.trim()}”.</p>}
    </div>
  );
}
