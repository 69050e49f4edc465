//! The live team (issue 20): what others did, taken in between key presses. The drivers call
//! [`App::refresh`] — the terminal whenever it waited ~100 ms for a key, headless before each
//! `screen` and `expect` — and the app takes others' saves in place as it takes its own (the
//! list, its counts, an open case, a prompt being filled kept as typed), shows who else has a
//! case open, and turns read-only while the register's connection is lost.
//!
//! A refresh reads and never writes: no journal line, no "ingezien".

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::App;
use super::screen::{Screen, View};
use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, Event};
use crate::i18n::postgres::PgMsg;
use crate::store::{CaughtUp, Change, Live, LiveEvent, Presence};

/// The app's side of a live register.
#[derive(Debug, Default)]
pub(super) struct LiveState {
    /// The register's reports; `None` on a register of one writer.
    live: Option<Live>,
    /// Who else has which case open.
    others: Vec<Presence>,
    /// The case the others were last told this workbench has open.
    told: Option<Option<CaseId>>,
    /// The head seq the app is known to be current with (its own saves and catch-ups).
    pub(super) head: u64,
    /// When the connection was lost (the message on its return says from when).
    lost_at: Option<DateTime<Utc>>,
}

impl App {
    /// Starts the register's reports (a register of one writer has none).
    pub(super) fn start_live(&mut self) {
        self.live.head = self.store.head().seq;
        self.live.live = self.store.live();
    }

    /// The others who have case `id` open, by name (each once, in order).
    pub fn also_open(&self, id: CaseId) -> Vec<&str> {
        let names: BTreeSet<&str> = self
            .live
            .others
            .iter()
            .filter(|p| p.case == id)
            .map(|p| p.user.as_str())
            .collect();
        names.into_iter().collect()
    }

    /// The case this workbench has open: the one the screen in view is about.
    fn open_case(&self) -> Option<CaseId> {
        let screen = match self.screen() {
            Screen::Help => self.screen_below(),
            s => s,
        };
        match screen {
            Screen::Detail(id) | Screen::Checklist(id) | Screen::ApForm(id) => Some(id),
            _ => None,
        }
    }

    /// Takes what the register reported since the last call: tells the others which case is
    /// open, takes who else has which case open, and catches up with others' saves — always
    /// when `force` (headless, before each `screen` and `expect`: one read of the head), else
    /// when the register said someone saved or the connection is back. Never blocks on the
    /// network longer than one catch-up. Returns whether anything on screen may have changed.
    pub fn refresh(&mut self, force: bool) -> bool {
        let open = self.open_case();
        if let Some(live) = &self.live.live
            && self.live.told != Some(open)
        {
            live.set_open(open);
            self.live.told = Some(open);
        }
        let mut catch = force;
        let mut back = false;
        let mut changed = false;
        while let Some(event) = self.live.live.as_ref().and_then(Live::next) {
            match event {
                LiveEvent::Saved(seq) => catch |= seq > self.live.head,
                LiveEvent::Present(p) => {
                    changed |= p != self.live.others;
                    self.live.others = p;
                }
                LiveEvent::Lost => {
                    self.read_clock();
                    self.live.lost_at.get_or_insert(self.now);
                    changed = true;
                }
                LiveEvent::Back => {
                    catch = true;
                    back = true;
                    changed = true;
                }
            }
        }
        if catch {
            changed |= self.catch_up(back);
        }
        changed
    }

    /// Reads what others saved and takes it in place; on a connection that came back, says
    /// it was lost and that the screen is current again.
    fn catch_up(&mut self, back: bool) -> bool {
        // A register out of reach leaves the screen as it was: the banner says why.
        let Ok(up) = self.store.catch_up() else {
            return back;
        };
        self.live.head = self.live.head.max(up.head);
        let changed = !up.is_empty();
        if changed {
            self.take_others(&up);
        }
        if back {
            self.read_clock();
            let to = self.now;
            let from = self.live.lost_at.take().unwrap_or(to);
            let text = PgMsg::Back.fill(
                self.lang,
                &[
                    ("from", &self.clock_text(from)),
                    ("to", &self.clock_text(to)),
                    ("seq", &up.head.to_string()),
                ],
            );
            self.say(text, false);
        }
        changed || back
    }

