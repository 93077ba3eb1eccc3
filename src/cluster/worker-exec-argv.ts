/**
 * The Node options a worker process starts with: the primary's own, and tsx's loader, which
 * runs the TypeScript sources as they are (there is no build step). The primary may have the
 * loader from its command line (`tsx src/server.ts`, `node --import tsx`), where it is passed on
 * as it is, or registered at run time (`jixiao`, through bin/jixiao.mjs), where it is not:
 * naming it again is harmless, since a module imported twice by the same address runs once.
 */
export function workerExecArgv(primary: readonly string[] = process.execArgv): string[] {
  const loader = import.meta.resolve('tsx');
  return primary.includes(loader) ? [...primary] : [...primary, '--import', loader];
}
