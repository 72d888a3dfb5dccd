import { useId, useState } from 'preact/hooks';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { ownValue } from '../../engine/own-keys';
import { packIn } from '../../engine/packs/pack-language';
import { MAX_PACK_BYTES } from '../../engine/packs/pack-limits';
import { type Addition, judgeAddition, packSizeProblem } from '../../engine/packs/pack-registry';
import { STORY_SWATCHES, tintStyle } from '../../engine/settings/highlight-colours';
import {
  paletteTurns,
  type Settings,
  storyEnabled,
  storyIsPrivate,
  storySwatch,
  withStoryChoice,
} from '../../engine/settings/settings';
import { logFailure } from '../../platform/log-failure';
import { addedPacks, removeAddedPack, storeAddedPack } from '../../platform/storage/pack-store';
import { byteSize } from '../../platform/words/byte-size';
import { noticeText, packProblemText } from '../../platform/words/notice-text';
import type { Words } from '../../platform/words/words';
import { SourceLine } from '../story/source-ref';
import { StoryOverview } from '../story/story-overview';
import type { LoadedStory } from '../story/use-stories';
import { SwitchInput } from '../switch-input';
import { useWords } from '../use-words';
import { EntityDirectory } from './entity-directory';
import { JsonFileButton } from './json-file-button';

interface StoryShelfProps {
  stories: readonly LoadedStory[];
  settings: Settings;
  onChange(next: Settings): void;
}

/** What the last addition or removal did, as the reader is told it. */
type Report =
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string; undo?: () => void }
  | { kind: 'refused'; text: string; problems: string[] }
  | { kind: 'offer-update'; text: string; confirm: () => void };

/** Problems listed in full up to this many; a file with more is broken throughout. */
const PROBLEMS_SHOWN = 50;

/**
 * The options page's stories: every pack with its source, size and switch,
 * its colour and its details, a way to add a pack from a file (picked or
 * dropped) and to remove one. An addition either stores the whole pack or
 * changes nothing and says why, problem by problem.
 */
