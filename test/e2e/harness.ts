// End-to-end harness: one chromium (Debian's, through playwright-core) and one browser context for the
// whole run, pointed at the code-server that scripts/vscode/run-e2e.mjs started with the packaged VSIX
// installed. Specs share the page, in file order (01-, 02-, ...), like a person working through the UI.
// The context is kept for the run because code-server keeps SecretStorage in the browser profile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import chromiumSettings from '../../scripts/vscode/chromium.json';
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';

export const root = path.resolve(__dirname, '..', '..');
export const screenshotsDir = process.env.MTE_SCREENSHOTS_DIR ?? path.join(root, 'test-results');

/**
 * The little of the DOM that browser-side callbacks use, typed here because the project compiles
 * without the DOM library (the extension runs in Node). Casts are erased, so callbacks stay valid
 * when Playwright serializes them into the page.
 */
export interface DomEl {
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomEl | null;
  querySelectorAll(sel: string): ArrayLike<DomEl>;
  readonly textContent: string | null;
  readonly innerText: string;
  readonly attributes: ArrayLike<{ readonly name: string }>;
}
export interface DomDoc {
  readonly body: DomEl | null;
  querySelectorAll(sel: string): ArrayLike<DomEl>;
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Dialogs (alert/confirm/prompt) any frame opened: a hostile string that ran script shows up here. */
  dialogs: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
}

let session: Session | undefined;

function workbenchUrl(): string {
  const url = process.env.MTE_E2E_URL;
  if (!url) throw new Error('MTE_E2E_URL is not set: run the e2e suite through `npm run test:e2e`');
  return url;
}

/** The shared session: launches chromium and opens the workbench once. */
export async function openWorkbench(): Promise<Session> {
  if (session) return session;
  const executablePath = process.env.MTE_CHROMIUM ?? chromiumSettings.candidates.find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('chromium not found (apt-get install chromium, or set MTE_CHROMIUM)');
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumSettings.args });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Lets specs read clipboard writes (Copy Task ID) without a permission prompt.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(workbenchUrl());
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  // The workbench is interactive once the activity bar has its items.
  await page.waitForSelector('.part.activitybar .action-item', { timeout: 60_000 });
  session = { browser, context, page, dialogs, pageErrors };
  return session;
}

export async function closeSession(): Promise<void> {
  const s = session;
  session = undefined;
  await s?.browser.close().catch(() => undefined);
}

