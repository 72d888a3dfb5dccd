import { useCallback, useEffect, useId, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MentionCounts, totalMentions } from '../../engine/messages';
import { ownValue } from '../../engine/own-keys';
import { type StorySet, storySet } from '../../engine/packs/story-set';
import { type Settings, storyEnabled, withStoryChoice } from '../../engine/settings/settings';
import { isEnabledFor, type Site, siteKey, siteOf } from '../../engine/settings/site-rules';
import { logFailure } from '../../platform/log-failure';
import { sendToBackground, tellEveryFrame } from '../../platform/send-message';
import { siteName } from '../site-name';
import { EntityStories } from '../story/entity-stories';
import { StoryOverviews } from '../story/story-overview';
import { useStories } from '../story/use-stories';
import { useTrail } from '../story/use-trail';
import { useWords } from '../use-words';
import { PageMap } from './page-map-view';
import { PageMentions, type PanelStory } from './page-mentions';
import { type PageState, useLookups, usePage, useSettings } from './panel-data';
import { SaveFailure } from './save-failure';
import { SiteSwitch } from './site-switch';
import { StorySearchBox } from './story-search-box';
import { usePageMap } from './use-page-map';

/** What the panel says of its page, worked out once from the page and the settings. */
type PageView =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'paused'; site: Site | null }
  | { status: 'reading'; site: Site | null; counts: MentionCounts; unmarked: MentionCounts; partial: boolean };

function pageView(page: PageState, settings: Settings | null): PageView {
  if (page.status !== 'ready') return page;
  const site = siteOf(page.url);
  // Until the settings are read, the page is taken as highlighted, as it most often is.
  if (settings !== null && !isEnabledFor(page.url, settings)) return { status: 'paused', site };
  return { status: 'reading', site, counts: page.counts, unmarked: page.unmarked, partial: page.partial };
}

/**
 * The toolbar panel: the site switch, what the current page mentions story
 * by story (each story with its own switch), a search of the stories, and
 * each story in brief. An entity opened from the list of results shows what
 * every story says of it, as the card does on the page. `beside` the page
 * (the side panel, which stays open), it maps the page's mentions too.
 */
export function PopupPanel({ beside = false }: { beside?: boolean }) {
  const { t } = useWords();
  const { tabId, page } = usePage();
  const [settings, saveSettings, saveFailure] = useSettings();
  const shelf = useStories();
  const stories: PanelStory[] = useMemo(
    () =>
      (shelf ?? []).flatMap((story) =>
        story.pack === null
          ? []
          : [{ pack: story.pack, enabled: settings === null || storyEnabled(settings, story.id) }],
      ),
    [shelf, settings],
  );
  const set = useMemo(() => storySet(stories.filter((s) => s.enabled).map((s) => s.pack)), [stories]);
  const [query, setQuery] = useState('');
  const trail = useTrail(null);
  useLookups(
    useCallback((text: string) => setQuery(text.trim().slice(0, 100)), []),
    beside,
  );
  const view = pageView(page, settings);
  const site = view.status === 'reading' || view.status === 'paused' ? view.site : null;
  const pageMap = usePageMap(tabId, beside && view.status === 'reading' && page.status === 'ready' ? page.url : null);

  const reveal = (lensId: string) => {
    if (tabId === undefined) return;
    logFailure(sendToBackground({ type: 'reveal-entity', tabId, lensId }), 'show the name on the page');
  };
  // Every frame marks the story's common names it shows, and reports them as marked.
  const markStory = (packId: string) => {
    if (tabId !== undefined) tellEveryFrame(tabId, { type: 'mark-story', packId });
  };
  // Escape has one owner, for the whole page (focus falls to the body when the button pressed
  // goes away): in the search box it clears the search, anywhere else it steps back.
  const { shown, back } = trail;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const inSearch = event.target instanceof HTMLInputElement && event.target.type === 'search';
      if (inSearch && query !== '') setQuery('');
      else if (!inSearch && shown !== undefined) back();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [query, shown, back]);

  return (
    <main class="panel">
      <header>
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>{t('manifest.name')}</h1>
        <a class="options-link" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('panel.options')}
        </a>
      </header>
      {settings !== null && <SiteSwitch settings={settings} site={site} onChange={saveSettings} />}
      <SaveFailure reason={saveFailure} />
      <StorySearchBox set={set} focusOnOpen query={query} onQuery={setQuery} onOpen={trail.open} />
      {trail.shown !== undefined ? (
        <EntityView
          set={set}
          lensId={trail.shown}
          mentions={view.status === 'reading' ? (ownValue(view.counts, trail.shown) ?? 0) : 0}
          onBack={trail.back}
          onSelectEntity={trail.open}
          onReveal={() => reveal(trail.shown as string)}
        />
      ) : (
        <>
          <OnThisPage
            stories={stories}
            set={set}
            view={view}
            onReveal={reveal}
            onMarkStory={markStory}
            onSwitchStory={
              settings === null ? undefined : (id, on) => saveSettings(withStoryChoice(settings, id, { enabled: on }))
            }
          />
          {pageMap.map !== null && <PageMap map={pageMap.map} set={set} onReveal={pageMap.reveal} />}
          <StoryOverviews
            packs={set.packs}
            onPage={{
              mentionsOf: (packId, entityId) => {
                const lensId = set.lensIdOf(packId, entityId);
                return view.status === 'reading' && lensId !== undefined ? (ownValue(view.counts, lensId) ?? 0) : 0;
              },
              openEntity: (packId, entityId) => {
                const lensId = set.lensIdOf(packId, entityId);
                if (lensId !== undefined) trail.open(lensId);
              },
            }}
          />
        </>
      )}
    </main>
  );
}

