/** Reading what the page shows: the rows of a grid (scrolled through, it renders only the rows in view) and the errors on screen. */
import type { Locator, Page } from '@playwright/test';

/** Every row of a RowsGrid as an object of cell texts (null cells as null, JSON values parsed). */
export async function gridRows(grid: Locator): Promise<Record<string, unknown>[]> {
  const columns = await grid.locator('thead th').allInnerTexts();
  const rows = new Map<number, (string | null)[]>();
  const scroller = grid.locator('xpath=..');
  for (let pass = 0; pass < 1000; pass++) {
    const seen = await grid.locator('tbody tr[data-row]').evaluateAll((trs) =>
      trs.map((tr) => [Number(tr.getAttribute('data-row')), [...tr.querySelectorAll('td')].map((td) => (td.querySelector('.null') ? null : td.textContent ?? ''))] as const),
    );
    for (const [index, cells] of seen) rows.set(index, cells);
    const done = await scroller.evaluate(async (el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += el.clientHeight;
      // Two frames: the scroll event, then React's render of the rows now in view.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return false;
    });
    if (done) break;
  }
  await scroller.evaluate((el) => { el.scrollTop = 0; });
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => Object.fromEntries(columns.map((c, i) => [c, toValue(cells[i] ?? null)])));
}

function toValue(text: string | null): unknown {
  if (text === null) return null;
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The texts of the errors on screen (role=alert). */
export function shownErrors(page: Page): Promise<string[]> {
  return page.getByRole('alert').allInnerTexts();
}