/** Saves `test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Polls `fn` until it returns a truthy value, or throws `message` after `timeoutMs`. */
export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, message: string, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`${message} (waited ${timeoutMs} ms)${lastErr ? `: ${String(lastErr)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// ---- Activity bar and views -------------------------------------------------------------------

/** The activity-bar tab (`li.action-item`, which carries aria-selected) whose action label is `title`. */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar li.action-item:has(> .action-label[aria-label^="${title}"])`).first();
}

/** Clicks the activity-bar item (e.g. "Media Tasks") unless its container is already showing. */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = activityBarItem(page, title);
  await item.waitFor({ state: 'visible', timeout: 30_000 });
  // Clicking the selected item would close the side bar: click only when it is not showing.
  const selected = (await item.getAttribute('aria-selected')) === 'true';
  if (!selected || !(await page.locator('.part.sidebar').isVisible())) await item.click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 10_000 });
  await waitFor(
    async () =>
      (
        (await page
          .locator('.part.sidebar .composite.title h2, .part.sidebar .title-label h2')
          .first()
          .innerText()
          .catch(() => '')) ?? ''
      )
        .toUpperCase()
        .includes(title.toUpperCase()),
    `the side bar does not show "${title}"`,
    10_000,
  );
}

export const sidebar = (page: Page): Locator => page.locator('.part.sidebar');

/** The welcome-view buttons of the side bar, by their text. */
export function welcomeButton(page: Page, text: string): Locator {
  return sidebar(page).locator('.welcome-view-content a.monaco-button, .welcome-view-content .monaco-button').filter({ hasText: text }).first();
}

/** Tree rows in the side bar. */
export function treeRows(page: Page): Locator {
  return sidebar(page).locator('.monaco-list-row');
}

export interface RowInfo {
  index: number;
  label: string;
  ariaLabel: string;
  level: number;
  expanded: boolean | undefined;
  /** titles of the row's inline actions (only filled by walkSubtree) */
  actions?: string[];
}

/** The visible rows: label text, aria-label, depth and expansion. */
export async function rowInfos(page: Page): Promise<RowInfo[]> {
  return treeRows(page).evaluateAll((els) =>
    els.map((el, index) => {
      const e = el as unknown as DomEl;
      const exp = e.getAttribute('aria-expanded');
      return {
        index,
        label: (e.querySelector('.label-name')?.textContent ?? e.innerText ?? '').trim(),
        ariaLabel: e.getAttribute('aria-label') ?? '',
        level: Number(e.getAttribute('aria-level') ?? '0'),
        expanded: exp === null ? undefined : exp === 'true',
      };
    }),
  );
}

/** The row whose label or aria-label matches. */
export function rowMatching(page: Page, text: string | RegExp): Locator {
  return treeRows(page).filter({ hasText: text }).first();
}

/** Expands collapsed rows breadth-first until `done` says stop or nothing is left (bounded). */
export async function expandTree(
  page: Page,
  opts: { maxExpansions?: number; skip?: (r: RowInfo) => boolean; done?: (rows: RowInfo[]) => boolean } = {},
): Promise<RowInfo[]> {
  const max = opts.maxExpansions ?? 40;
  const tried = new Set<string>();
  for (let n = 0; n < max; n++) {
    const rows = await rowInfos(page);
    if (opts.done?.(rows)) return rows;
    const next = rows.find((r) => r.expanded === false && !tried.has(`${r.level}:${r.ariaLabel}`) && !opts.skip?.(r));
    if (!next) return rows;
    tried.add(`${next.level}:${next.ariaLabel}`);
    const row = treeRows(page).nth(next.index);
    await row
      .locator('.monaco-tl-twistie')
      .click()
      .catch(async () => row.click());
    // wait for children to load (a progress bar or a new row)
    await waitFor(
      async () => (await rowInfos(page)).length !== rows.length || (await row.getAttribute('aria-expanded')) === 'true',
      'row did not expand',
      15_000,
    ).catch(() => undefined);
    await page.waitForTimeout(300);
  }
  return rowInfos(page);
}

/**
 * Walks a subtree with the keyboard, the way the list stays rendered however long it is (the tree is
 * virtualized: only rows in the viewport exist in the DOM). Starts on `start`, expands collapsed rows
 * (unless `expand` says no), moves down until it leaves the subtree, `stop` returns true (the row stays
 * focused), or `maxSteps` is reached. Returns the rows visited.
 */
export async function walkSubtree(
  page: Page,
  start: Locator,
  opts: { maxSteps?: number; expand?: (r: RowInfo) => boolean; stop?: (r: RowInfo) => boolean } = {},
): Promise<{ visited: RowInfo[]; stopped?: RowInfo; ended: string }> {
  await start.click();
  const focused = () => focusedRow(page);
  /**
   * Presses a key in the tree. The list keeps its focused row while something else (a notification,
   * a panel that restores) holds the keyboard, and a key press then goes there and the walk would read
   * "end of the list": give the keyboard back to the list first (focusing it keeps its focused row).
   * Returns what held the keyboard, when it was not the tree.
   */
  const press = async (key: string): Promise<string | undefined> => {
    const elsewhere = await sidebar(page)
      .locator('.monaco-list:has(.monaco-list-row.focused)')
      .first()
      .evaluate((list) => {
        const doc = (globalThis as unknown as { document: { activeElement: (DomEl & { className: string; tagName: string }) | null } }).document;
        const active = doc.activeElement;
        const l = list as unknown as DomEl & { contains(e: unknown): boolean; focus(): void };
        if (active && l.contains(active)) return undefined;
        l.focus();
        return active ? `${active.tagName}.${String(active.className).slice(0, 80)}` : 'nothing';
      })
      .catch(() => undefined);
    await page.keyboard.press(key);
    return elsewhere;
  };
  let keyboardWasAt: string | undefined;
  /**
   * The tree can drop its focused row when a refresh replaces it (tasks end, pages load): then click
   * the row last seen with the same label (or the start row) to take the focus back.
   */
  const ensureFocus = async (lastLabel: string | undefined): Promise<void> => {
    if (
      await focused()
        .waitFor({ state: 'attached', timeout: 3_000 })
        .then(
          () => true,
          () => false,
        )
    )
      return;
    const rows = await rowInfos(page);
    const same = lastLabel === undefined ? undefined : rows.find((r) => r.label === lastLabel);
    await clickKeepingExpansion(page, same ? treeRows(page).nth(same.index) : start);
    await focused().waitFor({ state: 'attached', timeout: 5_000 });
  };
  /** The focused row's state, read in one go (retried: a refresh can replace the row mid-read). */
  const read = async (): Promise<RowInfo & { id: string }> => {
    let lastErr: unknown;
    for (let attempt = 0; attempt < 6; attempt++) {
      try {
        await ensureFocus(visitedLabel);
        const row = focused();
        const t = { timeout: 2_000 };
        const [id, label, ariaLabel, level, exp, actions] = await Promise.all([
          row.getAttribute('id', t),
          row
            .locator('.label-name')
            .first()
            .textContent(t)
            .catch(() => ''),
          row.getAttribute('aria-label', t),
          row.getAttribute('aria-level', t),
          row.getAttribute('aria-expanded', t),
          row.locator('.actions .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')),
        ]);
        return {
          id: id ?? '',
          index: -1,
          label: (label ?? '').trim(),
          ariaLabel: ariaLabel ?? '',
          level: Number(level ?? '0'),
          expanded: exp === null ? undefined : exp === 'true',
          actions,
        };
      } catch (err) {
        lastErr = err;
        await page.waitForTimeout(300);
      }
    }
    throw new Error(`lost the tree's focused row: ${String(lastErr)}`);
  };
  /**
   * Steps up until the focus is back on `row`. One ArrowUp is not always enough: when the children
   * render after the key press skipped them, the focus sits on the row after them, and one step up
   * lands on the last child (CI once walked child → next row three times and took the level for empty).
   */
  const backTo = async (row: RowInfo & { id: string }): Promise<void> => {
    for (let step = 0; step < 50; step++) {
      const now = await read();
      // The id too: the next row can be another account with the same label (two "Hostile strings").
      if (now.id === row.id && now.label === row.label) return;
      await press('ArrowUp');
      await page.waitForTimeout(60);
    }
  };
  let visitedLabel: string | undefined;
  const first = await read();
  const visited: RowInfo[] = [first];
  let current = first;
  visitedLabel = first.label;
  for (let step = 0; step < (opts.maxSteps ?? 200); step++) {
    if (opts.stop?.(current)) return { visited, stopped: current, ended: 'stopped' };
    if (current.expanded === false && (opts.expand?.(current) ?? true)) {
      // A key press can land while a refresh replaces the row, and a level can take long to load
      // behind a rate limit: press again (up to three times) before walking past it unexpanded.
      for (let attempt = 0; attempt < 3; attempt++) {
        const now = await read();
        if (now.label !== current.label || now.expanded !== false) break;
        keyboardWasAt = (await press('ArrowRight')) ?? keyboardWasAt;
        const opened = await waitFor(async () => (await read()).expanded === true, `"${current.label}" did not expand`, 15_000).then(
          () => true,
          () => false,
        );
        if (opened) break;
      }
      await page.waitForTimeout(200);
    }
    const here = await read();
    keyboardWasAt = (await press('ArrowDown')) ?? keyboardWasAt;
    await page.waitForTimeout(60);
    let next = await read();
    // An expanded row whose children are still loading has none rendered yet, so the key press skips
    // past them: step back, wait until its first child is rendered below it, and step down again. No
    // level of this tree is empty (an empty one shows a placeholder or an error row), so the wait is
    // long: a listing behind a rate limit can take seconds, and VS Code does not always show its
    // loading twistie meanwhile (the e2e 5 walk once read a still-loading ZEGO level as empty).
    for (let attempt = 0; attempt < 3 && here.expanded === true && next.level <= here.level && next.id !== here.id; attempt++) {
      await backTo(here);
      const loaded = await waitFor(() => childRendered(page, here.id, here.level), 'no child', 20_000, 150).then(
        () => true,
        () => false,
      );
      await press('ArrowDown');
      await page.waitForTimeout(60);
      next = await read();
      if (!loaded) break;
    }
    // An expanded row with nothing rendered below it should not happen: say what the list held (ids and levels).
    const dom =
      here.expanded === true && next.level <= here.level
        ? `; focused ${here.id}, rows rendered: ${await sidebar(page)
            .locator('.monaco-list-row')
            .evaluateAll((els) =>
              els
                .map((el) => {
                  const e = el as unknown as { id: string; className: string; getAttribute(name: string): string | null };
                  return `${e.id}@${e.getAttribute('aria-level') ?? '?'}${/\bfocused\b/.test(e.className) ? '*' : ''}`;
                })
                .join(' '),
            )
            .catch((err: unknown) => `unreadable (${String(err)})`)}`
        : '';
    const why = `after "${here.label}" (level ${here.level}, expanded ${String(here.expanded)}) came "${next.label}" (level ${next.level})${
      keyboardWasAt ? `; the keyboard had been at ${keyboardWasAt}` : ''
    }${dom}`;
    if (next.id === here.id) return { visited, ended: `the end of the list: ${why}` };
    current = next;
    if (current.level <= first.level) return { visited, ended: `left the subtree: ${why}` };
    visited.push(current);
    visitedLabel = current.label;
  }
  return { visited, ended: 'maxSteps' };
}

