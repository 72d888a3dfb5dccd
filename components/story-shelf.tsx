import { useId, useState } from 'preact/hooks';
import { BUNDLED_PACKS } from '../data/bundled-packs';
import type { StoryPack } from '../data/schema';
import { MIN_CONTRAST, tintStyle } from '../engine/highlight-colours';
import { MAX_PACK_BYTES } from '../engine/pack-limits';
import { type Addition, formatBytes, judgeAddition, packSizeProblem, utf8Bytes } from '../engine/pack-registry';
import { type Settings, storyColour, storyEnabled, withStoryChoice } from '../engine/settings';
import { addedPacks, removeAddedPack, storeAddedPack } from '../library/pack-store';
import { EntityDirectory } from './entity-directory';
import { JsonFileButton } from './json-file-button';
import { SourceLine } from './source-ref';
import { StoryOverview } from './story-overview';
import { SwitchInput } from './switch-input';
import type { LoadedStory } from './use-stories';

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
  const [report, setReport] = useState<Report | null>(null);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();

  const add = async (file: File | undefined) => {
    if (file === undefined) return;
    // Refused before it is read: a file too large to be a pack is not worth loading whole.
    const tooLarge = packSizeProblem(file.size);
    if (tooLarge !== null) {
      setReport(await reportOn({ outcome: 'refused', problems: [tooLarge] }, file.name, setReport));
      return;
    }
    setReport({ kind: 'busy', text: `Reading “${file.name}”…` });
    const text = await file.text();
    setReport({ kind: 'busy', text: `Checking “${file.name}”…` });
    const { packs } = await addedPacks();
    setReport(await reportOn(judgeAddition(text, packs, BUNDLED_PACKS, new Date()), file.name, setReport));
  };

  const remove = async (story: LoadedStory) => {
    const pack = story.pack;
    const entry = story.added;
    if (entry === null) return;
    await removeAddedPack(story.id, BUNDLED_PACKS);
    const title = pack?.title ?? entry.title;
    setReport({
      kind: 'done',
      text: story.bundled
        ? `“${title}” is back to the version that came with Context Lens.`
        : `“${title}” was removed.`,
      undo:
        pack === null
          ? undefined
          : () => {
              void storeAddedPack(pack, entry).then(() => setReport({ kind: 'done', text: `“${title}” is back.` }));
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
        void add(event.dataTransfer?.files[0]);
      }}
    >
      <h2 id={titleId}>Stories</h2>
      <p class="note">
        Each story is a pack of names and facts. Switch a story off to stop highlighting its names; pick its colour for
        when highlights follow the story.
      </p>
      <ul class="story-list">
        {stories.map((story) => (
          <StoryItem
            key={story.id}
            story={story}
            settings={settings}
            onChange={onChange}
            onRemove={() => void remove(story)}
          />
        ))}
      </ul>
      <div class="file-row">
        <JsonFileButton label="Add a story pack…" onFile={(file) => void add(file)} />
        <span class="note">or drop a pack file here. At most {formatBytes(MAX_PACK_BYTES)} a pack.</span>
      </div>
      <AdditionReport report={report} onDismiss={() => setReport(null)} />
    </section>
  );
}

/** Stores what can be stored, and words the outcome for the reader. */
async function reportOn(addition: Addition, fileName: string, setReport: (report: Report) => void): Promise<Report> {
  switch (addition.outcome) {
    case 'refused':
      return {
        kind: 'refused',
        text: `Nothing was changed. “${fileName}” was refused:`,
        problems: addition.problems.map(({ path, message }) => (path === '$' ? message : `${path}: ${message}`)),
      };
    case 'same-version':
      return {
        kind: 'done',
        text: `Version ${addition.version} of this story is already here. Nothing was changed.`,
      };
    case 'older':
      return {
        kind: 'done',
        text: `This file holds version ${addition.version}, older than the version ${addition.installedVersion} you have. Nothing was changed.`,
      };
    case 'new':
      await storeAddedPack(addition.pack, addition.entry);
      return { kind: 'done', text: addedText(addition.pack) };
    case 'update': {
      const { pack, entry, installedVersion } = addition;
      return {
        kind: 'offer-update',
        text: `You have version ${installedVersion} of “${pack.title}”. This file holds version ${pack.version}.`,
        confirm: () => {
          setReport({ kind: 'busy', text: `Updating “${pack.title}”…` });
          void storeAddedPack(pack, entry).then(
            () => setReport({ kind: 'done', text: `“${pack.title}” is updated to version ${pack.version}.` }),
            (error: unknown) =>
              setReport({ kind: 'refused', text: 'The update could not be stored:', problems: [String(error)] }),
          );
        },
      };
    }
  }
}

