/**
 * Encrypted attachments on disk, outside the shared file store: the shared store keeps file names
 * and hashes in plaintext rows and stages plaintext to disk, both of which would leak here. This
 * one only ever receives ciphertext; names are random.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export function complaintBlobStore(dataDir: string) {
  const root = join(dataDir, 'complaints');
  const pathOf = (agencyId: string, key: string) => join(root, agencyId.replace(/[^A-Za-z0-9-]/g, ''), key.replace(/[^A-Za-z0-9-]/g, ''));
  return {
    root,
    /** Writes and fsyncs before returning, so a stored row never points at a lost file. */
    async put(agencyId: string, ciphertext: Uint8Array): Promise<string> {
      const key = randomUUID();
      const path = pathOf(agencyId, key);
      await mkdir(join(path, '..'), { recursive: true });
      const tmp = `${path}.tmp`;
      const fh = await open(tmp, 'w', 0o600);
      try {
        await fh.writeFile(ciphertext);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
      return key;
    },
    get: async (agencyId: string, key: string): Promise<Uint8Array> => new Uint8Array(await readFile(pathOf(agencyId, key))),
    remove: (agencyId: string, key: string) => rm(pathOf(agencyId, key), { force: true }),
  };
}
export type ComplaintBlobStore = ReturnType<typeof complaintBlobStore>;
