// LibreOffice conversions fetch nothing a file names (issue 24). Every kind of file zwgk hands to soffice
// is made with remote pictures, style sheets and backgrounds pointing at a local listener
// (test/helpers/remote-files.ts). First an unlocked soffice shows that each file does make it send
// requests; then zwgk's conversions of the very same files must not reach the listener at all, by any
// protocol. The files are converted in two batches (one soffice start each) to keep the test to seconds.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithSoffice, findSoffice } from '../../src/node/soffice.js';
import { remoteFiles, linkedImageOds, type RemoteFile } from '../helpers/remote-files.js';
import { runInProcess, ROOT } from './helpers.js';

let server: Server;
let port = 0;
/** The first line each connection sent (a request line), or '(no data)'. */
const seen: string[] = [];
let files: RemoteFile[] = [];
let T = '';
let soffice = '';

beforeAll(async () => {
  T = mkdtempSync(path.join(os.tmpdir(), 'zwgk-net-'));
  soffice = (await findSoffice())!;
  server = createServer((socket) => {
    let first = '';
    socket.on('data', (b: Buffer) => {
      if (!first) first = b.toString('latin1').split('\r\n')[0]!;
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    });
    // FTP waits for the server to speak first: a silent connection is closed, and counted, soon.
    socket.setTimeout(300, () => socket.destroy());
    socket.on('error', () => undefined);
    socket.on('close', () => seen.push(first || '(no data)'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  files = await remoteFiles(port);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(T, { recursive: true, force: true });
});

/** Wait a moment for connections still being closed, then hand over what was seen and forget it. */
async function drain(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return seen.splice(0);
}

describe('LibreOffice conversions fetch nothing named in the file', () => {
  it('an unlocked soffice fetches a resource of every file (so the files test what they claim)', async () => {
    expect(soffice).toBeTruthy();
    const dir = path.join(T, 'plain');
    mkdirSync(dir);
    const names = files.map((f) => path.join(dir, `${f.marker}${f.ext}`));
    files.forEach((f, i) => writeFileSync(names[i]!, f.bytes));
    await new Promise<void>((resolve, reject) => {
      const child = spawn(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'out'), ...names], { stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', () => resolve());
    });
    const requests = await drain();
    const fetched = files.filter((f) => requests.some((r) => r.includes(`/${f.marker}`))).map((f) => f.marker);
    // All but a page named .xls, which Calc's own HTML import reads without loading anything.
    expect(fetched).toEqual(files.map((f) => f.marker).filter((m) => m !== 'page-xls'));
  }, 60_000);

  it('zwgk’s conversions of the same files send nothing, by any protocol', async () => {
    // A temporary folder of our own (other test files convert at the same time), empty again afterwards.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = path.join(T, 'tmp');
    mkdirSync(process.env.TMPDIR);
    const made: string[] = [];
    for (const target of ['.xlsx', '.docx'] as const) {
      const batch = files.filter((f) => f.target === target);
      const run = await convertWithSoffice(soffice, batch, target, 60_000);
      expect(run.timedOut).toBe(false);
      batch.forEach((f, i) => run.outputs[i] && made.push(f.marker));
    }
    expect(await drain()).toEqual([]);
    // Every file still converts, but a web page named .ods/.et: Calc does not open a page by content
    // (zwgk reads such a page itself and never hands it to soffice; see the next test).
    expect(made).toEqual(files.map((f) => f.marker).filter((m) => m !== 'page-et' && m !== 'page-ods'));
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }, 60_000);

  it('a folder with a GBK-named .ods that links images, and pages named .xls/.et/.ods: all read, nothing fetched', async () => {
    const dir = path.join(T, 'folder');
    mkdirSync(dir);
    // 科室目录.ods in GBK (the bytes a Windows zip gives on Linux): soffice is never given that name.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('bfc6cad2c4bfc2bc', 'hex'), Buffer.from('.ods')]), await linkedImageOds(port, 'folder-ods'));
    for (const f of files.filter((x) => x.marker.startsWith('page-') && x.target === '.xlsx')) writeFileSync(path.join(dir, `网页${f.ext}`), f.bytes);
    writeFileSync(path.join(dir, '县目录.yaml'), readExample());
    const o = await runInProcess(['validate', dir], 60_000);
    expect(await drain()).toEqual([]);
    expect(o.stderr).toBe('');
    const passed = o.stdout.split('\n').filter((l) => l.startsWith(dir) && l.includes('：通过')).map((l) => path.basename(l.split('：')[0]!));
    expect(passed.sort()).toEqual(['县目录.yaml', '科室目录.ods', '网页.et', '网页.ods', '网页.xls'].sort());
    expect(o.stdout).toContain(`${path.join(dir, '科室目录.ods')}：通过（2017 版式，1 个事项`);
    expect(o.code).toBe(0);
  }, 60_000);
});

function readExample(): Buffer {
  return readFileSync(path.join(ROOT, 'examples/county-catalog.yaml'));
}

