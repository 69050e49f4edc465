//! Reading a field as what it holds (required text, a date, an instant, a whole number), with
//! the reason at the field when it is not one; and the date grammar Dutch forms use.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Form, Input};
use crate::domain::instant::{InstantError, parse_date, parse_instant};
use crate::i18n::Lang;
use crate::i18n::form::FormMsg;

impl Form {
    /// Field `i`'s text, or `None` with "verplicht" at the field when it is required and empty.
    pub fn required_text(&mut self, i: usize, lang: Lang) -> Option<String> {
        let value = self.text(i);
        let required = self.fields.get(i).is_some_and(|f| f.required);
        if value.is_empty() && required {
            self.set_error(i, FormMsg::Required.text(lang).to_string());
            return None;
        }
        Some(value)
    }

    /// Field `i` read as a date; `None` with the reason at the field when it is not one (or is
    /// required and empty). An empty optional field is `Some(None)`.
    pub fn date(&mut self, i: usize, lang: Lang) -> Option<Option<NaiveDate>> {
        let value = self.required_text(i, lang)?;
        if value.is_empty() {
            return Some(None);
        }
        match read_date(&value) {
            Ok(d) => Some(Some(d)),
            Err(e) => {
                self.set_error(i, date_error(e, lang));
                None
            }
        }
    }

    /// Field `i` read as a whole number; `None` with the reason at the field when it is not one.
    /// An empty optional field is `Some(None)`.
    pub fn number(&mut self, i: usize, lang: Lang) -> Option<Option<u64>> {
        let value = self.required_text(i, lang)?;
        if value.is_empty() {
            return Some(None);
        }
        match value.parse() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                self.set_error(i, FormMsg::NumberForm.text(lang).to_string());
                None
            }
        }
    }

    /// Whether field `i` reads as what it holds (a date, an instant, a number; text and choices
    /// always do), leaving the reason at the field when it does not.
    pub fn check(&mut self, i: usize, lang: Lang) -> bool {
        match self.fields.get(i).map(|f| &f.input) {
            Some(Input::Date(_)) => self.date(i, lang).is_some(),
            Some(Input::Instant(_)) => self.instant(i, lang).is_some(),
            Some(Input::Number(_)) => self.number(i, lang).is_some(),
            Some(Input::Several { chosen, .. }) if !chosen.contains(&true) => {
                self.set_error(i, FormMsg::ChoiceNone.text(lang).to_string());
                false
            }
            Some(Input::Several { .. }) => true,
            Some(Input::Choice { options, at, .. }) if *at >= options.len() => {
                let keys = super::Field::choice_keys();
                self.set_error(i, FormMsg::ChoiceNone.fill(lang, &[("keys", &keys)]));
                false
            }
            _ => self.required_text(i, lang).is_some(),
        }
    }

    /// Field `i` read as an instant (Amsterdam time unless an offset is written); `None` with
    /// the reason at the field when it is not one. An empty optional field is `Some(None)`.
    pub fn instant(&mut self, i: usize, lang: Lang) -> Option<Option<DateTime<Utc>>> {
        let value = self.required_text(i, lang)?;
        if value.is_empty() {
            return Some(None);
        }
        let typed = value.replacen(' ', "T", 1);
        match parse_instant(&typed) {
            Ok(t) => Some(Some(t)),
            Err(e) => {
                let msg = match e {
                    InstantError::ImpossibleDate => FormMsg::DateImpossible,
                    InstantError::ImpossibleTime | InstantError::ImpossibleOffset => {
                        FormMsg::TimeImpossible
                    }
                    InstantError::NonexistentInAmsterdam => FormMsg::TimeSkipped,
                    InstantError::Malformed | InstantError::MissingTime => FormMsg::InstantForm,
                };
                self.set_error(i, msg.text(lang).to_string());
                None
            }
        }
    }
}

/// A typed date: `YYYY-MM-DD`, or `D-M-YYYY` / `DD-MM-YYYY` (also with `/` or `.`), the way
/// Dutch forms write dates.
pub fn read_date(text: &str) -> Result<NaiveDate, InstantError> {
    let text = text.trim();
    match parse_date(text) {
        Err(InstantError::Malformed) => {}
        iso => return iso,
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(InstantError::Malformed);
    };
    let number = |s: &str, max_len: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(d), Some(m), Some(y)) = (number(d, 2), number(m, 2), number(y, 4)) else {
        return Err(InstantError::Malformed);
    };
    if y < 1000 {
        return Err(InstantError::Malformed);
    }
    let y = i32::try_from(y).map_err(|_| InstantError::Malformed)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(InstantError::ImpossibleDate)
}

fn date_error(e: InstantError, lang: Lang) -> String {
    match e {
        InstantError::ImpossibleDate => FormMsg::DateImpossible,
        _ => FormMsg::DateForm,
    }
    .text(lang)
    .to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::app::form::Field;
    use crate::app::form::testing::{form, type_into};

    #[test]
    fn a_number_field_reads_a_whole_number() {
        let mut f = Form::new(vec![Field::number("aantal").filled("4x").required()]);
        assert!(!f.check(0, Lang::Nl));
        assert!(f.fields()[0].error().unwrap().contains("heel getal"));
        type_into(&mut f, "<BS>0");
        assert!(f.check(0, Lang::Nl));
        assert_eq!(f.number(0, Lang::Nl), Some(Some(40)));
    }

    #[test]
    fn dates_read_both_ways_and_errors_land_at_the_field() {
        assert_eq!(read_date("2026-11-23"), Ok("2026-11-23".parse().unwrap()));
        assert_eq!(read_date("23-11-2026"), Ok("2026-11-23".parse().unwrap()));
        assert_eq!(read_date("3/2/2027"), Ok("2027-02-03".parse().unwrap()));
        assert_eq!(read_date("30-02-2027"), Err(InstantError::ImpossibleDate));
        assert_eq!(read_date("23-11-26"), Err(InstantError::Malformed));
        assert_eq!(read_date("morgen"), Err(InstantError::Malformed));
        let mut f = form();
        f.set_focus(1);
        type_into(&mut f, "2026-13-01");
        assert_eq!(f.date(1, Lang::Nl), None);
        assert_eq!(f.fields()[1].error(), Some("deze datum bestaat niet"));
        // Typing again clears the message.
        type_into(&mut f, "<BS>");
        assert_eq!(f.fields()[1].error(), None);
        // Required and empty.
        assert_eq!(f.required_text(0, Lang::En), None);
        assert_eq!(f.fields()[0].error(), Some("required: fill this in"));
        assert_eq!(f.first_error(), Some(0));
        f.clear_errors();
        assert!(!f.has_errors());
    }

    #[test]
    fn instants_read_in_amsterdam_time() {
        let mut f = Form::new(vec![Field::instant("bekend sinds", None)]);
        type_into(&mut f, "2027-03-26<Space>16:00");
        let t = f.instant(0, Lang::Nl).unwrap().unwrap();
        assert_eq!(t.to_rfc3339(), "2027-03-26T15:00:00+00:00");
        let mut f = Form::new(vec![Field::instant("x", None)]);
        type_into(&mut f, "2027-03-28<Space>02:30");
        assert_eq!(f.instant(0, Lang::Nl), None);
        assert!(f.fields()[0].error().unwrap().contains("zomertijd"));
    }
}
