//! Open documents, keyed by URI.

use crate::document::{Document, PositionEncoding, TextChange};
use crate::text::Markup;
use std::collections::HashMap;
use std::sync::Mutex;
use tower_lsp::lsp_types::Url;

/// One open draft.
#[derive(Clone, Debug)]
pub struct OpenDocument {
    pub document: Document,
    pub markup: Markup,
    /// Bumped on every open and change, so a result computed for an older text can be
    /// recognised even if a client repeats a version number.
    pub generation: u64,
}

/// A copy of a document's text at one version, for checking off the async runtime.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub text: String,
    /// The same text as a rope (a cheap, shared copy) for position conversion.
    pub rope: ropey::Rope,
    pub version: i32,
    pub markup: Markup,
    pub generation: u64,
}

#[derive(Default)]
pub struct Documents {
    open: Mutex<HashMap<Url, OpenDocument>>,
    next_generation: std::sync::atomic::AtomicU64,
}

impl Documents {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Url, OpenDocument>> {
        // A panic while holding the lock cannot leave a document half-edited (edits are
        // applied by ropey in one call), so a poisoned map is still good to use.
        self.open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn open(&self, uri: Url, text: &str, version: i32, markup: Markup) {
        let generation = self.bump();
        self.lock().insert(
            uri,
            OpenDocument {
                document: Document::new(text, version),
                markup,
                generation,
            },
        );
    }

    /// Applies changes; false if the document is not open.
    pub fn change(
        &self,
        uri: &Url,
        changes: &[TextChange],
        version: i32,
        encoding: PositionEncoding,
    ) -> bool {
        match self.lock().get_mut(uri) {
            Some(open) => {
                open.document.apply_changes(changes, version, encoding);
                open.generation = self.bump();
                true
            }
            None => false,
        }
    }

    pub fn close(&self, uri: &Url) -> bool {
        self.lock().remove(uri).is_some()
    }

    pub fn snapshot(&self, uri: &Url) -> Option<Snapshot> {
        self.lock().get(uri).map(|open| Snapshot {
            text: open.document.text(),
            rope: open.document.rope().clone(),
            version: open.document.version(),
            markup: open.markup,
            generation: open.generation,
        })
    }

    /// The current generation of a document, `None` once closed.
    pub fn generation(&self, uri: &Url) -> Option<u64> {
        self.lock().get(uri).map(|open| open.generation)
    }

    fn bump(&self) -> u64 {
        self.next_generation
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1
    }

    pub fn uris(&self) -> Vec<Url> {
        self.lock().keys().cloned().collect()
    }
}
