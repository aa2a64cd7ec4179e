import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A stable id: a prefix and the first 16 hex digits of the SHA-256 of the feature's defining content. */
export function stableId(prefix: string, content: unknown): string {
  return `${prefix}_${bytesToHex(sha256(utf8ToBytes(JSON.stringify(content)))).slice(0, 16)}`;
}
