//! The case list (home): the summaries in urgency order, the header's counts, the search and
//! the kind and status filters, the selection and how far the list is scrolled.

use chrono::{DateTime, Utc};
use std::sync::Arc;

use super::filter::{Filters, StatusFilter, step};
use super::{Action, App};
use crate::domain::deadline::{Level, amsterdam_date};
use crate::domain::{CaseId, CaseKind, Status, Summary};

/// The header's counts over the whole register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Active cases.
    pub open: usize,
    /// Active cases due soon.
    pub bijna: usize,
    /// Active cases past a deadline.
    pub te_laat: usize,
    /// Cases waiting for the requester.
    pub wachtend: usize,
    /// Active datalekken whose AP duty (notify, or reason not to) is still open.
    pub breaches: usize,
    /// The nearest 72-hour mark among them: the header shows its hours and minutes left.
    pub breach_next: Option<DateTime<Utc>>,
}

/// The case list's state: the register's summaries, their urgency order, the rows the filters
/// and the search show, the selection and the scroll.
#[derive(Debug)]
pub(super) struct CaseList {
    pub(super) summaries: Vec<Arc<Summary>>,
    /// Lowercased id, requester and child of each summary, for the search; made at the first
    /// search (a prefix of `summaries`, filled up before each search).
    pub(super) haystacks: Vec<String>,
    /// Indices into `summaries` in urgency order.
    pub(super) order: Vec<usize>,
    /// Indices into `summaries` of the rows shown, in urgency order.
    pub(super) visible: Vec<usize>,
    pub(super) selected: usize,
    pub(super) search: String,
    /// Rows the search shows by their id although the status filter hides them (a closed
    /// case found by its number): the list says so.
    pub(super) shown_by_id: usize,
    pub(super) searching: bool,
    /// The filters in force (kind, status, urgency, decision, year).
    pub(super) filters: Filters,
    /// The cases have more than one behandelaar: the list shows the column (issue 22). Found
    /// when the rows are refiltered, so drawing a frame does not scan every case.
    pub(super) many_handlers: bool,
    pub(super) counts: Counts,
    /// The rows a page holds (the screen's height less the chrome).
    pub(super) page: usize,
    /// The instant of the last full sort: the keys and counts of `order` are as of then.
    pub(super) sorted_at: DateTime<Utc>,
    pub(super) offset: usize,
}

impl Default for CaseList {
    fn default() -> Self {
        CaseList {
            summaries: Vec::new(),
            haystacks: Vec::new(),
            order: Vec::new(),
            visible: Vec::new(),
            selected: 0,
            search: String::new(),
            shown_by_id: 0,
            searching: false,
            filters: Filters::default(),
            many_handlers: false,
            counts: Counts::default(),
            page: 20,
            offset: 0,
            sorted_at: DateTime::<Utc>::MIN_UTC,
        }
    }
}

impl Counts {
    /// Counts a case at its urgency level.
    fn add(&mut self, s: &Summary, level: Level) {
        if s.status.is_active() {
            self.open += 1;
            match level {
                Level::TeLaat => self.te_laat += 1,
                Level::Bijna => self.bijna += 1,
                _ => {}
            }
        }
        if s.status == Status::Wachtend {
            self.wachtend += 1;
        }
        if let Some(due) = open_breach(s) {
            self.breaches += 1;
            self.breach_next = Some(self.breach_next.map_or(due, |n| n.min(due)));
        }
    }

    /// Takes a case's share away again; true when it held the nearest 72-hour mark (which
    /// must then be looked for among the others).
    fn remove(&mut self, s: &Summary, level: Level) -> bool {
        if s.status.is_active() {
            self.open = self.open.saturating_sub(1);
            match level {
                Level::TeLaat => self.te_laat = self.te_laat.saturating_sub(1),
                Level::Bijna => self.bijna = self.bijna.saturating_sub(1),
                _ => {}
            }
        }
        if s.status == Status::Wachtend {
            self.wachtend = self.wachtend.saturating_sub(1);
        }
        match open_breach(s) {
            Some(due) => {
                self.breaches = self.breaches.saturating_sub(1);
                self.breach_next == Some(due)
            }
            None => false,
        }
    }
}

/// An active datalek's 72-hour mark while its AP duty is still open.
fn open_breach(s: &Summary) -> Option<DateTime<Utc>> {
    s.breach_due
        .filter(|_| s.status.is_active() && !s.breach_done)
}

