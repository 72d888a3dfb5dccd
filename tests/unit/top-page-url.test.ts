import { describe, expect, it } from 'vitest';
import { topPageUrl } from '../../page/start/top-page-url';

/** A top frame at `href` whose document has `origin`. */
const topAt = (href: string, origin: string) => {
  const location = new URL(href) as unknown as Location;
  return { location, origin, top: null };
};

describe('topPageUrl', () => {
  it('is the top page’s own address on a web page', () => {
    expect(topPageUrl(topAt('https://news.example/a?b=1', 'https://news.example'), true)).toBe(
      'https://news.example/a?b=1',
    );
  });

  it('is the opening site for a blank page or a blob that site opened, so its switch holds there too', () => {
    expect(topPageUrl(topAt('about:blank', 'https://off.example'), true)).toBe('https://off.example');
    expect(topPageUrl(topAt('blob:https://off.example/1234', 'https://off.example'), true)).toBe('https://off.example');
  });

  it('stays the address where the page has no site of its own to inherit', () => {
    expect(topPageUrl(topAt('about:blank', 'null'), true)).toBe('about:blank');
    expect(topPageUrl(topAt('data:text/html,hi', 'null'), true)).toBe('data:text/html,hi');
    expect(topPageUrl(topAt('file:///home/reader/page.html', 'file://'), true)).toBe('file:///home/reader/page.html');
  });
});
