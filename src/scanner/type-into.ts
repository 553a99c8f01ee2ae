// Giving keys that the wedge held back to the field they were typed into, as if typed just now.

const valueSetter = (field: HTMLInputElement | HTMLTextAreaElement) =>
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;

export function typeInto(field: HTMLElement, text: string): void {
  const doc = field.ownerDocument;
  // The browser's own editing, as for a keystroke: maxlength, the caret, undo, and the same
  // beforeinput/input events, so React and every other listener see ordinary typing.
  // execCommand is deprecated but nothing else can do this, and every engine keeps it.
  if (doc.activeElement === field && typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text)) return;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  try {
    // Not through the `value` property: React watches that one and would miss the change.
    field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  } catch {
    // number and email fields have no caret position to insert at: append.
    valueSetter(field)?.call(field, field.value + text);
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
