import type { Config } from '../config.js';
import { UsageError, type CliIo } from './cli-io.js';

/** `jixiao generate …`: placeholder until the synthetic generator lands. */
export async function generateCommand(
  _flags: Record<string, unknown>,
  _config: Config,
  _io: CliIo,
): Promise<number> {
  throw new UsageError('generate is not available yet');
}
