// What a column without a header label seems to hold, guessed from its values: said in the warning
// about the column, and in the missing-column finding when the column may be the one missing.
import { CHANNELS } from '../settings/vocab.js';
import type { FieldKey, Profile } from '../settings/columns.js';

/** 《文件名》, a 文号 with a year in brackets, or 国务院令第711号: the look of 依据. */
const CITATION = /《[^》]{2,}》|[〔［[(（【﹝]\s*(?:19|20)\d{2}\s*[〕］\])）】﹞]\s*\d+\s*号|令\s*第\s*\d+\s*号/u;
const CHANNEL_MARKS = /[■□▄☑]/u;
const PLATFORM_WORDS = /网站|门户|公众号|公示栏|新媒体|政务服务中心|便民服务|公开栏|报纸|电视/u;
const DEADLINE_WORDS = /工作日|之日起|日内|个月内|及时|实时|每(?:年|半年|季度|月|周)|长期|永久/u;
const SUBJECT_END = /(?:局|委员会|委|办公室|人民政府|政府|中心|办事处|街道|支队|大队|所)$/u;

/** The field one value looks like, if any (only fields a value can be told by). */
export function guessField(text: string, profile: Profile): FieldKey | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (CITATION.test(t)) return 'basis';
  if (profile === '2019' && (CHANNEL_MARKS.test(t) || CHANNELS.some((c) => t.includes(c)))) return 'channels';
  if (PLATFORM_WORDS.test(t)) return profile === '2019' ? 'channels' : 'platform';
  if (DEADLINE_WORDS.test(t)) return 'deadline';
  if (/^\d{1,5}$/u.test(t)) return 'serial';
  if (t.length <= 30 && SUBJECT_END.test(t)) return 'subject';
  return undefined;
}

/** Counts the guesses of one column's values; the column looks like a field when most values do. */
export class ColumnGuess {
  private readonly counts = new Map<FieldKey, number>();
  private values = 0;

  constructor(private readonly profile: Profile) {}

  add(text: string): void {
    this.values++;
    // A few hundred values tell enough; a long column is not classified cell by cell to its end.
    if (this.values > 500) return;
    const key = guessField(text, this.profile);
    if (key) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** The field most values look like (at least half of those looked at), if any. */
  best(): FieldKey | undefined {
    const seen = Math.min(this.values, 500);
    let best: FieldKey | undefined;
    let n = 0;
    for (const [key, count] of this.counts) if (count > n) [best, n] = [key, count];
    return best !== undefined && n * 2 >= seen ? best : undefined;
  }
}
