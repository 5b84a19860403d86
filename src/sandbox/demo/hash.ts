/**
 * Deterministic choices: every demo value is a function of the seed and a few coordinates,
 * so data can be computed on demand instead of stored.
 */
import { createHash } from 'node:crypto';

type Part = string | number;

/** 32-bit FNV-1a over the parts, finished with murmur3's fmix32 so neighbouring inputs spread. */
export function hash32(...parts: readonly Part[]): number {
  const text = parts.join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1). */
export function unit(...parts: readonly Part[]): number {
  return hash32(...parts) / 2 ** 32;
}

function digest(parts: readonly Part[]): Buffer {
  return createHash('sha256').update(parts.join('\u0001'), 'utf8').digest();
}

/** An opaque id of exactly `length` characters from the given alphabet family. */
export function opaqueId(length: number, alphabet: 'base64' | 'base64url' | 'hex' | 'alnum', ...parts: readonly Part[]): string {
  let out = '';
  for (let round = 0; out.length < length; round++) {
    const bytes = digest([...parts, round]);
    out += alphabet === 'alnum' ? bytes.toString('base64').replace(/[^A-Za-z0-9]/g, '') : bytes.toString(alphabet);
  }
  return out.slice(0, length);
}

/** An unsigned 64-bit integer in [2^58, 2^59): always above 2^53, like GME TaskIds. */
export function u64AboveSafe(...parts: readonly Part[]): bigint {
  const low58 = digest(parts).readBigUInt64BE(0) & ((1n << 58n) - 1n);
  return (1n << 58n) | low58;
}

/** mulberry32: a seeded stream of numbers in [0, 1) for fault decisions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