/// The nearest open 72-hour mark among the summaries but the one at `skip`.
fn next_breach(summaries: &[Arc<Summary>], skip: usize) -> Option<DateTime<Utc>> {
    summaries
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != skip)
        .filter_map(|(_, s)| open_breach(s))
        .min()
}

/// Rows of the screen that are not list rows (header, filters, table header, status, footer):
/// the page size for PgUp/PgDn, and the rows the list shows, is the height minus these.
pub const CHROME_ROWS: u16 = 5;

impl App {
    /// The rows shown, in urgency order.
    pub fn visible(&self) -> impl ExactSizeIterator<Item = &Summary> {
        self.list.visible.iter().map(|&i| &*self.list.summaries[i])
    }

    /// The number of cases in the register.
    pub fn total_len(&self) -> usize {
        self.list.summaries.len()
    }

    /// The number of rows shown.
    pub fn visible_len(&self) -> usize {
        self.list.visible.len()
    }

    /// The position of the selected row among those shown.
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// The first row in view: the list scrolls only when the selection would leave the page.
    pub fn offset(&self) -> usize {
        self.list.offset
    }

    /// The selected case, if any row is shown.
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.list
            .visible
            .get(self.list.selected)
            .map(|&i| &*self.list.summaries[i])
    }

    /// The summary of a case.
    pub fn summary(&self, id: CaseId) -> Option<&Summary> {
        self.list
            .summaries
            .iter()
            .find(|s| s.id == id)
            .map(|s| &**s)
    }

    /// The search text.
    pub fn search(&self) -> &str {
        &self.list.search
    }

    /// How many rows the search shows by their id although the status filter hides them.
    pub fn shown_by_id(&self) -> usize {
        self.list.shown_by_id
    }

    /// Whether the search box has focus.
    pub fn searching(&self) -> bool {
        self.list.searching
    }

    /// The kind shown, or all.
    pub fn kind_filter(&self) -> Option<CaseKind> {
        self.list.filters.kind
    }

    /// The statuses shown.
    pub fn status_filter(&self) -> StatusFilter {
        self.list.filters.status
    }

    /// Every filter in force.
    pub fn filters(&self) -> &Filters {
        &self.list.filters
    }

    /// The years of receipt in the register, newest first: what the year filter walks.
    pub fn years(&self) -> Vec<i32> {
        use chrono::Datelike;
        let mut years: Vec<i32> = self
            .list
            .summaries
            .iter()
            .map(|s| s.received.year())
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The header's counts.
    pub fn counts(&self) -> Counts {
        self.list.counts
    }

    /// What an action does on the list (and in its search box).
    pub(super) fn update_list(&mut self, action: Action) {
        use Action as A;
        let (selected, page) = (self.list.selected, self.list.page);
        match action {
            A::Up => self.select(selected.saturating_sub(1)),
            A::Down => self.select(selected.saturating_add(1)),
            A::PageUp => self.select(selected.saturating_sub(page)),
            A::PageDown => self.select(selected.saturating_add(page)),
            A::Top => self.select(0),
            A::Bottom => self.select(usize::MAX),
            A::Open => self.open(),
            A::Back => self.back(),
            A::Checklist => self.open_checklist(),
            A::NewRequest => self.open_request_form(),
            A::NewBreach => self.open_breach_form(),
            A::Breaches => self.open_breaches(),
            A::NextKind | A::PrevKind => self.step_kind_filter(action == A::NextKind),
            A::OnlyBreaches => self.toggle_breach_filter(),
            A::NextStatus | A::PrevStatus => self.step_status_filter(action == A::NextStatus),
            A::NextUrgency => {
                self.list.filters.step_urgency();
                self.refilter();
            }
            A::NextDecision | A::PrevDecision => {
                self.list.filters.step_decision(action == A::NextDecision);
                self.refilter();
            }
            A::NextYear | A::PrevYear => {
                let years = self.years();
                self.list.filters.step_year(&years, action == A::NextYear);
                self.refilter();
            }
            A::Overview => self.open_overview(),
            A::NextHandler | A::PrevHandler => self.step_handler_filter(action == A::NextHandler),
            _ => self.update_search(action),
        }
    }

    /// What an action does to the search box.
    fn update_search(&mut self, action: Action) {
        let list = &mut self.list;
        match action {
            // `/` again starts a new search.
            Action::SearchStart => {
                list.searching = true;
                if list.search.is_empty() {
                    return;
                }
                list.search.clear();
            }
            Action::SearchDone => return list.searching = false,
            Action::SearchCancel => {
                list.searching = false;
                list.search.clear();
            }
            Action::SearchBackspace => {
                list.search.pop();
            }
            Action::SearchChar(c) => list.search.push(c),
            _ => return,
        }
        self.refilter();
    }

    /// Reads every summary and rebuilds the list.
    pub(super) fn load(&mut self) {
        self.list.summaries = self.store.summaries();
        self.list.haystacks.clear();
        self.resort();
    }

    /// Takes the summaries a save returned (replacing the list's copies, or adding new cases)
    /// without reading the register and without sorting everything again: each changed row
    /// moves to its place by a binary search on its key (the key ends in the case id, so the
    /// place is the one a full sort gives), and the counts change by its old and new share.
    /// Keys and counts are those of the last full sort's instant; the next tick sorts anew.
    pub(super) fn take_summaries(&mut self, changed: &[Arc<Summary>]) {
        if changed.is_empty() {
            return;
        }
        let now = self.list.sorted_at;
        let today = amsterdam_date(now);
        for fresh in changed {
            let list = &mut self.list;
            let at = match list.summaries.iter().position(|s| s.id == fresh.id) {
                Some(i) => {
                    let old = Arc::clone(&list.summaries[i]);
                    let (_, level) = old.urgency(now, today);
                    if list.counts.remove(&old, level) {
                        list.counts.breach_next = next_breach(&list.summaries, i);
                    }
                    if let Some(p) = list.order.iter().position(|&j| j == i) {
                        list.order.remove(p);
                    }
                    if let Some(h) = list.haystacks.get_mut(i) {
                        *h = haystack(fresh);
                    }
                    list.summaries[i] = Arc::clone(fresh);
                    i
                }
                None => {
                    list.summaries.push(Arc::clone(fresh));
                    list.summaries.len() - 1
                }
            };
            let (key, level) = fresh.urgency(now, today);
            list.counts.add(fresh, level);
            let summaries = &list.summaries;
            let place = list
                .order
                .partition_point(|&j| summaries[j].urgency(now, today).0 < key);
            list.order.insert(place, at);
        }
        self.refilter();
    }

    /// Sorts by urgency at `now`, recounts the header, and refilters, keeping the selected case.
    pub(super) fn resort(&mut self) {
        let now = self.now;
        let today = amsterdam_date(now);
        let mut keyed: Vec<_> = self
            .list
            .summaries
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (key, level) = s.urgency(now, today);
                (key, level, i)
            })
            .collect();
        keyed.sort_unstable_by_key(|k| k.0);
        let mut counts = Counts::default();
        for (_, level, i) in &keyed {
            counts.add(&self.list.summaries[*i], *level);
        }
        self.list.counts = counts;
        self.list.sorted_at = now;
        self.list.order = keyed.into_iter().map(|(_, _, i)| i).collect();
        self.refilter();
    }

    /// Makes the search text of the summaries that have none yet: on the first search, not at
    /// start (at 100,000 cases that is a sixth of the time to the first frame).
    fn fill_haystacks(&mut self) {
        let have = self.list.haystacks.len();
        self.list
            .haystacks
            .extend(self.list.summaries[have..].iter().map(|s| haystack(s)));
    }

    /// Recomputes the rows shown from the filters and the search, keeping the selected case
    /// selected when it is still shown.
    pub(super) fn refilter(&mut self) {
        let keep = self.selected_summary().map(|s| s.id);
        let summaries = &self.list.summaries;
        self.list.many_handlers = summaries
            .first()
            .is_some_and(|f| summaries.iter().any(|s| s.handler != f.handler));
        let needle = fold(&self.list.search);
        let needle = needle.trim();
        // A case number (letters, digits and dashes, with a digit) finds its case whatever the
        // status filter: a closed case asked about on the phone.
        let by_id = needle.chars().any(|c| c.is_ascii_digit())
            && needle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !needle.is_empty() {
            self.fill_haystacks();
        }
        let filters = self.list.filters.clone();
        let status = filters.status;
        let now = self.list.sorted_at;
        let today = amsterdam_date(now);
        let me = self.store.user();
        let mut shown_by_id = 0;
        self.list.visible = self
            .list
            .order
            .iter()
            .copied()
            .filter(|&i| {
                let s = &self.list.summaries[i];
                let level = if filters.needs_level() {
                    s.urgency(now, today).1
                } else {
                    Level::Voldaan
                };
                if !filters.passes(s, level, me) {
                    return false;
                }
                if needle.is_empty() {
                    return status.shows(s.status);
                }
                if !self.list.haystacks[i].contains(needle) {
                    return false;
                }
                if status.shows(s.status) {
                    return true;
                }
                let id_hit = by_id && s.id.to_string().to_lowercase().contains(needle);
                shown_by_id += usize::from(id_hit);
                id_hit
            })
            .collect();
        self.list.shown_by_id = shown_by_id;
        let at = keep.and_then(|id| {
            self.list
                .visible
                .iter()
                .position(|&i| self.list.summaries[i].id == id)
        });
        self.select(at.unwrap_or(0));
    }

    /// Selects row `at` of those shown (clamped), scrolling the list only as far as the
    /// selection needs.
    pub(super) fn select(&mut self, at: usize) {
        self.list.selected = at.min(self.list.visible.len().saturating_sub(1));
        if self.list.selected < self.list.offset {
            self.list.offset = self.list.selected;
        } else if self.list.selected >= self.list.offset + self.list.page {
            self.list.offset = self.list.selected + 1 - self.list.page;
        }
        // Never leave empty rows at the bottom while there are rows above.
        self.list.offset = self
            .list
            .offset
            .min(self.list.visible.len().saturating_sub(self.list.page));
    }

    /// Shows the next (or the previous) kind: all kinds, then each kind in turn.
    pub(super) fn step_kind_filter(&mut self, forward: bool) {
        let mut cycle = vec![None];
        cycle.extend(CaseKind::ALL.map(Some));
        self.list.filters.kind = step(&cycle, self.list.filters.kind, forward);
        self.refilter();
    }

    /// Shows only the datalekken, or (when it already does) every kind again.
    pub(super) fn toggle_breach_filter(&mut self) {
        self.list.filters.kind = match self.list.filters.kind {
            Some(CaseKind::Datalek) => None,
            _ => Some(CaseKind::Datalek),
        };
        self.refilter();
    }

    /// Shows the next (or the previous) behandelaar selection (issue 22).
    pub(super) fn step_handler_filter(&mut self, forward: bool) {
        use super::handler_filter::HandlerFilter;
        let cycle = HandlerFilter::cycle(self.list.summaries.iter().map(|s| s.as_ref()));
        self.list.filters.handler = self.list.filters.handler.step(&cycle, forward);
        self.refilter();
    }

    /// Whether the list shows each case's behandelaar: on a team's register, or once the
    /// cases have more than one (issue 22).
    pub fn shows_handlers(&self) -> bool {
        self.store.role().is_some() || self.list.many_handlers
    }

    /// The behandelaar filter in force (issue 22).
    pub fn handler_filter(&self) -> &super::handler_filter::HandlerFilter {
        &self.list.filters.handler
    }

    /// Shows the next (or the previous) statuses of the cycle: active, all, then each status.
    pub(super) fn step_status_filter(&mut self, forward: bool) {
        let cycle = StatusFilter::cycle();
        self.list.filters.status = step(&cycle, self.list.filters.status, forward);
        self.refilter();
    }
}

