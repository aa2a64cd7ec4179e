/**
 * The server's writer, in a worker thread (node:worker_threads): reading and extracting an article takes tens
 * of milliseconds to seconds, and the request thread must stay free for reads meanwhile. It has its own
 * connection to the database (WAL: the server's reads never wait for its writes) and handles one request at a
 * time, in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadGazetteer } from '../gazetteer';
import { SqliteStore } from './db';
import { ArticleRejected, Ingest, messageOf } from './ingest';

export type WriterOp = { op: 'add'; input: import('./db').StoredInput; budgetMs: number } | { op: 'rebuild'; budgetMs: number } | { op: 'close' };
export type WriterRequest = WriterOp & { id: number };
export type WriterReply = { id: number; ok: unknown } | { id: number; error: { name: string; status?: number; message: string } };

const { dbPath, gazetteerDir } = workerData as { dbPath: string; gazetteerDir: string };
let budgetMs = 10_000;
const store = SqliteStore.open(dbPath);
const ingest = new Ingest(store, { gazetteer: loadGazetteer(gazetteerDir), budgetMs: () => budgetMs });

parentPort!.on('message', (m: WriterRequest) => {
  try {
    if (m.op === 'close') {
      store.close();
      parentPort!.postMessage({ id: m.id, ok: true } satisfies WriterReply);
      parentPort!.close();
      return;
    }
    budgetMs = m.budgetMs;
    const ok = m.op === 'add' ? ingest.add(m.input) : ingest.rebuild();
    parentPort!.postMessage({ id: m.id, ok } satisfies WriterReply);
  } catch (e) {
    const status = e instanceof ArticleRejected ? e.status : undefined;
    parentPort!.postMessage({ id: m.id, error: { name: (e as Error)?.name ?? 'Error', status, message: messageOf(e) } } satisfies WriterReply);
  }
});
parentPort!.postMessage({ id: 0, ok: 'ready' } satisfies WriterReply);
