import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, RestartPolicy } from '../src/cluster/restart-policy.js';

/**
 * When the primary of `jixiao serve --workers N` replaces a worker that exited unexpectedly, and
 * when it gives up (docs/operations.md, "Worker processes"). Defaults: a worker that served less
 * than 10 s failed fast; the first replacement waits 0.5 s, each fast failure in a row doubles
 * the wait, and the fifth in a row gives up.
 */

const SERVED_LONG = DEFAULT_RESTART_POLICY.fastExitMs;

describe('the restart policy of worker processes', () => {
  it('replaces a worker that served a while after the first wait', () => {
    expect(new RestartPolicy().exited(SERVED_LONG)).toEqual({
      action: 'restart',
      delayMs: 500,
      fastExits: 0,
    });
  });

  it('doubles the wait with each fast failure in a row', () => {
    const policy = new RestartPolicy();
    const waits = [null, 2_000, null, 9_999].map((served) => policy.exited(served));
    expect(waits.map((d) => (d.action === 'restart' ? d.delayMs : d.action))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
  });

  it('gives up at the fifth fast failure in a row', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 4; i++) policy.exited(null);
    expect(policy.exited(null)).toEqual({ action: 'give up', fastExits: 5 });
  });

  it('starts counting again after a worker that served a while', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 4; i++) policy.exited(null);
    policy.exited(SERVED_LONG);
    expect(policy.exited(null)).toEqual({ action: 'restart', delayMs: 500, fastExits: 1 });
  });
});
