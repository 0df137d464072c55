// The page's plumbing: DOM helpers, the conversation with the worker (one request at a time, by id), and
// the status line. page.ts builds what the clerk sees on top of it.
import type { Request, Response } from './protocol.js';

export type Handler = (r: Response) => void;
/** A request before the worker conversation gives it an id. */
export type Ask = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// ---------------------------------------------------------------- the worker

const source = URL.createObjectURL(new Blob([$('zwgk-worker').textContent ?? ''], { type: 'text/javascript' }));
let nextId = 1;
const handlers = new Map<number, Handler>();
const pending = new Map<number, { resolve: () => void; reject: (message: string) => void }>();

/** What a request ended by cancel() is rejected with (the page says 已取消读取 …, not an error). */
export const CANCELLED = '\u0000cancelled';

function spawn(): Worker {
  const w = new Worker(source);
  w.onmessage = (event: MessageEvent<Response>) => {
    const r = event.data;
    if (r.type === 'progress') showProgress(r.text, r.fraction);
    if (r.type === 'done' || r.type === 'error') {
      const p = pending.get(r.id);
      pending.delete(r.id);
      handlers.delete(r.id);
      if (r.type === 'done') p?.resolve();
      else p?.reject(r.message);
    } else handlers.get(r.id)?.(r);
  };
  w.onerror = (event) => {
    event.preventDefault();
    for (const p of pending.values()) p.reject('错误：处理时出现意外问题，请刷新页面后重试');
    pending.clear();
  };
  return w;
}
let worker = spawn();

/** Called with a new worker after cancel(), to hand it the files the page shows (op 'hold'). */
let onRespawn: () => void = () => undefined;
export function whenRespawned(f: () => void): void {
  onRespawn = f;
}

/** Stop what the worker is doing (a slow read): the worker is ended — nothing else stops a synchronous
 * parse — and a new one started, which the page hands every file it shows (they are read again from their
 * Blobs when used), so nothing but the cancelled request is lost. Its promise is rejected with CANCELLED. */
export function cancel(): void {
  worker.terminate();
  worker = spawn();
  for (const p of pending.values()) p.reject(CANCELLED);
  pending.clear();
  handlers.clear();
  onRespawn();
}

/** Send a request that needs no answer (forget, hold). */
export function tell(req: Ask): void {
  worker.postMessage({ ...req, id: 0 } as Request);
}

/** Send a request; resolves when the worker is done with it. `onMessage` gets its answers and its progress. */
export function ask(req: Ask, onMessage: Handler = () => undefined, transfer: Transferable[] = []): Promise<void> {
  const id = nextId++;
  handlers.set(id, onMessage);
  return new Promise<void>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ ...req, id } as Request, transfer);
  });
}

// One request at a time: the worker is single-threaded anyway, and the status line then names the current job.
let queue: Promise<unknown> = Promise.resolve();
export function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

// ---------------------------------------------------------------- status line

let busy = 0;
export function showProgress(text: string, fraction?: number): void {
  $('status').hidden = false;
  $('status-text').textContent = text;
  const bar = $<HTMLProgressElement>('bar');
  if (fraction === undefined) bar.removeAttribute('value');
  else bar.value = fraction;
}
export async function working<T>(text: string, job: () => Promise<T>): Promise<T> {
  busy++;
  showProgress(text);
  try {
    return await job();
  } finally {
    if (--busy === 0) $('status').hidden = true;
  }
}


// ---------------------------------------------------------------- downloads

/** Ask the worker for a file and hand it to the browser's downloads; `note` shows what it said (fix's
 * change list, merge's summary) or why it could not (an error line). `then` gets the bytes afterwards. */
export async function download(req: Omit<Extract<Ask, { op: 'export' }>, 'op'>, note: HTMLElement, then?: (name: string, bytes: ArrayBuffer) => void): Promise<void> {
  note.hidden = true;
  note.classList.remove('error-line');
  await enqueue(() =>
    working('正在生成文件…', () =>
      ask({ op: 'export', ...req }, (r) => {
        if (r.type !== 'export') return;
        const url = URL.createObjectURL(new Blob([r.bytes], { type: r.mime }));
        const a = el('a', { href: url, download: r.name });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        note.hidden = !r.note;
        note.textContent = r.note ?? '';
        then?.(r.name, r.bytes);
      }).catch((message: string) => alertLine(message, note)),
    ),
  );
}

/** Show an error line in a note. */
export function alertLine(message: string, note: HTMLElement): void {
  note.hidden = false;
  note.textContent = message;
  note.classList.add('error-line');
}

/** The 第 [n] 页 跳转 controls of a pager: Enter in the box or the button goes to page n (0-based to `go`). */
export function goToPage(go: (page: number) => void): HTMLElement[] {
  const box = el('input', { type: 'number', min: '1', 'aria-label': '跳到第几页', class: 'page-no' });
  const button = el('button', { type: 'button' }, '跳转');
  const jump = (): void => go(Number(box.value) - 1);
  button.addEventListener('click', jump);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') jump();
  });
  return [el('label', {}, '第 ', box, ' 页'), button];
}