/** What a walk saw and why it ended, for a failure message: the rows indented by level, with their inline actions. */
export function describeWalk(walk: { visited: readonly RowInfo[]; ended: string }): string {
  const rows = walk.visited.map((r) => `${'  '.repeat(r.level)}${r.label.slice(0, 80)} [${(r.actions ?? []).join(', ')}]`);
  return `the walk ended: ${walk.ended}; rows:\n  ${rows.join('\n  ')}`;
}

/**
 * Clicks a tree row to give it the focus. A single click also toggles a row's expansion (the default
 * `workbench.tree.expandMode`), which collapsed an account mid-walk when the walk had to click its row
 * again after a refresh: toggle it back with the keyboard.
 */
async function clickKeepingExpansion(page: Page, row: Locator): Promise<void> {
  const before = await row.getAttribute('aria-expanded', { timeout: 2_000 }).catch(() => null);
  await row.click();
  if (before === null) return;
  await page.waitForTimeout(100);
  const after = await focusedRow(page)
    .getAttribute('aria-expanded', { timeout: 2_000 })
    .catch(() => null);
  if (after !== null && after !== before) await page.keyboard.press(before === 'true' ? 'ArrowRight' : 'ArrowLeft');
}

/** The DOM id of the list row below the row `id` (monaco lists number their rows: `<list id>_<index>`). */
const rowIdBelow = (id: string): string | undefined => {
  const m = /^(.*_)(\d+)$/.exec(id);
  return m ? `${m[1]}${Number(m[2]) + 1}` : undefined;
};

