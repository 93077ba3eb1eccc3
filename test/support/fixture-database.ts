import { registerDepartments } from '../../src/ingest/load/department-registry.js';
import { loadReport } from '../../src/ingest/load/report-loader.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { openWriter } from '../../src/db/prepare-database.js';
import { fixtureCorpus } from './fixture-corpus.js';
import { tempConfig } from './temp-database.js';
import type { Config } from '../../src/config.js';

/** A server over the real report and the fixture corpus (loaded as synthetic). */
export async function startFixtureServer(
  overrides: Partial<Config> = {},
): Promise<RunningServer & { cleanup(): Promise<void> }> {
  const config = tempConfig(overrides);
  const writer = await openWriter(config);
  const corpus = fixtureCorpus();
  await registerDepartments(writer.kysely, corpus.departments);
  for (const { document } of corpus.documents) {
    await loadReport(writer.kysely, document, JSON.stringify(document), { synthetic: true });
  }
  await writer.close();
  const running = await startServer(config, () => {});
  return {
    ...running,
    async cleanup() {
      await running.stop();
      config.cleanup();
    },
  };
}
