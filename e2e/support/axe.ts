import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is: each violation with where it is.
 * `{ bestPractice: true }` adds axe's best practices (landmarks, their names, heading order…).
 */
export async function axeViolations(page: Page, options: { bestPractice?: boolean } = {}): Promise<string[]> {
  const tags = options.bestPractice ? [...wcag, 'best-practice'] : wcag;
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