/** Is a row deeper than `level` rendered right below the row `id` (its first child)? */
async function childRendered(page: Page, id: string, level: number): Promise<boolean> {
  const below = rowIdBelow(id);
  if (!below) return false;
  const child = sidebar(page).locator(`.monaco-list-row[id="${below}"]`);
  const childLevel = await child.getAttribute('aria-level', { timeout: 500 }).catch(() => null);
  return childLevel !== null && Number(childLevel) > level;
}

/**
 * Opens one account's branch for one product: expands the account row `start`, its product row whose
 * label matches `product`, and everything below that product (other products stay collapsed).
 */
export async function openProductBranch(page: Page, start: Locator, product: RegExp, maxSteps = 120): Promise<RowInfo[]> {
  return (await walkProductBranch(page, start, product, maxSteps)).visited;
}

/**
 * Like `openProductBranch`, but stops at the first row under the product that `found` accepts, which then
 * has the keyboard focus (so it is rendered, however long the list).
 */
export async function findInProductBranch(
  page: Page,
  start: Locator,
  product: RegExp,
  found: (r: RowInfo) => boolean,
  maxSteps = 400,
): Promise<RowInfo | undefined> {
  return (await walkProductBranch(page, start, product, maxSteps, found)).stopped;
}

async function walkProductBranch(
  page: Page,
  start: Locator,
  product: RegExp,
  maxSteps: number,
  found?: (r: RowInfo) => boolean,
): Promise<{ visited: RowInfo[]; stopped?: RowInfo; ended: string }> {
  let accountLevel: number | undefined;
  let inProduct = false;
  return walkSubtree(page, start, {
    maxSteps,
    expand: (r) => r.level === accountLevel || (r.level === accountLevel! + 1 ? product.test(r.label) : inProduct),
    stop: (r) => {
      accountLevel ??= r.level;
      if (r.level === accountLevel + 1) inProduct = product.test(r.label);
      return inProduct && r.level > accountLevel + 1 && (found?.(r) ?? false);
    },
  });
}

