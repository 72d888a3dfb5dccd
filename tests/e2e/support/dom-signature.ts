export interface DomSignature {
  elements: number;
  textNodes: number;
  textLength: number;
  /** A hash of every text node's data in document order: any split, merge or edit changes it. */
  textHash: number;
  /** The same text nodes hashed regardless of order: only an edit, split or merge changes it. */
  textBag: number;
}

/**
 * A fingerprint of the document's nodes and text, including open shadow
 * trees. Our UI host (`context-lens-ui`, the one node we may add) is left out.
 * Runs in the page.
 */
export function domSignature(): DomSignature {
  const signature = { elements: 0, textNodes: 0, textLength: 0, textHash: 0, textBag: 0 };
  let hash = 0x811c9dc5;
  let bag = 0;
  const visit = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) =>
      (node as Element).localName === 'context-lens-ui' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    );
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        signature.textNodes++;
        signature.textLength += data.length;
        let own = 0x811c9dc5;
        for (let i = 0; i < data.length; i++) {
          const code = data.charCodeAt(i);
          hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
          own = Math.imul(own ^ code, 0x01000193) >>> 0;
        }
        hash = Math.imul(hash ^ 0x1f, 0x01000193) >>> 0;
        bag = (bag + own) >>> 0;
      } else {
        signature.elements++;
        const shadow = (node as Element).shadowRoot;
        if (shadow) visit(shadow);
      }
    }
  };
  visit(document);
  signature.textHash = hash;
  signature.textBag = bag;
  return signature;
}