export function StoryShelf({ stories, settings, onChange }: StoryShelfProps) {
  const words = useWords();
  const { t } = words;
  const [report, setReport] = useState<Report | null>(null);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const turns = paletteTurns(settings, stories);

  // Neither ever rejects: a failed read or write is told to the reader, and storage is left as it was.
  const add = async (file: File | undefined) => {
    if (file === undefined) return;
    // Refused before it is read: a file too large to be a pack is not worth loading whole.
    const tooLarge = packSizeProblem(file.size);
    if (tooLarge !== null) {
      setReport(await reportOn(words, { outcome: 'over-limit', notice: tooLarge }, file.name, setReport));
      return;
    }
    try {
      setReport({ kind: 'busy', text: t('shelf.reading', { file: file.name }) });
      const text = await file.text();
      setReport({ kind: 'busy', text: t('shelf.checking', { file: file.name }) });
      const { packs } = await addedPacks();
      setReport(await reportOn(words, judgeAddition(text, packs, BUNDLED_PACKS, new Date()), file.name, setReport));
    } catch (error) {
      setReport(failure(t('shelf.addFailed', { file: file.name }), error));
    }
  };

  const remove = async (story: LoadedStory) => {
    const pack = story.pack;
    const entry = story.added;
    if (entry === null) return;
    const title = pack?.title ?? entry.title;
    try {
      await removeAddedPack(story.id);
    } catch (error) {
      setReport(failure(t('shelf.removeFailed', { title }), error));
      return;
    }
    setReport({
      kind: 'done',
      text: t('shelf.removed', { title }),
      undo:
        pack === null
          ? undefined
          : () => {
              storeAddedPack(pack, entry)
                .then(() => setReport({ kind: 'done', text: t('shelf.isBack', { title }) }))
                .catch((error: unknown) => setReport(failure(t('shelf.undoFailed', { title }), error)));
            },
    });
  };

  return (
    <section
      class={`stories${dragging ? ' dropping' : ''}`}
      aria-labelledby={titleId}
      onDragOver={(event) => {
        if (!event.dataTransfer?.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        logFailure(add(event.dataTransfer?.files[0]), 'add the story');
      }}
    >
      <h2 id={titleId}>{t('shelf.title')}</h2>
      <p class="note">{t('shelf.note')}</p>
      <ul class="story-list">
        {stories.map((story) => (
          <StoryItem
            key={story.id}
            story={story}
            turn={turns.get(story.id) ?? 0}
            settings={settings}
            onChange={onChange}
            onRemove={() => logFailure(remove(story), 'remove the story')}
          />
        ))}
      </ul>
      <div class="file-row">
        <JsonFileButton label={t('shelf.add')} onFile={(file) => logFailure(add(file), 'add the story')} />
        <span class="note">{t('shelf.dropHere', { size: byteSize(words, MAX_PACK_BYTES) })}</span>
      </div>
      <AdditionReport report={report} onDismiss={() => setReport(null)} />
    </section>
  );
}

/** Stores what can be stored, and words the outcome for the reader. */
async function reportOn(
  words: Words,
  addition: Addition,
  fileName: string,
  setReport: (report: Report) => void,
): Promise<Report> {
  const { t } = words;
  const refused = t('shelf.refused', { file: fileName });
  switch (addition.outcome) {
    case 'refused':
      return {
        kind: 'refused',
        text: refused,
        problems: addition.problems.map((problem) => packProblemText(words, problem)),
      };
    case 'over-limit':
      return { kind: 'refused', text: refused, problems: [noticeText(words, addition.notice)] };
    case 'bundled-id': {
      // Named as the shelf lists it: the bundled story's own title, in the reader's language.
      const { id, title } = packIn(addition.bundled, words.locale);
      return { kind: 'refused', text: refused, problems: [t('shelf.bundledId', { id, title })] };
    }
    case 'same-version':
      return { kind: 'done', text: t('shelf.sameVersion', { version: addition.version }) };
    case 'older':
      return {
        kind: 'done',
        text: t('shelf.older', { version: addition.version, installed: addition.installedVersion }),
      };
    case 'new':
      await storeAddedPack(addition.pack, addition.entry);
      return { kind: 'done', text: addedText(words, addition.pack) };
    case 'update': {
      const { pack, entry, installedVersion, installedTitle } = addition;
      const { title, version } = pack;
      // Named as the reader knows it: a file cannot pass itself off as a story by its own title.
      const offer = [
        t('shelf.offerUpdate', { installed: installedVersion, title: installedTitle, version }),
        title === installedTitle ? '' : t('shelf.offerRetitles', { title }),
      ];
      return {
        kind: 'offer-update',
        text: offer.filter((sentence) => sentence !== '').join(' '),
        confirm: () => {
          setReport({ kind: 'busy', text: t('shelf.updating', { title }) });
          storeAddedPack(pack, entry)
            .then(() => setReport({ kind: 'done', text: t('shelf.updated', { title, version }) }))
            .catch((error: unknown) => setReport(failure(t('shelf.updateFailed'), error)));
        },
      };
    }
  }
}

/** A read or write that failed: what the reader tried, and the browser's reason. */
const failure = (text: string, error: unknown): Report => ({ kind: 'refused', text, problems: [String(error)] });

const addedText = ({ t }: Words, pack: StoryPack) => t('shelf.added', pack.entities.length, { title: pack.title });

function AdditionReport({ report, onDismiss }: { report: Report | null; onDismiss(): void }) {
  const { t } = useWords();
  if (report === null) return null;
  switch (report.kind) {
    case 'busy':
      return (
        <p class="import-ok" role="status">
          {report.text}
        </p>
      );
    case 'done':
      return (
        <p class="import-ok" role="status">
          {report.text}
          {report.undo !== undefined && (
            <>
              {' '}
              <button type="button" onClick={report.undo}>
                {t('shelf.undo')}
              </button>
            </>
          )}
        </p>
      );
    case 'offer-update':
      return (
        <div class="import-ok" role="status">
          <p>{report.text}</p>
          <button type="button" onClick={report.confirm}>
            {t('shelf.update')}
          </button>{' '}
          <button type="button" onClick={onDismiss}>
            {t('shelf.keep')}
          </button>
        </div>
      );
    case 'refused': {
      const shown = report.problems.slice(0, PROBLEMS_SHOWN);
      return (
        <div class="import-errors" role="alert">
          <p>{report.text}</p>
          <ul>
            {shown.map((problem, i) => (
              // Two problems may read the same at different places; the place in the list keeps them apart.
              <li key={`${i}:${problem}`}>{problem}</li>
            ))}
          </ul>
          {report.problems.length > shown.length && (
            <p>{t('shelf.more', { count: report.problems.length - shown.length })}</p>
          )}
        </div>
      );
    }
  }
}

/** The swatches' names, in the palette's order, as a screen reader says them and a tooltip shows them. */
const SWATCH_NAMES = [
  'amber',
  'mint',
  'sky',
  'pink',
  'violet',
  'orange',
  'teal',
  'grey',
  'lime',
  'rose',
  'cyan',
  'yellow',
] as const;

interface StoryItemProps {
  story: LoadedStory;
  /** Its turn for a default colour (`paletteTurns`). */
  turn: number;
  settings: Settings;
  onChange(next: Settings): void;
  onRemove(): void;
}

function StoryItem({ story, turn, settings, onChange, onRemove }: StoryItemProps) {
  const words = useWords();
  const { t } = words;
  const { pack, added, bundled } = story;
  const title = pack?.title ?? added?.title ?? story.id;
  const enabled = storyEnabled(settings, story.id);
  const swatch = storySwatch(settings, story.id, turn);
  const colour = STORY_SWATCHES[swatch] as string;
  const privateNoteId = useId();
  const hidden = storyIsPrivate(settings, story);
  return (
    <li class="story-item" data-story={story.id}>
      <div class="story-item-head">
        <SwitchInput
          checked={enabled}
          label={t('panel.highlightStory', { title })}
          onToggle={(on) => onChange(withStoryChoice(settings, story.id, { enabled: on }))}
        />
        <span class="story-item-title">{title}</span>
        <span class="swatch-sample" style={{ background: colour, color: tintStyle(colour).text }}>
          {t('shelf.sample')}
        </span>
      </div>
      {pack === null ? (
        <p class="import-errors">{t('shelf.unreadable')}</p>
      ) : (
        <p class="story-item-facts">
          <SourceLine source={pack.source} /> · {t('shelf.names', pack.entities.length)} ·{' '}
          {byteSize(words, story.bytes)} · {t('shelf.version', { version: pack.version })}
          {bundled && ` · ${t('shelf.bundled')}`}
        </p>
      )}
      <div class="story-item-actions">
        <fieldset class="swatches">
          <legend>{t('shelf.colour')}</legend>
          {STORY_SWATCHES.map((tint, index) => (
            <label key={tint} class="swatch-choice" title={t(`swatch.${SWATCH_NAMES[index] ?? 'amber'}`)}>
              <input
                type="radio"
                name={`colour-${story.id}`}
                checked={index === swatch}
                onChange={() => onChange(withStoryChoice(settings, story.id, { colour: tint }))}
              />
              <span class="swatch-dot" style={{ background: tint }} />
              <span class="visually-hidden">{t(`swatch.${SWATCH_NAMES[index] ?? 'amber'}`)}</span>
            </label>
          ))}
        </fieldset>
        {ownValue(settings.stories, story.id)?.colour !== undefined && (
          <button type="button" onClick={() => onChange(withStoryChoice(settings, story.id, { colour: undefined }))}>
            {t('shelf.defaultColour')}
          </button>
        )}
        {added !== null && (
          <button type="button" onClick={onRemove} aria-label={t('shelf.removeStory', { title })}>
            {t('shelf.remove')}
          </button>
        )}
      </div>
      {!bundled && (
        <div class="story-item-private">
          <label>
            <input
              type="checkbox"
              checked={hidden}
              aria-describedby={privateNoteId}
              onChange={(event) =>
                onChange(
                  withStoryChoice(settings, story.id, { public: event.currentTarget.checked ? undefined : true }),
                )
              }
            />{' '}
            {t('shelf.private')}
          </label>
          <p id={privateNoteId} class="story-item-facts">
            {t(hidden ? 'shelf.privateOn' : 'shelf.privateOff')}
          </p>
        </div>
      )}
      {pack !== null && (
        <details class="story-details">
          <summary>{t('shelf.details')}</summary>
          <StoryOverview pack={pack} />
          <EntityDirectory pack={pack} />
        </details>
      )}
    </li>
  );
}