/** The tree row that has keyboard focus (always rendered). */
export const focusedRow = (page: Page): Locator => sidebar(page).locator('.monaco-list-row.focused').first();

/** Is this row a task (it offers the inline "Open Task Details" action)? */
export const isTaskRow = (r: RowInfo): boolean => (r.actions ?? []).some((a) => a.startsWith('Open Task Details'));

/** Collapses every node of the Media Tasks tree (the view's "Collapse All" title button). */
export async function collapseAll(page: Page): Promise<void> {
  const button = sidebar(page).locator('.action-label[aria-label^="Collapse All"]').first();
  await sidebar(page).hover();
  if (await button.isVisible().catch(() => false)) await button.click();
  await page.waitForTimeout(300);
}

/** Rows that offer the inline "Open Task Details" action: the task rows. */
export function taskRows(page: Page): Locator {
  return treeRows(page).filter({ has: page.locator('.action-label[aria-label^="Open Task Details"]') });
}

/** Hovers a row and clicks one of its inline actions by title. */
export async function clickInlineAction(_page: Page, row: Locator, title: string): Promise<void> {
  await row.hover();
  await row.locator(`.action-label[aria-label^="${title}"]`).first().click();
}

/**
 * Clicks a task row's "Open Task Details". When the tree redraws that row under the click (its task just
 * changed), VS Code runs the command without its row, and the command asks which task: that pick is
 * closed and the click repeated on the redrawn row.
 */
export async function openTaskDetailsFromRow(page: Page, row: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await clickInlineAction(page, row, 'Open Task Details');
    const asked = quickInput(page).locator('input[placeholder^="Select a task to show its details"]');
    const picked = await asked.waitFor({ state: 'visible', timeout: 1_500 }).then(
      () => true,
      () => false,
    );
    if (!picked) return;
    await page.keyboard.press('Escape');
    if (attempt === 3) throw new Error('"Open Task Details" asked for a task three times: the row never kept still');
    await page.waitForTimeout(500);
  }
}

// ---- Command palette and quick input ---------------------------------------------------------

export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

/** The quick input's text box. Not every `input`: VS Code 1.96 also renders a checkbox per row (and a "toggle all"). */
export const quickInputBox = (page: Page): Locator => quickInput(page).locator('input:not([type="checkbox"])').first();

