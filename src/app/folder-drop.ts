// A folder dropped on the page: its files read as the CLI reads a folder (every workbook, YAML and Word
// file under it, web pages left out: a folder of pages is usually what was published from it), and
// what was left out said, never skipped in silence.

/** What a folder gave: the files to open (named by their path inside it) and how many were left out. */
export interface FolderFiles {
  files: File[];
  skipped: number;
  kinds: string[];
  /** The walk stopped at MAX_FILES. */
  cut: boolean;
}

const MAX_FILES = 2000;
const MAX_DEPTH = 12;

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 at a time in Chromium) until it answers with none.
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(out);
        out.push(...batch);
        next();
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry, name: string): Promise<File> {
  return new Promise((resolve, reject) => entry.file((f) => resolve(new File([f], name, { type: f.type, lastModified: f.lastModified })), reject));
}

/** The files of a dropped folder that the app reads, in name order, with what it left out. */
export async function folderFiles(root: FileSystemDirectoryEntry, accepted: readonly string[]): Promise<FolderFiles> {
  const wanted = new Set(accepted.filter((e) => e !== '.html' && e !== '.htm'));
  const result: FolderFiles = { files: [], skipped: 0, kinds: [], cut: false };
  const kinds = new Set<string>();
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string, depth: number): Promise<void> => {
    const entries = (await readAll(dir.createReader())).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (result.files.length >= MAX_FILES) {
        result.cut = true;
        return;
      }
      const name = `${prefix}/${entry.name}`;
      if (entry.isDirectory) {
        if (depth < MAX_DEPTH) await walk(entry as FileSystemDirectoryEntry, name, depth + 1);
      } else if (wanted.has(extension(entry.name)) && !entry.name.startsWith('~$')) {
        result.files.push(await fileOf(entry as FileSystemFileEntry, name));
      } else {
        result.skipped++;
        kinds.add(extension(entry.name) || '无扩展名');
      }
    }
  };
  await walk(root, root.name, 0);
  result.kinds = [...kinds].sort();
  return result;
}

/** What the clerk is told about a dropped folder. */
export function folderNote(name: string, found: FolderFiles): string {
  const parts = [`文件夹“${name}”：读取其中 ${found.files.length} 个目录文件`];
  if (found.skipped) parts.push(`未读取 ${found.skipped} 个其他文件（${found.kinds.join('、')}；网页和其他类型的文件不读取，需要时请单独选择）`);
  if (found.cut) parts.push(`文件太多，只读取了前 ${MAX_FILES} 个，其余请分批拖入`);
  return parts.join('；') + '。';
}
