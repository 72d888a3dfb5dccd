import { useMemo, useState } from 'preact/hooks';
import type { StoryPack } from '../../data/schema';
import {
  layoutTimeline,
  readableDate,
  storyTimeline,
  TIMELINE_METRICS,
  type TimelineMark,
} from '../../engine/pictures/timeline-model';
import { SourceRef } from '../story/source-ref';
import { useWords } from '../use-words';
import { StoryPicture } from './story-picture';
import { useRovingFocus } from './use-roving-focus';

/**
 * The story's timeline: its phases as coloured bands in order, with the
 * dated events and key figures of each placed on one axis. Each mark opens
 * what it says and the paragraph it comes from.
 */
export function StoryTimeline({ pack }: { pack: StoryPack }) {
  const { t, locale } = useWords();
  /** A mark's lead: its figure, or its date. */
  const leadOf = (mark: TimelineMark) => mark.value ?? (mark.date === null ? '' : readableDate(mark.date, locale));
  const bands = useMemo(() => storyTimeline(pack), [pack]);
  const layout = useMemo(() => layoutTimeline(bands, locale), [bands, locale]);
  const marks = layout.bands.flatMap((band) => band.marks);
  const paragraphs = new Map(pack.source.paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const [opened, setOpened] = useState<TimelineMark | null>(null);
  const roving = useRovingFocus(marks.length, (index) => setOpened(marks[index]?.mark ?? null));
  const markIndex = new Map(marks.map((place, i) => [place.mark.key, i]));
  const { lineHeight } = TIMELINE_METRICS;

  const said = (mark: TimelineMark) => {
    const lead = leadOf(mark);
    const paragraph = paragraphs.get(mark.paragraph);
    return (
      <>
        {lead !== '' && <strong>{lead}: </strong>}
        {mark.text} {paragraph !== undefined && <SourceRef paragraph={paragraph} source={pack.source} />}
      </>
    );
  };

  return (
    <StoryPicture
      title={t('pictures.timeline')}
      story={pack.title}
      hint={t('pictures.timelineHint')}
      drawing={{
        class: 'timeline',
        label: t('pictures.timelineOf', { title: pack.title }),
        width: layout.width,
        height: layout.height,
        content: (
          <>
            {layout.bands.map(({ band, top, height, marks: placed }) => (
              <g key={band.phase.id} class="band" style={{ '--phase-colour': band.phase.colour }}>
                <rect class="band-fill" x={0} y={top} width={layout.width} height={height} rx={6} />
                <rect class="band-edge" x={0} y={top} width={4} height={height} rx={2} />
                <text class="band-label" x={10} y={top + lineHeight}>
                  {band.phase.label} · {band.phase.period}
                </text>
                {placed.length > 0 && (
                  <line
                    class="axis"
                    x1={layout.axisX}
                    x2={layout.axisX}
                    y1={(placed[0]?.y ?? top) - 6}
                    y2={(placed[placed.length - 1]?.y ?? top) + 6}
                  />
                )}
                {placed.map((place) => {
                  const lead = leadOf(place.mark);
                  return (
                    // biome-ignore lint/a11y/useSemanticElements: SVG has no button element; a mark is a group drawn as one
                    <g
                      key={place.mark.key}
                      class={`mark ${place.mark.kind}`}
                      role="button"
                      aria-label={`${lead === '' ? '' : `${lead}: `}${place.mark.text} (${paragraphs.get(place.mark.paragraph)?.label ?? place.mark.paragraph})`}
                      {...roving.markProps(markIndex.get(place.mark.key) ?? 0)}
                    >
                      <rect
                        class="mark-area"
                        x={6}
                        y={place.y - lineHeight * 0.75}
                        width={layout.width - 10}
                        height={place.lines.length * lineHeight + 4}
                        rx={4}
                      />
                      {place.mark.kind === 'event' ? (
                        <circle class="dot" cx={layout.axisX} cy={place.y} r={5} />
                      ) : (
                        <rect class="dot" x={layout.axisX - 5} y={place.y - 5} width={10} height={10} rx={1} />
                      )}
                      {place.lines.map((line, j) => (
                        <text key={line} x={layout.textX} y={place.y + 4 + j * lineHeight}>
                          {line}
                        </text>
                      ))}
                    </g>
                  );
                })}
              </g>
            ))}
          </>
        ),
      }}
      detail={opened !== null && <p class="picture-detail">{said(opened)}</p>}
      alternative={
        <ol class="timeline-text">
          {bands.map((band) => (
            <li key={band.phase.id} style={{ '--phase-colour': band.phase.colour }}>
              <span class="band-name">{band.phase.label}</span> <span class="period">{band.phase.period}</span>
              <ul>
                {band.marks.map((mark) => (
                  <li key={mark.key}>{said(mark)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      }
    />
  );
}
