import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { StorySet } from '../../engine/packs/story-set';
import { createStorySearch } from '../../engine/story-search';
import { KIND_COLOUR, kindName } from '../entity-kinds';
import { StatementList } from '../story/statement-list';
import { useWords } from '../use-words';

interface StorySearchBoxProps {
  set: StorySet;
  /** Takes focus when shown, so a reader can type at once (the panel). */
  focusOnOpen?: boolean;
  query: string;
  onQuery(query: string): void;
  onOpen(lensId: string): void;
}

/**
 * Type to search the stories switched on (names in any spelling,
 * descriptions, facts), arrows to move, Enter to open. Typos are forgiven.
 * Each result says which stories tell of it. Escape belongs to the panel
 * around it, which clears the search with it.
 */
export function StorySearchBox({ set, focusOnOpen = false, query, onQuery, onOpen }: StorySearchBoxProps) {
  const words = useWords();
  const { t } = words;
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
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
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
      <div id={listId} role="listbox" aria-label={t('search.results')} class="results" hidden={!open}>
        {results.map((entity, i) => {
          const accounts = set.accountsOf(entity.id);
          const first = accounts[0];
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
              style={{ '--kind-colour': KIND_COLOUR[entity.kind] }}
              onMouseEnter={() => setActive(i)}
              onClick={() => onOpen(entity.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onOpen(entity.id);
              }}
            >
              <span class="result-name">{entity.name}</span>{' '}
              <span class="result-kind">{kindName(words, entity.kind)}</span>
              {first !== undefined && described !== undefined && (
                <span class="result-description">
                  <StatementList statements={described.description} source={first.pack.source} plain />
                </span>
              )}
              <span class="result-stories">
                {t('search.inStories', {
                  stories: accounts
                    .map(({ pack }) => t('story.quoted', { text: pack.title }))
                    .join(t('search.storiesJoin')),
                })}
              </span>
            </div>
          );
        })}
      </div>
      {query.trim() !== '' && !open && <p class="empty">{t('search.nothing', { query: query.trim() })}</p>}
    </div>
  );
}
