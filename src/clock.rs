//! The one clock of the app: the system's time, or a fixed instant on a demo register.
//!
//! Everything the app shows as "now" or "today" comes from a [`Clock`], so tests, the demo and
//! the headless driver can set the date. This file holds the only `Utc::now()` of the codebase.

use chrono::{DateTime, Utc};

/// Where the app's "now" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The system's clock: the real time, always on a real register.
    System,
    /// A fixed instant (`--now`, a script's `now`): only on a demo register.
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => *t,
        }
    }

    /// Whether the clock was set by hand.
    pub fn is_fixed(&self) -> bool {
        matches!(self, Clock::Fixed(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_fixed_clock_stands_still() {
        let t = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).single();
        let Some(t) = t else {
            panic!("valid instant");
        };
        let c = Clock::Fixed(t);
        assert_eq!(c.now(), t);
        assert!(c.is_fixed());
        assert!(!Clock::System.is_fixed());
    }
}
