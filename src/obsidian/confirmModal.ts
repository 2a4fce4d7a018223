import { type App, Modal, Setting } from 'obsidian';

/** A yes/no question; resolves false when closed without an answer. */
export function confirm(app: App, message: string, yes: string): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const modal = new Modal(app);
    modal.contentEl.createEl('p', { text: message });
    new Setting(modal.contentEl)
      .addButton((b) =>
        b
          .setButtonText(yes)
          .setWarning()
          .onClick(() => {
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
