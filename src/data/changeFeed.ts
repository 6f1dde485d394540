import Dexie from 'dexie';
import type { ChangeSet } from '../domain/changes';

/**
 * What was written to the record tables, once it is committed: a change set as the write door
 * wrote it (its puts and deletes), or "reset" when everything was replaced at once (seed,
 * restore, a fresh start from the shipped data). The view follows this feed instead of re-reading
 * the database on every change; other tabs hear it through a BroadcastChannel.
 */
export type FeedEvent = { kind: 'change'; change: ChangeSet } | { kind: 'reset' };
export type FeedListener = (event: FeedEvent) => void;

const CHANNEL = 'trygghetskartan-changes';
const listeners = new Set<FeedListener>();
let channel: BroadcastChannel | null = null;

function openChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (message: MessageEvent<FeedEvent>) => deliver(message.data);
  return channel;
}

function deliver(event: FeedEvent): void {
  for (const listener of listeners) listener(event);
}

export function subscribeToFeed(listener: FeedListener): () => void {
  openChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Announces `event` when the transaction it was written in commits (never for a write that is
 * rolled back), or at once outside a transaction. The IndexedDB transaction is the one shared by
 * nested Dexie transactions, so "complete" means the whole outer write landed.
 */
export function publishAfterCommit(event: FeedEvent): void {
  const idb = Dexie.currentTransaction?.idbtrans as IDBTransaction | undefined;
  const send = () => {
    deliver(event);
    // Another tab's view applies the same change; a clone of 100 000 places is still far cheaper than re-reading them.
    openChannel()?.postMessage(event);
  };
  if (idb) idb.addEventListener('complete', send, { once: true });
  else send();
}
