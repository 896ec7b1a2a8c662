//! Values derived from one paragraph, kept with that paragraph's parts.
//!
//! A server re-uses a paragraph's [`super::ParagraphParts`] for as long as the paragraph's
//! prose is unchanged, so whatever a check stores here is computed once per paragraph
//! version instead of once per keystroke. Entries are keyed by their type: each user
//! defines its own type, so two checks cannot collide.

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex, PoisonError};

type Entry = (TypeId, Arc<dyn Any + Send + Sync>);

#[derive(Default)]
pub struct Memo(Mutex<Vec<Entry>>);

impl Memo {
    /// The stored `T`, or `compute()` stored and returned. `compute` runs without the lock
    /// held, so it may itself read other memos of the same paragraph.
    pub fn get_or_insert<T: Any + Send + Sync>(&self, compute: impl FnOnce() -> T) -> Arc<T> {
        if let Some(found) = self.get::<T>() {
            return found;
        }
        let value = Arc::new(compute());
        let mut entries = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        // Another thread may have stored one meanwhile: keep the first, they are equal.
        if let Some(found) = find::<T>(&entries) {
            return found;
        }
        entries.push((TypeId::of::<T>(), value.clone()));
        value
    }

    fn get<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        find(&self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

fn find<T: Any + Send + Sync>(entries: &[Entry]) -> Option<Arc<T>> {
    entries
        .iter()
        .find(|(id, _)| *id == TypeId::of::<T>())
        .and_then(|(_, value)| Arc::clone(value).downcast::<T>().ok())
}

/// Derived data: two memos always compare equal, and a copy starts empty.
impl Clone for Memo {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for Memo {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Memo {}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Count(usize);
    struct Other(&'static str);

    #[test]
    fn computes_once_per_type() {
        let memo = Memo::default();
        let mut calls = 0;
        for _ in 0..3 {
            let value = memo.get_or_insert(|| {
                calls += 1;
                Count(7)
            });
            assert_eq!(value.0, 7);
        }
        assert_eq!(calls, 1);
        assert_eq!(memo.get_or_insert(|| Other("x")).0, "x");
        assert_eq!(memo.get_or_insert(|| Count(9)).0, 7);
    }
}
