/**
 * The address of the tab's top page, as seen from this frame: site rules
 * judge the page the reader opened, so a site switched off has no
 * highlights in its frames either. A cross-origin frame sees only the top
 * page's origin (location.ancestorOrigins, where the browser has it); where
 * nothing is known, the frame's own address stands in.
 */
export function topPageUrl(frame: Pick<Window, 'location' | 'origin' | 'top'>, topFrame: boolean): string {
  const { location } = frame;
  if (topFrame) {
    // A blank page or a blob a site opened and filled (window.open, then writing into it) is that
    // site's page: it has the site's origin, and the site's switch decides it.
    const opened = location.protocol !== 'http:' && location.protocol !== 'https:';
    return opened && /^https?:\/\//.test(frame.origin) ? frame.origin : location.href;
  }
  const ancestors = location.ancestorOrigins;
  const top = ancestors?.[ancestors.length - 1];
  if (top !== undefined && top !== 'null') return top;
  try {
    return frame.top?.location.href ?? location.href;
  } catch {
    return location.href;
  }
}
