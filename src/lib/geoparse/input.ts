/** Decoding untrusted input bytes into text, with errors a user can act on. */

/** Larger inputs are refused rather than risking the process: no news article comes near this. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

/** Decodes UTF-8 strictly; refuses binary data and oversize input with a clear message. */
export function decodeText(bytes: Uint8Array, label: string): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${label}: too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
  // NUL bytes do not occur in text files; their presence means a binary file (image, PDF, archive …).
  if (bytes.includes(0)) throw new InputError(`${label}: looks like a binary file (contains NUL bytes), not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${label}: not valid UTF-8 text (re-save it as UTF-8)`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
