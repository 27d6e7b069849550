import type { E2EPage, ExtensionBrowser } from '../browser/types';

/** The library page as a user drives it: search, list, the saved copy with its notes, highlights. */
export class LibraryPage {
  private constructor(readonly page: E2EPage) {}

  static async open(ext: ExtensionBrowser): Promise<LibraryPage> {
    const page = await ext.newPage();
    await page.goto(ext.extensionUrl('library.html'));
    return new LibraryPage(page);
  }
  /** Whether the search box's placeholder is shown whole at the box's width. */
  placeholderFits(): Promise<boolean> {
    return this.search().evaluate((element) => {
      const input = element as HTMLInputElement;
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    });
  }
  search() {
    return this.page.getByTestId('search');
  }
  items() {
    return this.page.getByTestId('article-item');
  }
  matchCount() {
    return this.page.getByTestId('match-count');
  }
  async searchFor(query: string): Promise<void> {
    await this.search().waitFor();
    await this.page.keyboard.press('/');
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'search');
    await this.page.keyboard.type(query);
  }
  /** Opens a listed article and waits for its saved copy (shown once its reading settings load). */
  async openArticle(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title }).click();
    await this.savedCopy().waitFor();
    await this.body().waitFor({ state: 'attached' });
  }
  savedCopy() {
    return this.page.getByTestId('saved-copy');
  }
  savedNotes() {
    return this.page.getByTestId('saved-notes');
  }
  body() {
    return this.page.getByTestId('reader-body');
  }
  highlightItems() {
    return this.page.getByTestId('highlight-item');
  }
  marks() {
    return this.page.locator('[data-testid="reader-body"] mark[data-highlight-id]');
  }
  /**
   * Selects the first occurrence of `text` in the saved body: as a mouse drag would (ending in a
   * mouseup, which offers the highlight button), or as Shift+arrows with caret browsing would.
   */
  select(text: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<void> {
    return this.page.evaluate(
      ([wanted, withMouse]) => {
        const root = document.querySelector('[data-testid="reader-body"]')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(wanted);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          if (withMouse) document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
        throw new Error(`Not in the saved copy: ${wanted}`);
      },
      [text, by === 'mouse'] as const,
    );
  }
}
