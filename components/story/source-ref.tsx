import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { NOT_STATED, type ParagraphRef, type SourceArticle } from '../../data/schema';
import { logFailure } from '../../platform/log-failure';
import { useWords } from '../use-words';

/**
 * A fact's paragraph reference ("¶5"). Hovering or focusing it shows which
 * article it points into; the tooltip is fixed to the viewport so a
 * scrolling card never clips it.
 */
export function SourceRef({ paragraph, source }: { paragraph: ParagraphRef; source: SourceArticle }) {
  const { t } = useWords();
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const anchor = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    const [reference, floating] = [anchor.current, tip.current];
    if (!open || reference === null || floating === null) return;
    const placing = computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'top',
      middleware: [offset(6), flip({ padding: 5 }), shift({ padding: 5 })],
    }).then(({ x, y }) => {
      floating.style.left = `${x}px`;
      floating.style.top = `${y}px`;
    });
    logFailure(placing, 'place the paragraph’s tip');
  }, [open]);

  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  return (
    <span class="ref-wrap">
      <button
        ref={anchor}
        type="button"
        class="ref"
        aria-label={t('story.sourceRef', { paragraph: paragraph.label })}
        aria-describedby={tipId}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onClick={() => setOpen((was) => !was)}
      >
        {paragraph.label}
      </button>
      <span ref={tip} id={tipId} role="tooltip" class="tip" hidden={!open}>
        {t('story.refOf', { paragraph: paragraph.label })} <SourceLine source={source} />
      </span>
    </span>
  );
}

/** The source as a citation: its title, then who published it and when, as far as the pack knows. */
export function SourceLine({ source }: { source: SourceArticle }) {
  const { t } = useWords();
  const known = [source.publisher, source.date].filter((part) => part !== NOT_STATED);
  return (
    <>
      <cite>{source.title}</cite> ({known.join(t('story.listJoin'))})
    </>
  );
}
