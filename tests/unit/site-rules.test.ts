import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isEnabledFor,
  LOCAL_FILES,
  parseSitePattern,
  patternSite,
  type SiteMode,
  type SiteSettings,
  setSiteEnabled,
  siteOf,
} from '../../engine/settings/site-rules';

const settings = (sites: Record<string, boolean>, mode: SiteMode = 'everywhere-except'): SiteSettings => ({
  enabled: true,
  mode,
  sites,
});

describe('isEnabledFor', () => {
  it.each([
    // [url, rules, mode, expected, why]
    ['https://example.com/a', {}, 'everywhere-except', true, 'no rule: the mode decides'],
    ['https://example.com/a', {}, 'only-listed', false, 'no rule: the mode decides'],
    ['https://example.com/', { 'example.com': false }, 'everywhere-except', false, 'a rule for the host'],
    ['https://www.example.com/', { 'example.com': false }, 'everywhere-except', false, 'www. is ignored'],
    ['https://example.com/', { 'example.com': false }, 'everywhere-except', false, 'a rule typed without www'],
    ['https://news.example.com/', { 'example.com': false }, 'everywhere-except', false, 'a parent covers subdomains'],
    ['https://a.b.example.com/', { 'example.com': false }, 'everywhere-except', false, 'at any depth'],
    [
      'https://news.example.com/',
      { 'example.com': false, 'news.example.com': true },
      'everywhere-except',
      true,
      'the most specific rule wins',
    ],
    [
      'https://news.example.com/',
      { 'news.example.com': true, 'example.com': false },
      'everywhere-except',
      true,
      'whatever the order rules were made in',
    ],
    [
      'https://sport.example.com/',
      { 'example.com': false, 'news.example.com': true },
      'everywhere-except',
      false,
      'a sibling keeps the parent rule',
    ],
    [
      'https://example.com/',
      { 'news.example.com': false },
      'everywhere-except',
      true,
      'a child never covers its parent',
    ],
    ['https://notexample.com/', { 'example.com': false }, 'everywhere-except', true, 'a suffix is not a subdomain'],
    ['https://example.com.evil.test/', { 'example.com': false }, 'everywhere-except', true, 'nor is a prefix'],
    ['https://EXAMPLE.com./x', { 'example.com': false }, 'everywhere-except', false, 'case and the root dot'],
    ['http://localhost:3000/', { localhost: false }, 'everywhere-except', false, 'localhost covers every port'],
    ['http://localhost:3000/', { 'localhost:3000': false }, 'everywhere-except', false, 'a port rule'],
    ['http://localhost:4000/', { 'localhost:3000': false }, 'everywhere-except', true, 'only that port'],
    [
      'http://localhost:3000/',
      { localhost: false, 'localhost:3000': true },
      'everywhere-except',
      true,
      'the port rule beats the host rule',
    ],
    ['http://192.168.1.10/', { '192.168.1.10': false }, 'everywhere-except', false, 'an IPv4 address'],
    ['http://192.168.1.10/', { '168.1.10': false }, 'everywhere-except', true, 'addresses have no subdomains'],
    ['http://[::1]:8080/', { '[::1]': false }, 'everywhere-except', false, 'an IPv6 address'],
    ['https://news.example.com/', { 'example.com': true }, 'only-listed', true, 'only listed: a parent turns it on'],
    [
      'https://ads.example.com/',
      { 'example.com': true, 'ads.example.com': false },
      'only-listed',
      false,
      'only listed: a child turns itself off',
    ],
    ['https://other.test/', { 'example.com': true }, 'only-listed', false, 'only listed: the rest stays off'],
    ['about:blank', { 'example.com': false }, 'everywhere-except', true, 'no site: the mode decides'],
    ['file:///home/me/a.html', {}, 'only-listed', false, 'local files without a rule: the mode decides'],
    ['file:///home/me/a.html', { 'file://': false }, 'everywhere-except', false, 'local files have a switch'],
    ['file:///C:/Users/me/b.html', { 'file://': true }, 'only-listed', true, 'one switch for every local file'],
    ['https://example.com/', { 'file://': false }, 'everywhere-except', true, 'the local files rule covers no site'],
    ['http://file/', { 'file://': false }, 'everywhere-except', true, 'nor a host named "file"'],
    ['not a url', {}, 'everywhere-except', true, 'nonsense: the mode decides'],
  ] as [string, Record<string, boolean>, SiteMode, boolean, string][])(
    '%s with %j (%s) → %s: %s',
    (url, sites, mode, expected) => {
      expect(isEnabledFor(url, settings(sites, mode))).toBe(expected);
    },
  );

  it('is off everywhere when switched off globally', () => {
    expect(isEnabledFor('https://example.com/', { ...settings({ 'example.com': true }), enabled: false })).toBe(false);
  });

  it('ignores stored patterns that are not sites, and never throws', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.boolean()), fc.webUrl(), (sites, url) => {
        expect(typeof isEnabledFor(url, settings(sites))).toBe('boolean');
      }),
    );
  });
});