/// What the search looks in: the id, requester and child of a case, and the words for its
/// kind, status and decision (Dutch and English), folded by [`fold`].
fn haystack(s: &Summary) -> String {
    use crate::i18n::{Lang, domain as names};
    let mut words = Vec::new();
    for lang in [Lang::Nl, Lang::En] {
        words.push(names::kind(s.kind, lang));
        words.push(names::status(s.status, lang));
        if let Some(d) = s.decision {
            words.push(names::decision(d, lang));
        }
        // The list's tags find their cases: `/beperking` lists the restrictions in force.
        if s.restriction {
            words.push(crate::i18n::ui::UiMsg::TagRestriction.text(lang));
        }
        if s.review {
            words.push(crate::i18n::ui::UiMsg::TagReview.text(lang));
        }
    }
    fold(&format!(
        "{}\n{}\n{}\n{}",
        s.id,
        s.party,
        s.child,
        words.join("\n")
    ))
}

/// Text as the search compares it: lower case, without diacritics (`Zoë` reads `zoe`,
/// `Yılmaz` reads `yilmaz`, `Ærø` reads `aero`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        // Combining marks (a decomposed é is e + U+0301) are dropped.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ĥ' | 'ħ' => "h",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ĳ' => "ij",
            'ĵ' => "j",
            'ķ' => "k",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'œ' => "oe",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ß' => "ss",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ŵ' => "w",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}
