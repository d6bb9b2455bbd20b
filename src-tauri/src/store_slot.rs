//! The window's drafts store, which may be absent: while a store found damaged waits for the
//! person to choose a backup or a fresh start, nothing may write to any store, so every command
//! that needs one gets a clear error instead.

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard};

use sla_store::Store;

use crate::error::{Error, Result};

/// The store the commands share. Behind a mutex: SQLite connections are not `Sync`, and saves are
/// short enough that one at a time is never felt.
pub struct StoreSlot {
    store: Mutex<Option<Store>>,
}

/// The open store, locked.
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl StoreSlot {
    pub fn new(store: Option<Store>) -> StoreSlot {
        StoreSlot {
            store: Mutex::new(store),
        }
    }

    /// The open store, or [`Error::StoreUnavailable`] while there is none.
    pub fn lock(&self) -> Result<StoreGuard<'_>> {
        let guard = self.lock_slot();
        match *guard {
            Some(_) => Ok(StoreGuard(guard)),
            None => Err(Error::StoreUnavailable),
        }
    }

    /// Takes the store out (to close it before a restore, or because it was found damaged).
    pub fn take(&self) -> Option<Store> {
        self.lock_slot().take()
    }

    pub fn put(&self, store: Store) {
        *self.lock_slot() = Some(store);
    }

    pub fn is_open(&self) -> bool {
        self.lock_slot().is_some()
    }

    fn lock_slot(&self) -> MutexGuard<'_, Option<Store>> {
        // A panic while holding the lock cannot leave SQLite half-written (every save is a
        // transaction), so a poisoned lock is safe to keep using.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        // `StoreSlot::lock` hands out a guard only over an open store, and only `take` (which
        // needs the same mutex) can empty it.
        self.0.as_ref().expect("a StoreGuard always holds a store")
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("a StoreGuard always holds a store")
    }
}