describe('setSiteEnabled', () => {
  const news = siteOf('https://news.example.com/') as NonNullable<ReturnType<typeof siteOf>>;

  it('puts the rule on the site itself', () => {
    expect(setSiteEnabled({}, news, false, 'everywhere-except')).toEqual({ 'news.example.com': false });
  });

  it('leaves no rule where the site would be so anyway', () => {
    const off = setSiteEnabled({}, news, false, 'everywhere-except');
    expect(setSiteEnabled(off, news, true, 'everywhere-except')).toEqual({});
    expect(setSiteEnabled({ 'example.com': false }, news, false, 'everywhere-except')).toEqual({
      'example.com': false,
    });
  });

  it('overrides a parent rule with one of its own', () => {
    expect(setSiteEnabled({ 'example.com': false }, news, true, 'everywhere-except')).toEqual({
      'example.com': false,
      'news.example.com': true,
    });
  });

  it('switches every local file at once', () => {
    const site = siteOf('file:///home/me/a.html') as NonNullable<ReturnType<typeof siteOf>>;
    expect(site).toEqual({ host: LOCAL_FILES, port: '' });
    expect(setSiteEnabled({}, site, false, 'everywhere-except')).toEqual({ [LOCAL_FILES]: false });
    expect(patternSite(LOCAL_FILES)).toEqual(site);
  });

  it('keeps the port in the rule', () => {
    const site = siteOf('http://localhost:5173/') as NonNullable<ReturnType<typeof siteOf>>;
    expect(setSiteEnabled({}, site, false, 'everywhere-except')).toEqual({ 'localhost:5173': false });
  });
});

describe('parseSitePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://news.example.com/some/page?x=1', 'news.example.com'],
    ['localhost:3000', 'localhost:3000'],
    ['192.168.0.1', '192.168.0.1'],
    ['[::1]:8080', '[::1]:8080'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['file:///home/me/a.html', LOCAL_FILES],
    ['FILE:///C:/x.html', LOCAL_FILES],
    ['file:3000', 'file:3000'],
  ])('reads %j as %j', (input, pattern) => {
    expect(parseSitePattern(input)).toEqual({ pattern });
  });

  it.each([
    ['', { code: 'siteEmpty' }],
    ['   ', { code: 'siteEmpty' }],
    ['ftp://example.com', { code: 'siteNotWeb' }],
    ['exa mple.com', { code: 'siteNotAName', input: 'exa mple.com' }],
    ['*.example.com', { code: 'siteNotAName', input: '*.example.com' }],
    ['example..com', { code: 'siteNotAName', input: 'example..com' }],
    ['-bad.com', { code: 'siteNotAName', input: '-bad.com' }],
    ['a'.repeat(300), { code: 'siteTooLong' }],
  ])('refuses %j, saying why', (input, error) => {
    expect(parseSitePattern(input)).toEqual({ error });
  });
});