    /// Others' changes in place: the list and its counts, every open screen of a changed case
    /// (its scroll, cursor and prompt kept), and on the case in view who changed it, when, and
    /// what.
    fn take_others(&mut self, up: &CaughtUp) {
        self.take_summaries(&up.changed);
        // A read ("ingezien") changes nothing a screen shows.
        let touched: BTreeSet<CaseId> = up
            .changes
            .iter()
            .flat_map(|c| {
                c.events
                    .iter()
                    .filter(|e| !is_read(e))
                    .filter_map(|e| e.case())
            })
            .chain(up.changed.iter().map(|s| s.id))
            .collect();
        let open: Vec<CaseId> = self
            .screens
            .iter()
            .filter_map(|v| match v.id() {
                Screen::Detail(id) | Screen::Checklist(id) | Screen::ApForm(id) => Some(id),
                _ => None,
            })
            .filter(|id| touched.contains(id))
            .collect();
        for id in open {
            self.reload_open(id);
        }
        self.reload_breaches(&touched);
        if !touched.is_empty() {
            self.rebuild_overviews();
        }
        if let Some(id) = self.open_case()
            && let Some(change) = up
                .changes
                .iter()
                .rev()
                .find(|c| c.events.iter().any(|e| !is_read(e) && e.case() == Some(id)))
        {
            let text = self.changed_by(id, change);
            self.say(text, true);
        }
    }

    /// Reads case `id` again for every screen showing it.
    fn reload_open(&mut self, id: CaseId) {
        let fresh = self
            .screens
            .iter()
            .any(|v| matches!(v.id(), Screen::Detail(d) if d == id))
            .then(|| self.read_case_view(id));
        let case = match self.store.case(id) {
            Ok(Some(c)) => Some(c),
            _ => None,
        };
        let today = self.today();
        for view in &mut self.screens {
            match view {
                View::Detail(v, _) if v.id == id => {
                    if let Some(mut f) = fresh.clone() {
                        f.scroll = v.scroll;
                        **v = f;
                    }
                }
                View::Checklist(c) if c.case.id == id => {
                    if let Some(case) = &case {
                        // A step the change hid leaves the cursor on the row where it was.
                        let row = c.cursor_row(&c.case.visible_steps(today));
                        let steps = case.visible_steps(today);
                        if !steps.iter().any(|s| s.id == c.cursor)
                            && let Some(s) = steps.get(row.min(steps.len().saturating_sub(1)))
                        {
                            c.cursor = s.id;
                        }
                        c.case = case.clone();
                    }
                }
                View::ApForm(c, _) if c.id == id => {
                    if let Some(case) = &case {
                        **c = case.clone();
                    }
                }
                _ => {}
            }
        }
    }

    /// The breach register in view shows the datalekken others changed as they are now.
    fn reload_breaches(&mut self, touched: &BTreeSet<CaseId>) {
        let mut fresh = Vec::new();
        for view in &self.screens {
            if let View::Breaches(cases, _) = view {
                for c in cases.iter().filter(|c| touched.contains(&c.id)) {
                    if let Ok(Some(case)) = self.store.case(c.id) {
                        fresh.push(case);
                    }
                }
            }
        }
        for view in &mut self.screens {
            if let View::Breaches(cases, _) = view {
                for c in cases.iter_mut() {
                    if let Some(f) = fresh.iter().find(|f| f.id == c.id) {
                        *c = f.clone();
                    }
                }
            }
        }
    }

    /// "<naam> heeft deze zaak om 10:42 gewijzigd: <wat>".
    fn changed_by(&self, id: CaseId, change: &Change) -> String {
        let what: Vec<String> = change
            .events
            .iter()
            .filter(|e| !is_read(e) && e.case() == Some(id))
            .map(|e| {
                // The history's label ("notitie:") stands alone here.
                let text = crate::i18n::detail::event(e, self.lang);
                text.trim_end_matches(':').to_string()
            })
            .collect();
        PgMsg::ChangedBy.fill(
            self.lang,
            &[
                ("user", &crate::domain::text::clean_line(&change.user)),
                ("at", &self.clock_text(change.at)),
                ("what", &what.join("; ")),
            ],
        )
    }

    /// An instant as the status line says it: the time in Amsterdam, with the date when it
    /// is not today.
    fn clock_text(&self, at: DateTime<Utc>) -> String {
        let local = at.with_timezone(&chrono_tz::Europe::Amsterdam);
        if amsterdam_date(at) == self.today() {
            local.format("%H:%M").to_string()
        } else {
            local.format("%Y-%m-%d %H:%M").to_string()
        }
    }
}

/// Whether an event only records that a case was read.
fn is_read(e: &Event) -> bool {
    matches!(e, Event::Viewed { .. })
}