const addedText = (pack: StoryPack) =>
  `Added “${pack.title}”: ${pack.entities.length} ${pack.entities.length === 1 ? 'name' : 'names'} to look for.`;

function AdditionReport({ report, onDismiss }: { report: Report | null; onDismiss(): void }) {
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
                Undo
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
            Update
          </button>{' '}
          <button type="button" onClick={onDismiss}>
            Keep the version I have
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
          {report.problems.length > shown.length && <p>…and {report.problems.length - shown.length} more.</p>}
        </div>
      );
    }
  }
}

interface StoryItemProps {
  story: LoadedStory;
  settings: Settings;
  onChange(next: Settings): void;
  onRemove(): void;
}

function StoryItem({ story, settings, onChange, onRemove }: StoryItemProps) {
  const { pack, added, bundled } = story;
  const title = pack?.title ?? added?.title ?? story.id;
  const enabled = storyEnabled(settings, story.id);
  const colour = storyColour(settings, story.id, story.turn);
  const [colourError, setColourError] = useState<string | null>(null);
  const colourId = useId();
  const errorId = useId();
  const bytes = added?.bytes ?? (pack === null ? 0 : utf8Bytes(JSON.stringify(pack)));
  return (
    <li class="story-item" data-story={story.id}>
      <div class="story-item-head">
        <SwitchInput
          checked={enabled}
          label={`Highlight “${title}”`}
          onToggle={(on) => onChange(withStoryChoice(settings, story.id, { enabled: on }))}
        />
        <span class="story-item-title">{title}</span>
        <span class="swatch-sample" style={{ background: colour, color: tintStyle(colour).text }}>
          Aa
        </span>
      </div>
      {pack === null ? (
        <p class="import-errors">This pack can no longer be read. Remove it, then add it again.</p>
      ) : (
        <p class="story-item-facts">
          <SourceLine source={pack.source} /> · {pack.entities.length} names · {formatBytes(bytes)} · version{' '}
          {pack.version}
          {bundled
            ? added === null
              ? ' · comes with Context Lens'
              : ' · your update of a story that comes with Context Lens'
            : ''}
        </p>
      )}
      <div class="story-item-actions">
        <label for={colourId}>Colour</label>
        <input
          id={colourId}
          type="color"
          value={colour}
          aria-invalid={colourError !== null}
          aria-describedby={colourError === null ? undefined : errorId}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            const { ratio } = tintStyle(chosen);
            if (ratio < MIN_CONTRAST) {
              setColourError(
                `Text on ${chosen} reaches only ${ratio.toFixed(1)}:1 contrast; highlights need ${MIN_CONTRAST}:1. Choose a lighter or a darker colour.`,
              );
              event.currentTarget.value = colour;
              return;
            }
            setColourError(null);
            onChange(withStoryChoice(settings, story.id, { colour: chosen }));
          }}
        />
        {settings.stories[story.id]?.colour !== undefined && (
          <button type="button" onClick={() => onChange(withStoryChoice(settings, story.id, { colour: undefined }))}>
            Default colour
          </button>
        )}
        {added !== null && (
          <button
            type="button"
            onClick={onRemove}
            aria-label={bundled ? `Go back to the original “${title}”` : `Remove “${title}”`}
          >
            {bundled ? 'Go back to the original' : 'Remove'}
          </button>
        )}
      </div>
      {colourError !== null && (
        <p id={errorId} class="field-error" role="alert">
          {colourError}
        </p>
      )}
      {pack !== null && (
        <details class="story-details">
          <summary>Details</summary>
          <StoryOverview pack={pack} />
          <EntityDirectory pack={pack} />
        </details>
      )}
    </li>
  );
}
