//! The list's behandelaar filter (issue 22): every case, my cases, the cases awaiting a second
//! handler's approval, or one handler's cases — one field of the list's [`super::filter::Filters`].

use crate::domain::Summary;

/// Which cases the list shows by their behandelaar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum HandlerFilter {
    /// Every case.
    #[default]
    Alle,
    /// The cases of the user of this session ("mijn zaken").
    Mijn,
    /// The cases with a proposal awaiting a second handler.
    WachtOpGoedkeuring,
    /// The cases of this behandelaar.
    Van(String),
}

impl HandlerFilter {
    /// Whether the list shows a case; `me` is the session's user.
    pub fn shows(&self, s: &Summary, me: &str) -> bool {
        match self {
            HandlerFilter::Alle => true,
            HandlerFilter::Mijn => s.handler == me,
            HandlerFilter::WachtOpGoedkeuring => s.awaiting_approval,
            HandlerFilter::Van(h) => s.handler == *h,
        }
    }

    /// The cycle `h` walks: all, mine, awaiting approval, then each handler of the register.
    pub fn cycle<'a>(summaries: impl IntoIterator<Item = &'a Summary>) -> Vec<HandlerFilter> {
        let handlers: std::collections::BTreeSet<&str> =
            summaries.into_iter().map(|s| s.handler.as_str()).collect();
        let mut v = vec![
            HandlerFilter::Alle,
            HandlerFilter::Mijn,
            HandlerFilter::WachtOpGoedkeuring,
        ];
        v.extend(
            handlers
                .into_iter()
                .map(|h| HandlerFilter::Van(h.to_string())),
        );
        v
    }

    /// The next (or previous) selection of the cycle after `self`.
    pub fn step(&self, cycle: &[HandlerFilter], forward: bool) -> HandlerFilter {
        let n = cycle.len().max(1);
        let at = cycle.iter().position(|f| f == self).unwrap_or(0);
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        cycle.get(next).cloned().unwrap_or_default()
    }
}
