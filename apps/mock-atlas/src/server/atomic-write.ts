// Replacing a file so that a crash at any moment leaves either the old file or the new one,
// never a mix: the state file and its key file are both written this way.
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The default permissions of a file written here: owner read/write only (it holds secrets). */
export const PRIVATE_FILE_MODE = 0o600;

// Some platforms (Windows) cannot open or fsync a directory; the rename is then as durable as they allow.
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `path` with `text` atomically and durably: temp file in the same directory (mode
 * 0600), fsync, rename over the target, fsync the directory.
 * @example await writeFileAtomically('state.json', serializeState(state, now, key))
 */
export async function writeFileAtomically(path: string, text: string, mode = PRIVATE_FILE_MODE): Promise<void> {
  const temp = `${path}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    // A stale temp file from a killed run keeps its old mode through open(): set it again.
    await handle.chmod(mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}