/** Runs a command from the palette by its full title ("Media Tasks: Go to Task…"). */
export async function runPaletteCommand(page: Page, title: string): Promise<void> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 700, y: 450 } })
    .catch(() => undefined);
  await page.keyboard.press('F1');
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = quickInput(page)
    .locator('.monaco-list-row')
    .filter({ hasText: title.replace(/^.*?: /, '') })
    .first();
  await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error(`the command palette has no command "${title}"`);
  });
  await page.keyboard.press('Enter');
  // VS Code 1.139 keeps the palette's list on screen for about 100 ms after Enter, until the command's
  // own quick input (if any) replaces it; 1.96 and 1.100 closed it at once. Wait until the palette is
  // gone, so a caller reads what the command showed, not the palette's rows.
  await waitFor(
    async () => {
      if (!(await quickInput(page).isVisible())) return true;
      const value = await quickInput(page).locator('.quick-input-box input').first().inputValue({ timeout: 1_000 });
      return !value.startsWith('>');
    },
    `the command palette stayed open after running "${title}"`,
    10_000,
    50,
  );
}

/**
 * Types into the quick input box that a command opened and accepts it. With `title`, waits for the box
 * with that title first: right after a pick is accepted, the pick's own input is still visible for a
 * moment, and text typed then goes to a box that is closing.
 */
export async function answerInputBox(page: Page, text: string, title?: string): Promise<void> {
  if (title !== undefined) await quickInput(page).locator('.quick-input-title').filter({ hasText: title }).waitFor({ state: 'visible', timeout: 10_000 });
  const input = quickInputBox(page);
  await input.waitFor({ state: 'visible', timeout: 10_000 }).catch(async (err: unknown) => {
    const widget = await quickInput(page).isVisible();
    const focus = await page.evaluate(() => {
      const el = (globalThis as unknown as { document: { activeElement: { tagName: string; className: string } | null } }).document.activeElement;
      return el ? `${el.tagName}.${el.className}` : 'nothing';
    });
    throw new Error(`the input box${title ? ` "${title}"` : ''} is not visible (quick input shown: ${String(widget)}; focus on ${focus}): ${String(err)}`);
  });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

// ---- Webviews ---------------------------------------------------------------------------------

/** Text of a frame's body, or '' when it has none yet. */
export async function frameText(frame: Frame): Promise<string> {
  return frame.evaluate(() => (globalThis as unknown as { document: DomDoc }).document.body?.innerText ?? '').catch(() => '');
}

/**
 * The innermost webview frame (VS Code nests the extension's HTML in an `active-frame` iframe inside
 * the webview's own iframe) whose text matches.
 */
export async function webviewFrame(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<Frame> {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const body = await frameText(frame);
        if (typeof text === 'string' ? body.includes(text) : text.test(body)) return frame;
      }
      return undefined;
    },
    `no webview frame shows ${String(text)}`,
    timeoutMs,
  );
}

/** The value of a details-panel field (`dl.fields`: `dt` label, `dd bdi.value` value). */
export async function detailsField(frame: Frame, label: string): Promise<string | undefined> {
  return frame
    .evaluate((wanted) => {
      const doc = (globalThis as unknown as { document: DomDoc }).document;
      const dts = Array.from(doc.querySelectorAll('dl.fields > dt'));
      for (const dt of dts) {
        if ((dt.textContent ?? '').trim() !== wanted) continue;
        const dd = (dt as unknown as { nextElementSibling: DomEl | null }).nextElementSibling;
        return dd?.querySelector('.value')?.textContent ?? undefined;
      }
      return undefined;
    }, label)
    .catch(() => undefined);
}

/** The section headings (`h2`) of a details panel. */
export async function detailsHeadings(frame: Frame): Promise<string[]> {
  return frame
    .evaluate(() => Array.from((globalThis as unknown as { document: DomDoc }).document.querySelectorAll('h2')).map((h) => (h.textContent ?? '').trim()))
    .catch(() => []);
}

