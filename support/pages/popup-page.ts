import type { E2EPage, ExtensionBrowser } from '../browser/types';

/** The popup as a user sees it, opened as a page pointed at a tab with `?tab=`. */
export class PopupPage {
  private constructor(
    readonly page: E2EPage,
    readonly tabId: number,
  ) {}

  static async open(ext: ExtensionBrowser, tabId: number): Promise<PopupPage> {
    const page = await ext.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    return new PopupPage(page, tabId);
  }

  title() {
    return this.page.getByTestId('article-title');
  }
  facts() {
    return this.page.getByTestId('article-facts');
  }
  saveButton() {
    return this.page.getByTestId('save');
  }
  savedStatus() {
    return this.page.getByTestId('saved-status');
  }
  notes() {
    return this.page.getByTestId('notes');
  }
  tags() {
    return this.page.getByTestId('tags');
  }
  unreadable() {
    return this.page.getByTestId('unreadable');
  }
  async save(): Promise<void> {
    await this.saveButton().click();
    await this.savedStatus().waitFor();
  }
  async reload(): Promise<void> {
    await this.page.reload();
  }
  close(): Promise<void> {
    return this.page.close();
  }
}
