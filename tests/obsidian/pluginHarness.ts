import { App } from '../__mocks__/obsidian';
import DaybookPlugin from '../../src/main';

export type MockApp = App & { vault: any; workspace: any; fileManager: any };

/** Loads the plugin into a fake app holding `files` (`before` changes the app first); `run` calls a command as the palette would. */
export async function loadPlugin(files: Record<string, string>, before?: (app: MockApp) => void) {
  const app = new App(files) as unknown as MockApp;
  before?.(app);
  const plugin = new DaybookPlugin(app as any, { id: 'daybook' } as any);
  await plugin.onload();
  const run = async (id: string, editor?: unknown) => {
    const command = (plugin as any).commands.get(id);
    if (!command) throw new Error(`no command ${id}`);
    if (command.editorCallback) return command.editorCallback(editor);
    if (command.checkCallback) return command.checkCallback(false);
    return command.callback();
  };
  return { app, plugin, run };
}
