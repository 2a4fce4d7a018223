import type { SliderSetting } from '../../core/settings';
import type { SliderValue } from '../../core/sliders/frontmatterText';

/** What would move a range input; a refused slider cancels them. */
const REFUSED_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'keydown'] as const;

/** The keys that move a range input. */
const MOVING_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** Events that must not reach the surroundings: Live Preview's callout widget flips to source on them. */
const CONTAINED_EVENTS = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'dblclick', 'touchstart', 'touchend'] as const;

/**
 * The slider a user drags: Obsidian's own range input (class `slider`, so
 * themes style it) named by its question, with its value beside it. Reading
 * view, Live Preview and the browser test harness mount the very same element.
 *
 * - A move is committed once per gesture (the input's `change`: pointer
 *   release or key press), so a drag is one write and one undo step.
 * - Unset shows "Not set" and no thumb; the first click anywhere, the resting
 *   thumb included, sets the value under it.
 * - An odd value (not a number, out of range, off the step) is shown as
 *   written, marked, and the slider refuses to move until the user clears
 *   it: a press or key says why (`onRefused`, which the caller turns into a
 *   notice naming the note). It stays focusable, so a screen reader reads
 *   the reason too.
 */
export class SliderElement {
  readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly problemEl: HTMLElement;
  private value: SliderValue = { kind: 'unset' };
  /** A press began on an unset slider and nothing moved yet: its click sets the value under the thumb. */
  private pressOnUnset = false;
  private moved = false;

  constructor(
    private slider: SliderSetting,
    value: SliderValue,
    private onCommit: (value: number) => void,
    private readonly readOnly: string | null = null,
    private readonly onRefused: (problem: string) => void = () => undefined,
  ) {
    // Obsidian's DOM helpers; the browser test harness provides the same two.
    this.root = createSpan({ cls: 'daybook-slider', attr: { 'data-property': slider.property } });
    this.input = this.root.createEl('input', { cls: 'slider daybook-slider-input', type: 'range' });
    this.output = this.root.createEl('output', { cls: 'daybook-slider-value', attr: { 'aria-live': 'polite' } });
    this.problemEl = this.root.createSpan({ cls: 'daybook-slider-problem' });
    this.configure(slider);
    this.setValue(value);
    this.input.addEventListener('input', this.handleInput);
    this.input.addEventListener('change', this.handleChange);
    this.input.addEventListener('pointerdown', this.handlePress);
    this.input.addEventListener('click', this.handleClick);
    for (const name of REFUSED_EVENTS) this.input.addEventListener(name, this.refuse);
    for (const name of CONTAINED_EVENTS) this.root.addEventListener(name, stop);
  }

  /** The reason the slider may not move now, or null. */
  private problem(): string | null {
    return this.readOnly ?? problemText(this.value);
  }

  // A refused slider takes no press or key that would move it; the first one of each gesture says why.
  private readonly refuse = (event: Event): void => {
    const problem = this.problem();
    if (!problem) return;
    // By its type, not `instanceof KeyboardEvent`: in a pop-out window the event is the other window's class.
    const key = event.type === 'keydown' ? (event as KeyboardEvent) : null;
    if (key && !MOVING_KEYS.has(key.key)) return;
    event.preventDefault();
    // One notice per gesture: a press also fires mousedown/touchstart after pointerdown, a held key repeats.
    if (event.type === 'pointerdown' || (key && !key.repeat)) this.onRefused(problem);
  };

  private readonly handlePress = (): void => {
    this.pressOnUnset = this.value.kind === 'unset';
    this.moved = false;
  };

  private readonly handleInput = (): void => {
    if (this.problem()) {
      this.setValue(this.value);
      return;
    }
    this.moved = true;
    this.showNumber(Number(this.input.value));
  };

  private readonly handleChange = (): void => {
    this.moved = true;
    this.commit(Number(this.input.value));
  };

  // A click on the resting thumb of an unset slider changes nothing, so no `change` fires: it sets the value here.
  private readonly handleClick = (): void => {
    if (this.pressOnUnset && !this.moved && this.value.kind === 'unset') this.commit(Number(this.input.value));
    this.pressOnUnset = false;
  };

  private commit(value: number): void {
    if (this.problem()) return;
    this.value = { kind: 'number', value };
    this.showNumber(value);
    this.onCommit(value);
  }

  configure(slider: SliderSetting, onCommit: (value: number) => void = this.onCommit): void {
    this.slider = slider;
    this.onCommit = onCommit;
    this.input.min = String(slider.min);
    this.input.max = String(slider.max);
    this.input.step = String(slider.step);
    this.input.setAttribute('aria-label', slider.question);
    this.input.title = slider.question;
  }

  get property(): string {
    return this.slider.property;
  }

  /** Shows what the note holds (an external edit, or our own write coming back). */
  setValue(value: SliderValue): void {
    this.value = value;
    this.root.classList.toggle('is-unset', value.kind === 'unset');
    this.root.classList.toggle('is-odd', value.kind === 'odd' || value.kind === 'invalid');
    const problem = this.problem();
    this.root.classList.toggle('is-refused', problem !== null);
    this.input.setAttribute('aria-disabled', String(problem !== null));
    this.problemEl.textContent = problem ?? '';
    this.problemEl.hidden = problem === null;
    if (problem) this.root.setAttribute('title', problem);
    else this.root.removeAttribute('title');
    if (value.kind === 'number') {
      if (Number(this.input.value) !== value.value) this.input.value = String(value.value);
      this.showNumber(value.value);
      return;
    }
    // No thumb at a position that reads as a value: the thumb is hidden (styles.css) and the input rests mid-track.
    this.input.value = String((this.slider.min + this.slider.max) / 2);
    const shown = value.kind === 'unset' ? 'Not set' : value.kind === 'odd' ? value.raw : 'Invalid frontmatter';
    this.output.textContent = shown;
    this.input.setAttribute('aria-valuetext', problem ? `${shown}: ${problem}` : shown);
  }

  private showNumber(value: number): void {
    this.root.classList.remove('is-unset');
    this.output.textContent = String(value);
    this.input.removeAttribute('aria-valuetext');
  }

  destroy(): void {
    this.input.removeEventListener('input', this.handleInput);
    this.input.removeEventListener('change', this.handleChange);
    this.input.removeEventListener('pointerdown', this.handlePress);
    this.input.removeEventListener('click', this.handleClick);
    for (const name of REFUSED_EVENTS) this.input.removeEventListener(name, this.refuse);
    for (const name of CONTAINED_EVENTS) this.root.removeEventListener(name, stop);
    this.root.remove();
  }
}

function stop(event: Event): void {
  event.stopPropagation();
}

/** Why the slider may not move, in the words the user sees; null when it can be moved. */
export function problemText(value: SliderValue): string | null {
  if (value.kind === 'odd') return `${value.reason}: ${value.raw} — clear it to use the slider`;
  if (value.kind === 'invalid') return `${value.reason.charAt(0).toUpperCase()}${value.reason.slice(1)} — fix it to use the slider`;
  return null;
}
