/** Opens the configured database for a CLI command, migrated, and closes it afterwards. */
import { loadConfig, type Config } from '../config/index.js';
import { openDatabase, migrateToLatest, type Db } from '../db/index.js';
import { withDeploymentScope } from '../db/tenant-scope.js';

export async function withDatabase<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    // The command line is the operator's tool over the whole deployment (docs/adr/0008).
    return await withDeploymentScope('cli', () => fn(database, config));
  } finally {
    await database.close();
  }
}
