// A worker thread of writeCorpusInParallel. jixiao runs its TypeScript through tsx, without a
// build; a worker started without tsx's loader (under a test runner, say) could not load the
// shard writer, so the worker registers tsx itself before loading it.
import { register } from 'tsx/esm/api';

register();
await import('./corpus-shard-worker.ts');
