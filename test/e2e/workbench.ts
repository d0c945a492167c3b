// The VS Code workbench in Debian's chromium, driven with playwright-core the way a person uses it:
// click in the Explorer, type, press the usual keys, read what is on the screen.

import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS } from './codeServer';

// The functions given to page.evaluate run in the browser. The project is type-checked without the DOM
// library (it must not leak into the server and core), so the few browser globals they use are `any` here.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const NodeFilter: any;
declare const getComputedStyle: any;
type El = any;

export const CHROMIUM = process.env.NIANBAO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`bash scripts/e2e-setup.sh\` first`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Problem {
  severity: 'Error' | 'Warning' | 'Info' | 'Hint' | string;
  message: string;
  code: string;
  line: number;
  column: number;
}

export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export async function poll<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

export class Workbench {
  /** Requests the page tried to send off the machine (aborted). */
  readonly blocked: string[] = [];
  /** What the helpers had to retry, printed with the scenario's result so a slow machine shows up in the log. */
  readonly retries: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** A new browser window on `serverUrl` with `folder` open in the Explorer. */
  static async open(browser: Browser, serverUrl: string, folder: string): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const workbench = new Workbench(context, page);
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (LOOPBACK.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      workbench.blocked.push(url.href);
      return route.abort();
    });
    await page.goto(`${serverUrl}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.explorer-folders-view').first().waitFor({ timeout: 90_000 });
    return workbench;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS, { recursive: true });
    const path = join(RESULTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Opens a file by clicking its name in the Explorer; resolves when its editor tab is active. */
  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 30_000 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** The language mode shown in the status bar (e.g. "Plain Text", "政府信息公开年报"). */
  async languageMode(): Promise<string> {
    return (await this.page.locator('#status\\.editor\\.mode').innerText()).trim();
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Ctrl+G to a 1-based line and column: the editor scrolls it into view and puts the cursor there. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`); // ':' — go to line, whatever the quick input opened as
    await this.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async showProblems(): Promise<void> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.press('Control+Shift+M');
    await panel.waitFor();
  }

  /** The markers the Problems view lists (rows with a position, not the file rows). */
  async problems(): Promise<Problem[]> {
    return this.page.$$eval('.markers-panel .monaco-list-row', (rows) =>
      rows
        .map((row) => ({ aria: row.getAttribute('aria-label') ?? '', text: row.textContent ?? '' }))
        .filter((r) => /\[Ln \d+, Col \d+\]$/.test(r.text))
        .map((r) => {
          const position = /\[Ln (\d+), Col (\d+)\]$/.exec(r.text)!;
          // "<message>nianbao(<code>)[Ln l, Col c]"; the parentheses may come from CSS, not from the text.
          const source = /nianbao\(?([a-z][\w-]*)\)?\s*\[Ln \d+, Col \d+\]$/.exec(r.text);
          const severity = /^(\w+):/.exec(r.aria)?.[1] ?? '';
          const message = r.text.slice(0, source ? source.index : position.index);
          return { severity, message, code: source?.[1] ?? '', line: Number(position[1]), column: Number(position[2]) };
        }),
    );
  }

  async waitForProblems(what: string, ok: (problems: Problem[]) => boolean, timeoutMs = 60_000): Promise<Problem[]> {
    await this.showProblems();
    return poll(what, () => this.problems(), ok, timeoutMs);
  }

  /** Error and warning counts in the status bar. */
  async statusCounts(): Promise<{ errors: number; warnings: number }> {
    const text = await this.page.locator('#status\\.problems').innerText();
    const [errors = 0, warnings = 0] = (text.match(/\d+/g) ?? []).map(Number);
    return { errors, warnings };
  }

  /** Screen rectangle of characters [start, end) of a 1-based line, which must be visible. */
  async textRect(line: number, start: number, end: number): Promise<Rect> {
    const rect = await this.page.evaluate(
      ({ line, start, end }) => {
        const editor = document.querySelector('.editor-instance .monaco-editor')!;
        const number = ([...editor.querySelectorAll('.margin-view-overlays .line-numbers')] as El[]).find(
          (e) => e.textContent?.trim() === String(line),
        );
        if (!number) return undefined;
        const top = (number.parentElement as El).style.top;
        const viewLine = ([...editor.querySelectorAll('.view-lines .view-line')] as El[]).find((e) => e.style.top === top);
        if (!viewLine) return undefined;
        const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let offset = 0;
        let startSet = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (!startSet && start <= offset + length) {
            range.setStart(node, start - offset);
            startSet = true;
          }
          if (startSet && end <= offset + length) {
            range.setEnd(node, end - offset);
            const r = range.getBoundingClientRect();
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }
          offset += length;
        }
        return undefined;
      },
      { line, start, end },
    );
    if (!rect) throw new Error(`line ${line} characters ${start}–${end} are not on the screen`);
    return rect;
  }

  /** The text of a visible 1-based line as rendered. */
  async lineText(line: number): Promise<string> {
    const text = await this.page.evaluate((line) => {
      const editor = document.querySelector('.editor-instance .monaco-editor')!;
      const number = ([...editor.querySelectorAll('.margin-view-overlays .line-numbers')] as El[]).find(
        (e) => e.textContent?.trim() === String(line),
      );
      if (!number) return undefined;
      const top = (number.parentElement as El).style.top;
      const viewLine = ([...editor.querySelectorAll('.view-lines .view-line')] as El[]).find((e) => e.style.top === top);
      return viewLine?.textContent?.replace(/\u00a0/g, ' ');
    }, line);
    if (text === undefined) throw new Error(`line ${line} is not on the screen`);
    return text;
  }

  /** Squiggles (error, warning, info) drawn on a visible 1-based line, as screen rectangles. */
  async squiggles(line: number): Promise<(Rect & { kind: string })[]> {
    return this.page.evaluate((line) => {
      const editor = document.querySelector('.editor-instance .monaco-editor')!;
      const number = ([...editor.querySelectorAll('.margin-view-overlays .line-numbers')] as El[]).find(
        (e) => e.textContent?.trim() === String(line),
      );
      if (!number) return [];
      const top = (number.parentElement as El).style.top;
      const overlay = ([...editor.querySelectorAll('.view-overlays > div')] as El[]).find((e) => e.style.top === top);
      if (!overlay) return [];
      return ([...overlay.querySelectorAll('[class*="squiggly-"]')] as El[]).map((e) => {
        const r = e.getBoundingClientRect();
        const kind = /squiggly-(\w+)/.exec(e.className)?.[1] ?? '';
        return { kind, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      });
    }, line);
  }

  /** The text of the first visible element matching `selector`, whitespace collapsed; '' when there is none. */
  private async visibleTextOf(selector: string): Promise<string> {
    const element = this.page.locator(selector).first();
    if (!(await element.count()) || !(await element.isVisible())) return '';
    return (await element.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Whether the editor shows its light bulb (code actions available at the cursor). */
  async lightBulbShown(): Promise<boolean> {
    // In the text, or in the gutter (codicon-gutter-lightbulb-auto-fix); VS Code keeps hidden ones in the DOM.
    return this.page.evaluate(() =>
      (
        [
          ...document.querySelectorAll(
            '.editor-instance .monaco-editor [class*="lightBulbWidget"], .editor-instance .monaco-editor [class*="lightbulb"]',
          ),
        ] as El[]
      ).some((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
      }),
    );
  }

  /** The cursor position the status bar shows, e.g. "Ln 30, Col 12". */
  async cursorStatus(): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.selection');
    return (await item.isVisible()) ? (await item.innerText()).trim() : '(no cursor position in the status bar)';
  }

  /**
   * `putCursor` (a click on the cell, say), then Ctrl+., until the quick-fix menu lists an action titled `title`; returns that row.
   * A person whose Ctrl+. opened nothing (on a busy machine VS Code can drop a Ctrl+. that coincides
   * with its own light-bulb request) or the wrong menu presses Escape and tries again; so does this,
   * `attempts` times, and the error then says what each attempt saw.
   */
  async quickFixMenu(title: string, putCursor: () => Promise<void>, attempts = 4, perAttemptMs = 10_000): Promise<Locator> {
    const row = this.page.locator('.action-widget .monaco-list-row', { hasText: title });
    const seen: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await putCursor();
      await this.press('Control+.');
      try {
        await row.first().waitFor({ timeout: perAttemptMs });
        if (seen.length) this.retries.push(`Ctrl+. offered “${title}” at attempt ${attempt}; before: ${seen.join(' | ')}`);
        return row.first();
      } catch {
        const menu = await this.visibleTextOf('.action-widget');
        const message = await this.visibleTextOf('.monaco-editor-overlaymessage');
        seen.push(`attempt ${attempt}: cursor ${await this.cursorStatus()}; menu ${menu || '(none)'}; message ${message || '(none)'}`);
        await this.press('Escape');
      }
    }
    throw new Error(`Ctrl+. never offered “${title}” in ${attempts} attempts:\n${seen.join('\n')}`);
  }

  /**
   * The mouse rests on `rect` until a hover whose text matches `expected` shows; returns that text.
   * A hover that does not come (or shows something else, such as a hover asked before the language
   * server was up) is dismissed by moving the mouse away, and asked for again, `attempts` times.
   */
  async hoverOn(rect: Rect, expected: RegExp, attempts = 4, perAttemptMs = 10_000): Promise<string> {
    const hover = '.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .monaco-hover-content';
    const seen: string[] = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.page.mouse.move((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2, { steps: 2 });
      const text = await poll(
        'a hover',
        () => this.visibleTextOf(hover),
        (t) => expected.test(t),
        perAttemptMs,
      ).catch(() => undefined);
      if (text !== undefined) {
        if (seen.length) this.retries.push(`the hover matched ${expected} at attempt ${attempt}; before: ${seen.join(' | ')}`);
        return text;
      }
      seen.push(`attempt ${attempt}: ${(await this.visibleTextOf('.monaco-hover:not(.hidden)')) || '(no hover)'}`);
      await this.page.mouse.move(5, 5);
      await this.press('Escape');
    }
    throw new Error(`no hover matching ${expected} on ${JSON.stringify(rect)} in ${attempts} attempts:\n${seen.join('\n')}`);
  }

  /** The breadcrumbs above the editor (file, then the document symbols around the cursor), joined by ' › '. */
  async breadcrumbs(): Promise<string> {
    const items = await this.page.locator('.breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts();
    return items
      .map((t) => t.trim())
      .filter(Boolean)
      .join(' › ');
  }

  /** Visible text of the editor: the rendered lines from top to bottom. */
  async visibleText(): Promise<string> {
    return this.page.evaluate(() => {
      const lines: El[] = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
      lines.sort((a: El, b: El) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l: El) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
    });
  }
}
