// The three severities of a finding, their order and their Chinese words.

export type Severity = 'error' | 'warning' | 'info';

/** Most severe first (errors sort before warnings before info). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The Chinese word for a severity. */
export function severityLabel(s: Severity): string {
  return SEVERITY_LABEL[s];
}
