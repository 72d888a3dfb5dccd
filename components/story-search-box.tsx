import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { createStorySearch } from '../engine/story-search';
import type { StorySet } from '../engine/story-set';
import { KIND_NAME_AND_COLOUR } from './entity-kinds';
import { StatementList } from './statement-list';

interface StorySearchBoxProps {
  set: StorySet;
  /** Takes focus when shown, so a reader can type at once (the panel). */
  focusOnOpen?: boolean;
  query: string;
  onQuery(query: string): void;
  onOpen(entityId: string): void;
}

/**
 * Type to search the stories switched on (names in any spelling,
 * descriptions, facts), arrows to move, Enter to open. Typos are forgiven.
 * Each result says which stories tell of it. Escape belongs to the panel
 * around it, which clears the search with it.
 */
export function StorySearchBox({ set, focusOnOpen = false, query, onQuery, onOpen }: StorySearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOnOpen) input.current?.focus();
  }, [focusOnOpen]);
  const search = useMemo(() => createStorySearch(set), [set]);
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
        placeholder="Search the stories: a name, a city, a topic"
        aria-label="Search the stories"
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
        {results.map((entity, i) => {
          const tellings = set.tellingsOf(entity.id);
          const first = tellings[0];
          const described = first?.pack.entities.find((e) => e.id === first.entityId);
          return (
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
              {first !== undefined && described !== undefined && (
                <span class="result-description">
                  <StatementList statements={described.description} source={first.pack.source} plain />
                </span>
              )}
              <span class="result-stories">In {tellings.map(({ pack }) => `“${pack.title}”`).join(' and ')}</span>
            </div>
          );
        })}
      </div>
      {query.trim() !== '' && !open && <p class="empty">Nothing in the stories matches “{query.trim()}”.</p>}
    </div>
  );
}
