/**
 * The address of the tab's top page, as seen from this frame: site rules
 * judge the page the reader opened, so a site switched off has no
 * highlights in its frames either. A cross-origin frame sees only the top
 * page's origin (location.ancestorOrigins, where the browser has it); where
 * nothing is known, the frame's own address stands in.
 */
export function topPageUrl(frame: Window, topFrame: boolean): string {
  const { location } = frame;
  if (topFrame) return location.href;
  const ancestors = location.ancestorOrigins;
  const top = ancestors?.[ancestors.length - 1];
  if (top !== undefined && top !== 'null') return top;
  try {
    return frame.top?.location.href ?? location.href;
  } catch {
    return location.href;
  }
}
