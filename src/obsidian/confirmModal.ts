import { type App, type ButtonComponent, Modal, Setting } from 'obsidian';

/** Obsidian 1.13's `setDestructive` where the app has it; `setWarning`, which it replaces, on older apps. */
export function markDestructive(button: ButtonComponent): ButtonComponent {
  const newer = button as ButtonComponent & { setDestructive?: () => ButtonComponent };
  return typeof newer.setDestructive === 'function' ? newer.setDestructive() : button.setWarning();
}

/** A yes/no question; resolves false when closed without an answer. */
export function confirm(app: App, message: string, yes: string): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const modal = new Modal(app);
    modal.contentEl.createEl('p', { text: message });
    new Setting(modal.contentEl)
      .addButton((b) =>
        markDestructive(b.setButtonText(yes)).onClick(() => {
          answered = true;
          resolve(true);
          modal.close();
        }),
      )
      .addButton((b) => b.setButtonText('Cancel').onClick(() => modal.close()));
    modal.onClose = () => {
      if (!answered) resolve(false);
    };
    modal.open();
  });
}
