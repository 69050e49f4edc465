//! Who works on a team's register (domain.md §8): the handlers, who register and change cases,
//! and the FG, who supervises and advises but does not decide.

/// What a login may do in a team's register (a local register has no roles).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A handler: registers and changes cases.
    Handler,
    /// The FG: reads every case, exports, backs up; changes no case.
    Fg,
}
