import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useWords } from '../use-words';

interface StoryPictureProps {
  title: string;
  /** The story it pictures, named to screen readers so each story's picture has its own name. */
  story: string;
  /** What the keys do in the picture, said once for it. */
  hint: string;
  /** The picture: its SVG's class, accessible name and size, and what it draws. */
  drawing: { class: string; label: string; width: number; height: number; content: ComponentChildren };
  /** The same content as a list or table, for a reader who would rather read than look. */
  alternative: ComponentChildren;
  /** What opening a mark shows, under the picture. */
  detail?: ComponentChildren;
}

/**
 * A picture of a story with its text alternative, and the reader's choice
 * between them. The picture scrolls inside its frame when it is wider than
 * the panel, as it is at 200% zoom, so nothing in it shrinks out of reach.
 */
export function StoryPicture({ title, story, hint, drawing, alternative, detail }: StoryPictureProps) {
  const { t } = useWords();
  const [asText, setAsText] = useState(false);
  const headingId = useId();
  const hintId = useId();
  return (
    <section class="story-picture" aria-labelledby={headingId}>
      <div class="picture-head">
        <h3 id={headingId}>
          {title}
          <span class="visually-hidden">{t('pictures.ofStory', { title: story })}</span>
        </h3>
        <button type="button" class="as-text" aria-pressed={asText} onClick={() => setAsText((was) => !was)}>
          {t('pictures.showAsText')}
        </button>
      </div>
      {asText ? (
        alternative
      ) : (
        <>
          <p id={hintId} class="picture-hint">
            {hint}
          </p>
          <div class="picture-frame">
            {/* biome-ignore lint/a11y/useSemanticElements: an SVG picture cannot be a fieldset; its marks are its group */}
            <svg
              class={drawing.class}
              role="group"
              aria-label={drawing.label}
              aria-describedby={hintId}
              width={drawing.width}
              height={drawing.height}
              viewBox={`0 0 ${drawing.width} ${drawing.height}`}
            >
              {drawing.content}
            </svg>
          </div>
          {detail}
        </>
      )}
    </section>
  );
}
