import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rm, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** How long preparing a recording directory may take before it is given up. */
const PREPARE_TIMEOUT_MS = 2_000;

/** Top-level folders of the system; recordings never go into them (nor into /lib*, nor / itself). */
const SYSTEM_FOLDERS = new Set(['proc', 'sys', 'dev', 'etc', 'boot', 'bin', 'sbin', 'usr', 'run']);

/**
 * Why a recording directory cannot be used: FORM for how it is written, UNUSABLE for everything the
 * file system said. UNUSABLE is one kind on purpose: telling "does not exist" from "not allowed"
 * would let a client probe the file system. `cause` is for the log only.
 */
export class RecordingDirectoryError extends Error {
  constructor(
    readonly kind: 'FORM' | 'UNUSABLE',
    options?: { cause?: unknown },
  ) {
    super(kind === 'FORM' ? 'not an absolute path, ~ or ~/…' : 'cannot be used as a recording directory', options);
    this.name = 'RecordingDirectoryError';
  }
}

/**
 * The absolute, `..`-free path that `value` names: an absolute path, `~` or `~/…` (this user's home).
 * Other `~` forms (`~root`, `~../x`) are FORM errors rather than folders named "~root" in the working directory.
 */
export function expandRecordingDirectory(value: string): string {
  if (value === '~' || value.startsWith('~/')) return resolve(join(homedir(), value.slice(1)));
  if (value.startsWith('~') || !isAbsolute(value)) throw new RecordingDirectoryError('FORM');
  return resolve(value);
}

/**
 * Makes sure `value` (see expandRecordingDirectory) is a writable folder outside the system folders,
 * following links, creating it (0700) if needed; on failure removes what it created. Gives up with
 * UNUSABLE after `timeoutMs`: a mkdir under /proc or on a dead network mount can hang for good, and
 * the async fs calls keep that off the main thread (what a hung call created then stays).
 */
export async function prepareRecordingDirectory(value: string, timeoutMs = PREPARE_TIMEOUT_MS): Promise<void> {
  const path = expandRecordingDirectory(value);
  // Calls at once for one folder share one check: two creating it side by side could each take the other's for a failure.
  const running = preparing.get(path);
  if (running) return running;
  const check = prepareWithin(path, timeoutMs).finally(() => preparing.delete(path));
  preparing.set(path, check);
  return check;
}

const preparing = new Map<string, Promise<void>>();

async function prepareWithin(path: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RecordingDirectoryError('UNUSABLE', { cause: new Error(`not ready within ${timeoutMs} ms`) })), timeoutMs);
  });
  try {
    await Promise.race([prepare(path), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function prepare(path: string): Promise<void> {
  let real: string;
  try {
    real = await realTarget(path);
  } catch (error) {
    throw new RecordingDirectoryError('UNUSABLE', { cause: error });
  }
  // The path as written too: on macOS /etc is a link to /private/etc.
  if (isSystemPath(path) || isSystemPath(real)) throw new RecordingDirectoryError('UNUSABLE', { cause: new Error(`${real} is a system folder`) });
  let created: string | undefined;
  try {
    created = await mkdir(real, { recursive: true, mode: 0o700 });
    // A folder swapped for a link between the check and the mkdir must not send recordings elsewhere.
    if ((await realpath(real)) !== real) throw new Error(`${real} changed while it was being created`);
    const probe = join(real, `.haven-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
    await writeFile(probe, '', { flag: 'wx', mode: 0o600 });
    await unlink(probe);
  } catch (error) {
    if (created) await rm(created, { recursive: true, force: true }).catch(() => undefined);
    throw new RecordingDirectoryError('UNUSABLE', { cause: error });
  }
}

/** The real path of the deepest ancestor that exists, with the rest of `path` appended. */
async function realTarget(path: string): Promise<string> {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(await realpath(current), ...rest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || current === dirname(current)) throw error;
      // ENOENT from a link that exists: it points nowhere, and where it points was not checked.
      const dangling = await lstat(current).then(
        () => true,
        () => false,
      );
      if (dangling) throw error;
      rest.unshift(basename(current));
      current = dirname(current);
    }
  }
}

function isSystemPath(path: string): boolean {
  const top = path.split(sep).find((segment) => segment !== '') ?? '';
  return top === '' || SYSTEM_FOLDERS.has(top) || top.startsWith('lib');
}
