import { type App, FuzzySuggestModal } from 'obsidian';
import type { SliderSetting } from '../core/settings';

/** Picks one of the configured sliders by its question. */
export class SliderPicker extends FuzzySuggestModal<SliderSetting> {
  constructor(
    app: App,
    private readonly sliders: SliderSetting[],
    private readonly onPick: (slider: SliderSetting) => void,
  ) {
    super(app);
    this.setPlaceholder('Which mood slider?');
  }

  getItems(): SliderSetting[] {
    return this.sliders;
  }

  getItemText(slider: SliderSetting): string {
    return `${slider.question} (${slider.property})`;
  }

  onChooseItem(slider: SliderSetting): void {
    this.onPick(slider);
  }
}
