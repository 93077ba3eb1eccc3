import type { Worker } from 'node:cluster';
import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ClusterMetrics } from '../src/cluster/cluster-metrics.js';
import type { PrimaryMessage } from '../src/cluster/worker-messages.js';

/**
 * The primary's half of /metrics with worker processes: one scrape asks every serving worker,
 * sums what they send, and says how many were asked and how many answered in time.
 */

/** A worker's metrics after it counted `requests` requests, as it would send them. */
async function partOf(requests: number): Promise<unknown[]> {
  const registry = new Registry();
  new Counter({ name: 'jixiao_probe_total', help: 'probe', registers: [registry] }).inc(requests);
  return registry.getMetricsAsJSON();
}

/** A ClusterMetrics whose messages are recorded, by the worker they went to. */
function recorded(timeoutMs: number) {
  const sent: { to: string; message: PrimaryMessage }[] = [];
  const worker = (name: string) => ({ name }) as unknown as Worker;
  const metrics = new ClusterMetrics(
    (to, message) => sent.push({ to: (to as unknown as { name: string }).name, message }),
    timeoutMs,
  );
  const reply = async () => {
    for (let i = 0; i < 200; i++) {
      const found = sent.find((s) => s.message.type === 'jixiao:metrics-reply');
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no reply');
  };
  return { sent, worker, metrics, reply };
}

describe('ClusterMetrics', () => {
  it('asks every serving worker and answers the one that asked with their sum', async () => {
    const { sent, worker, metrics, reply } = recorded(60_000);
    const [a, b] = [worker('a'), worker('b')];
    metrics.request(a, 7, [a, b]);
    const gathers = sent.filter((s) => s.message.type === 'jixiao:metrics-gather');
    expect(gathers.map((s) => s.to)).toEqual(['a', 'b']);
    const id = (gathers[0]!.message as { id: number }).id;
    metrics.part({ type: 'jixiao:metrics-part', id, metrics: await partOf(3) });
    metrics.part({ type: 'jixiao:metrics-part', id, metrics: await partOf(4) });
    const answer = await reply();
    expect(answer.to).toBe('a');
    expect(answer.message).toMatchObject({ type: 'jixiao:metrics-reply', id: 7 });
    const text = (answer.message as { text: string }).text;
    expect(text).toMatch(/^jixiao_probe_total 7$/m);
    expect(text).toMatch(/^jixiao_workers_serving 2$/m);
    expect(text).toMatch(/^jixiao_workers_scraped 2$/m);
  });

  it('answers after its time with the workers that answered, saying how many did', async () => {
    const { sent, worker, metrics, reply } = recorded(50);
    const [a, b] = [worker('a'), worker('b')];
    metrics.request(b, 1, [a, b]);
    const id = (sent[0]!.message as { id: number }).id;
    metrics.part({ type: 'jixiao:metrics-part', id, metrics: await partOf(5) });
    const text = ((await reply()).message as { text: string }).text;
    expect(text).toMatch(/^jixiao_probe_total 5$/m);
    expect(text).toMatch(/^jixiao_workers_serving 2$/m);
    expect(text).toMatch(/^jixiao_workers_scraped 1$/m);
    // A part arriving after the answer is dropped, not answered twice.
    metrics.part({ type: 'jixiao:metrics-part', id, metrics: await partOf(1) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent.filter((s) => s.message.type === 'jixiao:metrics-reply')).toHaveLength(1);
  });
});
