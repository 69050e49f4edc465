//! The local register (the journal file + sled) behind the seam: [`Register`] for [`Store`].

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::{Case, CaseId, Event, Summary};
use crate::i18n::Lang;

use super::register::{Head, Register, Saved, Seen};
use super::{ChainCheck, Health, HistoryEntry, Store, StoreError};

impl Register for Store {
    fn save(
        &mut self,
        events: Vec<Event>,
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<Saved, StoreError> {
        self.save_seen(events, seen, at)
    }

    fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        Store::case(self, id)
    }

    fn summary(&self, id: CaseId) -> Option<Arc<Summary>> {
        Store::summary(self, id)
    }

    fn summaries(&self) -> Vec<Arc<Summary>> {
        self.shared_summaries()
    }

    fn history(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError> {
        Store::history(self, id)
    }

    fn health(&self) -> Health {
        Store::health(self).clone()
    }

    fn vier_ogen(&self) -> &crate::domain::workflow::VierOgen {
        &self.vier_ogen
    }

    fn set_vier_ogen(&mut self, policy: crate::domain::workflow::VierOgen) {
        self.vier_ogen = policy;
    }

    fn user(&self) -> &str {
        Store::user(self)
    }

    fn is_demo(&self) -> bool {
        Store::is_demo(self)
    }

    fn head(&self) -> Head {
        Head {
            seq: self.last_seq(),
            hash: self.head_hash().to_string(),
        }
    }

    fn name(&self) -> String {
        self.register_name()
    }

    fn notice(&self, lang: Lang) -> Option<(String, bool)> {
        self.open_notice(lang)
    }

    fn flush(&self) -> Result<(), StoreError> {
        Store::flush(self)
    }

    fn check_chain(&self) -> ChainCheck {
        self.check_chain_in_background()
    }
}
