import type { SliderSetting } from '../../core/settings';

/**
 * The slider a user drags: a range input named by its question, with its
 * value beside it. Reading view, Live Preview and the browser test harness
 * mount the very same element. An unset value shows as "unset",
 * never as a silent default.
 */
export class SliderElement {
  readonly root: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly output: HTMLOutputElement;

  constructor(
    private slider: SliderSetting,
    value: number | null,
    private onChange: (value: number) => void,
  ) {
    // Obsidian's DOM helpers; the browser test harness provides the same two.
    this.root = createSpan({ cls: 'daybook-slider', attr: { 'data-property': slider.property } });
    this.input = this.root.createEl('input', { cls: 'daybook-slider-input', type: 'range' });
    this.output = this.root.createEl('output', { cls: 'daybook-slider-value', attr: { 'aria-live': 'polite' } });
    this.configure(slider);
    this.setValue(value);
    // Moving the slider is the answer: each step is reported; the caller coalesces the writes.
    this.input.addEventListener('input', this.handleInput);
  }

  private readonly handleInput = (): void => {
    const value = Number(this.input.value);
    this.showValue(value);
    this.onChange(value);
  };

  configure(slider: SliderSetting, onChange: (value: number) => void = this.onChange): void {
    this.slider = slider;
    this.onChange = onChange;
    this.input.min = String(slider.min);
    this.input.max = String(slider.max);
    this.input.step = String(slider.step);
    this.input.setAttribute('aria-label', slider.question);
    this.input.title = slider.question;
  }

  get property(): string {
    return this.slider.property;
  }

  /** Shows a value that came from the note (an external edit, or our own write coming back). */
  setValue(value: number | null): void {
    if (value === null) {
      this.root.classList.add('is-unset');
      this.input.value = String((this.slider.min + this.slider.max) / 2);
      this.output.textContent = 'Not set';
      this.input.setAttribute('aria-valuetext', 'Not set');
      return;
    }
    if (Number(this.input.value) !== value || this.root.classList.contains('is-unset')) this.input.value = String(value);
    this.showValue(value);
  }

  private showValue(value: number): void {
    this.root.classList.remove('is-unset');
    this.output.textContent = String(value);
    this.input.removeAttribute('aria-valuetext');
  }

  destroy(): void {
    this.input.removeEventListener('input', this.handleInput);
    this.root.remove();
  }
}
