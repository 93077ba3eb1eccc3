import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.js';

/** A CLI io that records what a command prints and feeds it a fixed stdin. */
export function testIo(stdin = ''): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdin: Readable.from([stdin]),
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    stdout,
    stderr,
  };
}
