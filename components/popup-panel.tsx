import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoryPack } from '../data/schema';
import { entityProfile } from '../engine/entity-profile';
import { totalMentions } from '../engine/messages';
import { isEnabledFor, siteKey, siteOf } from '../engine/site-rules';
import { EntityStory } from './entity-story';
import { PageMentions } from './page-mentions';
import { type PageState, useInitialLookup, usePage, useSettings } from './panel-data';
import { SiteSwitch } from './site-switch';
import { StoryOverview } from './story-overview';
import { StorySearchBox } from './story-search-box';

/**
 * The toolbar panel: the site switch, what the current page mentions, a
 * search of the story, and the story in brief. An entity opened from the
 * list of results shows its whole story here, as the card does on the page.
 */
export function PopupPanel({ pack }: { pack: StoryPack }) {
  const { tabId, page } = usePage();
  const [settings, saveSettings] = useSettings();
  const [query, setQuery] = useState('');
  const [trail, setTrail] = useState<string[]>([]);
  useInitialLookup(useCallback((text: string) => setQuery(text.trim().slice(0, 100)), []));

  const reveal = (entityId: string) => {
    if (tabId === undefined) return;
    void browser.runtime.sendMessage({ type: 'reveal-entity', tabId, entityId });
  };
  // Functional updates: two quick keys (Escape, Escape) must each take a step, not both the same one.
  const openEntity = (entityId: string) => setTrail((shown) => [...shown, entityId]);
  const shownId = trail[trail.length - 1];

  return (
    <main class="panel">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>Context Lens</h1>
        <a class="options-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </header>
      {settings !== null && (
        <SiteSwitch
          settings={settings}
          site={page.status === 'ready' ? siteOf(page.url) : null}
          onChange={saveSettings}
        />
      )}
      <StorySearchBox pack={pack} focusOnOpen query={query} onQuery={setQuery} onOpen={openEntity} />
      {shownId !== undefined ? (
        <EntityView
          pack={pack}
          entityId={shownId}
          mentions={page.status === 'ready' ? (page.counts[shownId] ?? 0) : 0}
          onBack={() => setTrail((shown) => shown.slice(0, -1))}
          onSelectEntity={openEntity}
          onReveal={() => reveal(shownId)}
        />
      ) : (
        <>
          <OnThisPage
            pack={pack}
            page={page}
            paused={settings !== null && page.status === 'ready' && !isEnabledFor(page.url, settings)}
            onReveal={reveal}
          />
          <StoryOverview pack={pack} />
        </>
      )}
    </main>
  );
}

interface OnThisPageProps {
  pack: StoryPack;
  page: PageState;
  paused: boolean;
  onReveal(entityId: string): void;
}

function OnThisPage({ pack, page, paused, onReveal }: OnThisPageProps) {
  const site = page.status === 'ready' ? siteOf(page.url) : null;
  return (
    <section class="on-page" aria-labelledby="on-page-title" aria-busy={page.status === 'loading'}>
      <h2 id="on-page-title">
        On this page
        {page.status === 'ready' && !paused && <span class="total"> · {totalMentions(page.counts)} mentions</span>}
        {paused && <span class="total"> · paused</span>}
      </h2>
      {page.status === 'loading' && <p class="empty">Looking at this page…</p>}
      {page.status === 'unavailable' && (
        <p class="empty">
          Context Lens can’t read this page. Browsers keep extensions off their own pages (settings, the extension
          store), the built-in PDF viewer, and local files unless you allow file access. Search still works.
        </p>
      )}
      {page.status === 'ready' && paused && (
        <p class="empty">
          Highlighting is paused{site !== null ? ` on ${siteKey(site)}` : ''}. Switch it on above to see the story’s
          names here.
        </p>
      )}
      {page.status === 'ready' && !paused && <PageMentions pack={pack} counts={page.counts} onReveal={onReveal} />}
      {page.status === 'ready' && !paused && page.partial && (
        <p class="note">
          This page is very long: Context Lens read the first part of it and left the rest, so that the page stays
          quick.
        </p>
      )}
    </section>
  );
}

interface EntityViewProps {
  pack: StoryPack;
  entityId: string;
  mentions: number;
  onBack(): void;
  onSelectEntity(entityId: string): void;
  onReveal(): void;
}

/** One entity's story in the panel, with the way back and a way to its mentions on the page. */
function EntityView({ pack, entityId, mentions, onBack, onSelectEntity, onReveal }: EntityViewProps) {
  const headingId = useId();
  const profile = entityProfile(pack, entityId);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        onBack();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);
  if (profile === null) return null;
  return (
    <section class="entity-view" aria-labelledby={headingId}>
      <button type="button" class="back" onClick={onBack}>
        ← Back
      </button>
      <EntityStory pack={pack} profile={profile} headingId={headingId} onSelectEntity={onSelectEntity} />
      <p class="entity-on-page">
        {mentions === 0 ? (
          'Not mentioned on this page.'
        ) : (
          <>
            {mentions === 1 ? '1 mention' : `${mentions} mentions`} on this page{' '}
            <button type="button" onClick={onReveal}>
              Show on the page
            </button>
          </>
        )}
      </p>
    </section>
  );
}