/** The details panel (innermost webview frame) whose Task ID field is `taskId`. */
export async function detailsFrameFor(page: Page, taskId: string, timeoutMs = 30_000): Promise<Frame> {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        if (frame !== page.mainFrame() && (await detailsField(frame, 'Task ID')) === taskId) return frame;
      }
      return undefined;
    },
    `no details panel shows Task ID ${taskId.length > 80 ? `${taskId.slice(0, 80)}…` : taskId}`,
    timeoutMs,
  );
}

// ---- Status bar -------------------------------------------------------------------------------

export async function statusBarTexts(page: Page): Promise<string[]> {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((els) => els.map((e) => ((e as unknown as DomEl).innerText ?? '').trim()).filter(Boolean));
}

/** The number in the "$(record) N recording" item, or undefined when the item is not shown. */
export async function recordingCount(page: Page): Promise<number | undefined> {
  for (const t of await statusBarTexts(page)) {
    const m = /(\d+)\s+recording/i.exec(t);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Notifications currently shown (toasts), as text. */
export async function notifications(page: Page): Promise<string[]> {
  return page
    .locator('.notifications-toasts .notification-toast, .notification-list-item')
    .evaluateAll((els) => els.map((e) => ((e as unknown as DomEl).innerText ?? '').trim()));
}

// ---- More quick input, view and editor reads ---------------------------------------------------

export interface QuickInputRow {
  label: string;
  description: string;
  detail: string;
  ariaLabel: string;
  checked: boolean | undefined;
}

/** The rendered rows of the open quick input (empty when it shows none or is closed). */
export async function quickInputRows(page: Page): Promise<QuickInputRow[]> {
  const widget = quickInput(page);
  if (!(await widget.isVisible().catch(() => false))) return [];
  return widget.locator('.quick-input-list .monaco-list-row').evaluateAll((els) =>
    els.map((el) => {
      const e = el as unknown as DomEl;
      // (no helper functions in here: the bundler would wrap them in a `__name` the page lacks)
      const lines = e.querySelectorAll('.quick-input-list-row');
      const checked = e.getAttribute('aria-checked');
      return {
        label: (lines[0]?.querySelector('.label-name')?.textContent ?? '').trim(),
        description: (lines[0]?.querySelector('.label-description')?.textContent ?? '').trim(),
        detail: lines.length > 1 ? (lines[1]?.textContent ?? '').trim() : '',
        ariaLabel: e.getAttribute('aria-label') ?? '',
        checked: checked === null ? undefined : checked === 'true',
      };
    }),
  );
}

/**
 * The side bar view's description (`TreeView.description`) as VS Code put it in the DOM, or ''. It
 * sits in the view's pane header, which VS Code hides when the container holds only that view (the
 * container's title then reads "MEDIA TASKS: TASKS"): read here, not necessarily on screen.
 */
export async function viewDescription(page: Page): Promise<string> {
  return sidebar(page)
    .locator('.pane-header .description')
    .evaluateAll((els) =>
      els
        .map((e) => ((e as unknown as DomEl).textContent ?? '').trim())
        .filter(Boolean)
        .join(' '),
    )
    .catch(() => '');
}

/** The label of the active editor tab ('' when no editor is open). */
export async function activeEditorTab(page: Page): Promise<string> {
  const tab = page.locator('.part.editor .tabs-container .tab.active').first();
  if (!(await tab.count())) return '';
  return (
    (await tab
      .locator('.label-name')
      .first()
      .textContent()
      .catch(() => '')) ?? ''
  ).trim();
}

/** Closes the active editor tab with its close button. */
export async function closeActiveEditor(page: Page): Promise<void> {
  const tab = page.locator('.part.editor .tabs-container .tab.active').first();
  const before = await activeEditorTab(page);
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await waitFor(async () => (await activeEditorTab(page)) !== before || !(await tab.count()), `the editor "${before}" did not close`, 5_000).catch(
    () => undefined,
  );
}
