//! Values held in memory per session, above all the organisation key a sign-in unlocked.
//! Nothing here is ever written to disk; dropping an entry forgets it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::keyring::Unlocked;

/// Values per session id hash.
pub struct Vault<T = Arc<Unlocked>> {
    entries: Mutex<HashMap<String, T>>,
}

impl<T> Default for Vault<T> {
    fn default() -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<T: Clone> Vault<T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, T>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps `value` for the session.
    pub fn insert(&self, session: &str, value: T) {
        self.lock().insert(session.to_owned(), value);
    }

    /// The session's value.
    pub fn get(&self, session: &str) -> Option<T> {
        self.lock().get(session).cloned()
    }

    /// Forgets the session's value, returning it.
    pub fn remove(&self, session: &str) -> Option<T> {
        self.lock().remove(session)
    }

    /// Moves a value to a new session id (the id rotates at sign-in).
    pub fn rename(&self, from: &str, to: &str) {
        let mut entries = self.lock();
        if let Some(v) = entries.remove(from) {
            entries.insert(to.to_owned(), v);
        }
    }

    /// Forgets every value whose session is not in `live`.
    pub fn retain(&self, live: impl Fn(&str) -> bool) {
        self.lock().retain(|k, _| live(k));
    }

    /// The sessions that hold a value.
    pub fn keys(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    /// How many sessions hold a value.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no session holds a value.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_moves_and_remove_forgets() {
        let v: Vault<String> = Vault::default();
        v.insert("a", "key".into());
        v.rename("a", "b");
        assert_eq!(v.get("a"), None);
        assert_eq!(v.get("b").as_deref(), Some("key"));
        assert_eq!(v.remove("b").as_deref(), Some("key"));
        assert!(v.is_empty());
    }
}
