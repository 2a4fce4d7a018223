import type { NoteParser } from '../core/journal';
import type { NoteModel } from '../core/note/parseNote';

/**
 * Lets a block's quote and name be its text's string when they are equal
 * (most lines): a notes model from a worker thread or the cache arrives
 * with a copy of each, and a review holding thousands of parsed notes
 * showed the copies in its peak memory.
 */
export function shareStrings(model: NoteModel): NoteModel {
  for (const block of model.blocks) {
    if (block.quote === block.text) block.quote = block.text;
    if (block.name === block.text) block.name = block.text;
  }
  return model;
}

/** A note parser whose models share their strings, however they were made (parsed here, on a worker, or read from the cache). */
export function sharing(parser: NoteParser): NoteParser {
  return (text, file) => {
    const model = parser(text, file);
    return model instanceof Promise ? model.then(shareStrings) : shareStrings(model);
  };
}
