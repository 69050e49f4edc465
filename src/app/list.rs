//! The case list (home): the summaries in urgency order, the header's counts, the search and
//! the kind and status filters, the selection and how far the list is scrolled.

use chrono::{DateTime, Utc};

use super::App;
use crate::domain::deadline::{Level, amsterdam_date};
use crate::domain::{CaseId, CaseKind, Status, Summary};

/// Which statuses the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// The cases that still need work (the default).
    #[default]
    Actief,
    /// Every case.
    Alle,
    /// One status.
    Is(Status),
}

impl StatusFilter {
    /// The cycle `s` walks: active, all, then each status.
    fn cycle() -> Vec<StatusFilter> {
        let mut v = vec![StatusFilter::Actief, StatusFilter::Alle];
        v.extend(Status::ALL.map(StatusFilter::Is));
        v
    }

    /// Whether a case of this status is shown.
    pub fn shows(self, status: Status) -> bool {
        match self {
            StatusFilter::Actief => status.is_active(),
            StatusFilter::Alle => true,
            StatusFilter::Is(s) => s == status,
        }
    }
}

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

/// Rows of the screen that are not list rows (header, filters, table header, status, footer):
/// the page size for PgUp/PgDn, and the rows the list shows, is the height minus these.
pub const CHROME_ROWS: u16 = 5;

impl App {
    /// The rows shown, in urgency order.
    pub fn visible(&self) -> impl ExactSizeIterator<Item = &Summary> {
        self.visible.iter().map(|&i| &*self.summaries[i])
    }

    /// The number of cases in the register.
    pub fn total_len(&self) -> usize {
        self.summaries.len()
    }

    /// The number of rows shown.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The position of the selected row among those shown.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row in view: the list scrolls only when the selection would leave the page.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The selected case, if any row is shown.
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.visible
            .get(self.selected)
            .map(|&i| &*self.summaries[i])
    }

    /// The summary of a case.
    pub fn summary(&self, id: CaseId) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.id == id).map(|s| &**s)
    }

    /// The search text.
    pub fn search(&self) -> &str {
        &self.search
    }

    /// How many rows the search shows by their id although the status filter hides them.
    pub fn shown_by_id(&self) -> usize {
        self.shown_by_id
    }

    /// Whether the search box has focus.
    pub fn searching(&self) -> bool {
        self.searching
    }

    /// The kind shown, or all.
    pub fn kind_filter(&self) -> Option<CaseKind> {
        self.kind_filter
    }

    /// The statuses shown.
    pub fn status_filter(&self) -> StatusFilter {
        self.status_filter
    }

    /// The header's counts.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Reads every summary and rebuilds the list.
    pub(super) fn load(&mut self) {
        self.summaries = self.store.shared_summaries();
        self.haystacks.clear();
        self.resort();
    }

    /// Takes case `id`'s summary from the register after a save (replacing the list's copy,
    /// or adding a new case) and re-sorts: one case read, not every summary again.
    pub(super) fn refresh_summary(&mut self, id: CaseId) {
        let Some(fresh) = self.store.summary(id) else {
            return self.load();
        };
        match self.summaries.iter().position(|s| s.id == id) {
            Some(i) => {
                if let Some(h) = self.haystacks.get_mut(i) {
                    *h = haystack(&fresh);
                }
                self.summaries[i] = fresh;
            }
            None => self.summaries.push(fresh),
        }
        self.resort();
    }

    /// Sorts by urgency at `now`, recounts the header, and refilters, keeping the selected case.
    pub(super) fn resort(&mut self) {
        let now = self.now;
        let today = amsterdam_date(now);
        let mut keyed: Vec<_> = self
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
            let s = &self.summaries[*i];
            if s.status.is_active() {
                counts.open += 1;
                match level {
                    Level::TeLaat => counts.te_laat += 1,
                    Level::Bijna => counts.bijna += 1,
                    _ => {}
                }
            }
            if s.status == Status::Wachtend {
                counts.wachtend += 1;
            }
            if s.status.is_active()
                && !s.breach_done
                && let Some(due) = s.breach_due
            {
                counts.breaches += 1;
                counts.breach_next = Some(counts.breach_next.map_or(due, |n| n.min(due)));
            }
        }
        self.counts = counts;
        self.order = keyed.into_iter().map(|(_, _, i)| i).collect();
        self.refilter();
    }

    /// Makes the search text of the summaries that have none yet: on the first search, not at
    /// start (at 100,000 cases that is a sixth of the time to the first frame).
    fn fill_haystacks(&mut self) {
        let have = self.haystacks.len();
        self.haystacks
            .extend(self.summaries[have..].iter().map(|s| haystack(s)));
    }

    /// Recomputes the rows shown from the filters and the search, keeping the selected case
    /// selected when it is still shown.
    pub(super) fn refilter(&mut self) {
        let keep = self.selected_summary().map(|s| s.id);
        let needle = fold(&self.search);
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
        let (kind, status) = (self.kind_filter, self.status_filter);
        let mut shown_by_id = 0;
        self.visible = self
            .order
            .iter()
            .copied()
            .filter(|&i| {
                let s = &self.summaries[i];
                if kind.is_some_and(|k| k != s.kind) {
                    return false;
                }
                if needle.is_empty() {
                    return status.shows(s.status);
                }
                if !self.haystacks[i].contains(needle) {
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
        self.shown_by_id = shown_by_id;
        let at = keep.and_then(|id| {
            self.visible
                .iter()
                .position(|&i| self.summaries[i].id == id)
        });
        self.select(at.unwrap_or(0));
    }

    /// Selects row `at` of those shown (clamped), scrolling the list only as far as the
    /// selection needs.
    pub(super) fn select(&mut self, at: usize) {
        self.selected = at.min(self.visible.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.page {
            self.offset = self.selected + 1 - self.page;
        }
        // Never leave empty rows at the bottom while there are rows above.
        self.offset = self
            .offset
            .min(self.visible.len().saturating_sub(self.page));
    }

    /// Shows the next (or the previous) kind: all kinds, then each kind in turn.
    pub(super) fn step_kind_filter(&mut self, forward: bool) {
        let mut cycle = vec![None];
        cycle.extend(CaseKind::ALL.map(Some));
        self.kind_filter = step(&cycle, self.kind_filter, forward);
        self.refilter();
    }

    /// Shows only the datalekken, or (when it already does) every kind again.
    pub(super) fn toggle_breach_filter(&mut self) {
        self.kind_filter = match self.kind_filter {
            Some(CaseKind::Datalek) => None,
            _ => Some(CaseKind::Datalek),
        };
        self.refilter();
    }

    /// Shows the next (or the previous) statuses of the cycle: active, all, then each status.
    pub(super) fn step_status_filter(&mut self, forward: bool) {
        let cycle = StatusFilter::cycle();
        self.status_filter = step(&cycle, self.status_filter, forward);
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

/// The value after (or before) `current` in a cycle.
fn step<T: PartialEq + Copy>(cycle: &[T], current: T, forward: bool) -> T {
    let n = cycle.len();
    let at = cycle.iter().position(|c| *c == current).unwrap_or(0);
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    cycle.get(next).copied().unwrap_or(current)
}
