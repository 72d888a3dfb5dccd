import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/**
 * An article's paragraphs, in order, as a pack's `position` counts them: the
 * non-blank lines of a text file, or the non-empty `<p>` elements of an HTML
 * page (scripts and styles never run or load).
 */
export function sourceParagraphs(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (!/\.html?$/i.test(path)) {
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(text, 'text/html');
    return [...doc.querySelectorAll('p')]
      .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((paragraph) => paragraph !== '');
  } finally {
    // Nothing is left to wait for: the window only read a string.
    window.happyDOM.close().catch((error: unknown) => console.warn('Could not close the parsing window:', error));
  }
}