interface OnThisPageProps {
  stories: readonly PanelStory[];
  set: StorySet;
  view: PageView;
  onReveal(lensId: string): void;
  onMarkStory(packId: string): void;
  onSwitchStory?(packId: string, on: boolean): void;
}

function OnThisPage({ stories, set, view, onReveal, onMarkStory, onSwitchStory }: OnThisPageProps) {
  const words = useWords();
  const { t } = words;
  return (
    <section class="on-page" aria-labelledby="on-page-title" aria-busy={view.status === 'loading'}>
      <h2 id="on-page-title">
        {t('panel.onThisPage')}
        {view.status === 'reading' && <span class="total">{t('panel.total', totalMentions(view.counts))}</span>}
        {view.status === 'paused' && <span class="total">{t('panel.paused')}</span>}
      </h2>
      {view.status === 'loading' && <p class="empty">{t('panel.looking')}</p>}
      {view.status === 'unavailable' && <p class="empty">{t('panel.unavailable')}</p>}
      {view.status === 'paused' && (
        <p class="empty">
          {view.site === null
            ? t('panel.pausedHere')
            : t('panel.pausedOn', { site: siteName(words, siteKey(view.site)) })}
        </p>
      )}
      {view.status === 'reading' && (
        <>
          <PageMentions
            stories={stories}
            set={set}
            counts={view.counts}
            unmarked={view.unmarked}
            onReveal={onReveal}
            onMarkStory={onMarkStory}
            onSwitchStory={onSwitchStory}
          />
          {view.partial && <p class="note">{t('panel.partial')}</p>}
        </>
      )}
    </section>
  );
}

interface EntityViewProps {
  set: StorySet;
  lensId: string;
  mentions: number;
  onBack(): void;
  onSelectEntity(lensId: string): void;
  onReveal(): void;
}

/** What the stories say of one entity, in the panel, with the way back and a way to its mentions on the page. */
function EntityView({ set, lensId, mentions, onBack, onSelectEntity, onReveal }: EntityViewProps) {
  const { t } = useWords();
  const headingId = useId();
  const accounts = set.accountsOf(lensId);
  if (accounts.length === 0) return null;
  return (
    <section class="entity-view" aria-labelledby={headingId}>
      <button type="button" class="back" onClick={onBack}>
        {t('panel.back')}
      </button>
      <EntityStories
        accounts={accounts}
        headingId={headingId}
        lensIdOf={set.lensIdOf}
        onSelectEntity={onSelectEntity}
      />
      <p class="entity-on-page">
        {mentions === 0 ? (
          t('panel.notMentioned')
        ) : (
          <>
            {t('mentions.onPage', mentions)}{' '}
            <button type="button" onClick={onReveal}>
              {t('panel.showOnPage')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
