import { chmodSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * DATA_DIR 0700 and every file in it 0600, also when the folder existed before (mkdir's mode only
 * applies to a folder it makes) and for the -wal and -shm files SQLite creates with the umask.
 */
export function restrictDataDir(dataDir: string): void {
  chmodSync(dataDir, 0o700)
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name)
    const st = statSync(path)
    if (st.isFile()) chmodSync(path, 0o600)
    else if (st.isDirectory()) chmodSync(path, 0o700)
  }
}
