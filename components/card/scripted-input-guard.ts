/**
 * The input a page script could make up and dispatch at our UI, or start
 * with `click()`, to act in the reader's name: presses, keys, and the
 * pointer's coming and going, which opens a paragraph's tip.
 */
const INPUT_EVENTS = [
  'mouseover',
  'mouseout',
  'mouseenter',
  'mouseleave',
  'mousemove',
  'pointerover',
  'pointerout',
  'pointerenter',
  'pointerleave',
  'pointermove',
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
];

/**
 * Our shadow root is open, so a page can reach our buttons. Only the reader's
 * own input counts: an event a script made is stopped on its way down, in the
 * capture phase at the root, before any handler of ours sees it.
 */
export function ignoreScriptedInput(root: ShadowRoot): void {
  const stopUntrusted = (event: Event) => {
    if (!event.isTrusted) event.stopImmediatePropagation();
  };
  for (const type of INPUT_EVENTS) root.addEventListener(type, stopUntrusted, { capture: true });
}
