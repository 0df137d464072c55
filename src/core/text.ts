// The words of results — findings, locations, severities, report lines — without the readers or the
// rules: the part of the front door the CLI's --help and error paths load, so they stay light.
export { ZwgkError, type Finding, type Params } from '../findings/finding.js';
export { CODES, FIX_WORDS, type Code } from '../findings/codes.js';
export { describeAt, formatLocation, type SourceRef } from '../findings/location.js';
export { SEVERITY_RANK, severityLabel, type Severity } from '../findings/severity.js';
export {
  Report,
  countBySeverity,
  formatFindingLine,
  summaryLine,
  terminalJson,
  terminalText,
  toJsonDiagnostic,
  PLAIN,
  type FileResult,
  type JsonDiagnostic,
  type Paint,
} from '../reports/report.js';
