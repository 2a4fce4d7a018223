import { ButtonComponent } from '../__mocks__/obsidian';
import { markDestructive } from '../../src/obsidian/confirmModal';

describe('the replace button of the confirmation', () => {
  it('is destructive through 1.13’s setDestructive where the app has it', () => {
    const button = new ButtonComponent();
    markDestructive(button as any);
    expect(button.destructive).toBe(true);
    expect(button.warning).toBe(false);
  });

  it('falls back to setWarning on an app older than 1.13', () => {
    const button = new ButtonComponent() as any;
    button.setDestructive = undefined;
    markDestructive(button);
    expect(button.warning).toBe(true);
  });
});
