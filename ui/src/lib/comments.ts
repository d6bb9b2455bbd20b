/**
 * Comment threads on the agreement's clauses, as pure functions over `negotiation.comments`:
 * made, replied to, resolved and reopened the way the Rust side reads and merges them (a thread
 * is resolved when its resolution is no older than its last message). Times come from the
 * caller, so that tests choose them.
 */
import type { Agreement, Message, Side, Thread } from "./types/agreement";

/** The agreement's threads, creating the list the first time. */
export function threadsOf(a: Agreement): Thread[] {
  a.negotiation ??= {};
  a.negotiation.comments ??= [];
  return a.negotiation.comments;
}

export function isResolved(thread: Thread): boolean {
  if (!thread.resolved_at) return false;
  const resolved = Date.parse(thread.resolved_at);
  return thread.messages.every((m) => Date.parse(m.at) <= resolved);
}

export function openCount(a: Agreement): number {
  return (a.negotiation?.comments ?? []).filter((t) => !isResolved(t)).length;
}

/** A random id, unique enough for threads and messages that two computers make. */
export function newId(): string {
  return crypto.randomUUID();
}

function message(side: Side, author: string, text: string, now: Date): Message {
  return { id: newId(), side, author, at: now.toISOString(), text };
}

/** The name a head signs comments with: the head of `side` as the agreement names them. */
export function authorOf(a: Agreement, side: Side): string {
  return a.parties[side].head.name.trim() || side;
}

/** Starts a thread on the field whose key is `key`; returns it. */
export function addThread(a: Agreement, key: string, side: Side, text: string, now: Date): Thread {
  const thread: Thread = { id: newId(), on: key, messages: [message(side, authorOf(a, side), text, now)] };
  threadsOf(a).push(thread);
  return thread;
}

/** Adds a reply; a reply to a resolved thread opens it again. */
export function reply(a: Agreement, thread: Thread, side: Side, text: string, now: Date): void {
  thread.messages.push(message(side, authorOf(a, side), text, now));
}

export function resolve(thread: Thread, side: Side, now: Date): void {
  thread.resolved_at = now.toISOString();
  thread.resolved_by = side;
}

/** Opens a resolved thread again: the resolution is withdrawn. */
export function reopen(thread: Thread): void {
  delete thread.resolved_at;
  delete thread.resolved_by;
}
