//! The team's lines of a case's detail (issue 22): its behandelaar, each proposal awaiting,
//! approved or sent back (saying the deadline keeps running while it waits), and the FG's
//! advice with the handler's answer.

use ratatui::text::Line;

use super::{field, heading};
use crate::domain::Case;
use crate::domain::case::{ProposalState, Subject};
use crate::i18n::Lang;
use crate::i18n::team::{self, TeamMsg};
use crate::ui::theme::Theme;

/// Adds the team's lines; `team` says the register has logins (the behandelaar is always
/// shown there; on a local register only once the case was reassigned).
pub(super) fn team_lines(
    out: &mut Vec<Line<'static>>,
    case: &Case,
    team: bool,
    theme: &Theme,
    lang: Lang,
) {
    if team || case.handler.is_some() {
        out.push(field(
            theme,
            TeamMsg::Handler.text(lang),
            case.behandelaar().to_string(),
        ));
    }
    for subject in [Subject::Besluit, Subject::Verlenging, Subject::NietMelden] {
        let Some(p) = case.proposal(subject) else {
            continue;
        };
        let what = team::subject(subject, lang);
        let (text, style) = match &p.state {
            ProposalState::Voorgesteld => (
                TeamMsg::Awaiting.fill(lang, &[("what", what), ("by", &p.by)]),
                theme.due_soon,
            ),
            ProposalState::Goedgekeurd {
                by,
                at,
                niet_geverifieerd,
                ..
            } => {
                let m = if *niet_geverifieerd {
                    TeamMsg::ApprovedUnverified
                } else {
                    TeamMsg::ApprovedBy
                };
                let date = crate::ui::text::instant(*at);
                (
                    m.fill(lang, &[("what", what), ("by", by), ("date", &date)]),
                    theme.text,
                )
            }
            ProposalState::Teruggestuurd { by, reason, .. } => (
                TeamMsg::SentBackBy.fill(lang, &[("what", what), ("by", by), ("why", reason)]),
                theme.due_soon,
            ),
        };
        out.push(Line::styled(text, style));
    }
    if case.advice.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(heading(theme, TeamMsg::PromptAdvice.text(lang)));
    for a in case.advice.values() {
        let date = a.on.format("%Y-%m-%d").to_string();
        out.push(Line::styled(
            TeamMsg::AdviceLine.fill(lang, &[("date", &date), ("by", &a.by), ("text", &a.text)]),
            theme.text,
        ));
        let answer = match &a.response {
            None => TeamMsg::AdviceOpen.text(lang).to_string(),
            Some(r) if r.followed => TeamMsg::AdviceFollowed.text(lang).to_string(),
            Some(r) => TeamMsg::AdviceNotFollowed.fill(lang, &[("why", &r.why)]),
        };
        out.push(Line::styled(answer, theme.muted));
    }
}
