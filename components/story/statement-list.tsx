import { Fragment } from 'preact';
import type { SourceArticle, Statement } from '../../data/schema';
import { useWords } from '../use-words';
import { SourceRef } from './source-ref';

/**
 * Sentences as the reader must see them: each one the article supports ends
 * with its paragraph, and each one it does not is marked as background, so a
 * card never passes general knowledge off as the story's word. `plain`
 * renders the marks as text, for places that cannot hold a button (a
 * listbox option).
 */
export function StatementList({
  statements,
  source,
  plain = false,
}: {
  statements: readonly Statement[];
  source: SourceArticle;
  plain?: boolean;
}) {
  const { t } = useWords();
  return (
    <>
      {statements.map((statement, i) => {
        const gap = i > 0 ? ' ' : '';
        if (!('paragraph' in statement)) {
          return (
            <Fragment key={statement.text}>
              {gap}
              <span class="statement background">
                {statement.text} <span class="background-mark">{t('story.background')}</span>
              </span>
            </Fragment>
          );
        }
        const paragraph = source.paragraphs.find((p) => p.id === statement.paragraph) ?? {
          id: statement.paragraph,
          label: statement.paragraph,
        };
        return (
          <Fragment key={statement.text}>
            {gap}
            <span class="statement">
              {statement.text}{' '}
              {plain ? (
                <span class="cite">{paragraph.label}</span>
              ) : (
                <SourceRef paragraph={paragraph} source={source} />
              )}
            </span>
          </Fragment>
        );
      })}
    </>
  );
}
