/**
 * Who may write. Bound to a loopback address (what `atlas serve` does by default), only this machine can reach
 * the server and writes are open. Bound to any other address, a write needs `Authorization: Bearer $ATLAS_TOKEN`;
 * with no token set the server is read-only. Reads are never restricted beyond the Host check (hosts.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type WriteAccess = { mode: 'open' } | { mode: 'token'; token: string } | { mode: 'read-only' };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A loopback address or name (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * The write policy for the address the server listens on: HOST (adapter-node listens on 0.0.0.0 when it is not
 * set) or a Unix socket (SOCKET_PATH, reachable only through the file system: like loopback).
 */
export function writeAccess(env: NodeJS.ProcessEnv = process.env): WriteAccess {
  if (env.SOCKET_PATH || isLoopback(env.HOST ?? '0.0.0.0')) return { mode: 'open' };
  const token = env.ATLAS_TOKEN?.trim();
  return token ? { mode: 'token', token } : { mode: 'read-only' };
}

/** One line for the server's start: how writes are allowed. */
export function describeAccess(access: WriteAccess, env: NodeJS.ProcessEnv = process.env): string {
  const where = env.SOCKET_PATH ? `socket ${env.SOCKET_PATH}` : env.HOST || '0.0.0.0 (HOST not set)';
  if (access.mode === 'open') return `atlas: listening on ${where}, a local address: writes are open to this machine`;
  if (access.mode === 'token') return `atlas: listening on ${where}: writes need "Authorization: Bearer $ATLAS_TOKEN"`;
  return `atlas: listening on ${where} with no ATLAS_TOKEN set: READ-ONLY (set ATLAS_TOKEN to allow writes with "Authorization: Bearer …", or bind HOST=127.0.0.1)`;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Why a request may not write, with the status to answer; null when it may (or when it only reads). */
export function writeRefusal(method: string, headers: Headers, access: WriteAccess): { status: 401 | 403; message: string } | null {
  if (READS.has(method.toUpperCase()) || access.mode === 'open') return null;
  if (access.mode === 'read-only')
    return { status: 403, message: 'This server is read-only: it listens on a non-local address and no ATLAS_TOKEN is set' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  // Compared in constant time, over digests of equal length.
  if (!m || !timingSafeEqual(digest(m[1]), digest(access.token)))
    return { status: 401, message: 'Writes need "Authorization: Bearer <token>" with the token the server was started with (ATLAS_TOKEN)' };
  return null;
}
