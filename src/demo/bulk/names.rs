//! The fictitious people of a bulk register: the handlers who make the changes, and the
//! names its requesters and children are made of.

/// The fictitious handlers who make the changes.
pub(super) const HANDLERS: [&str; 4] = [
    "Anouk Fictief",
    "Bram Proefmans",
    "Cato Demovrouw",
    "Daan Oefenaar",
];
pub(super) const SURNAMES: [&str; 16] = [
    "Fictief",
    "Proef",
    "Demo",
    "Testma",
    "Voorbeeld",
    "Model",
    "Schets",
    "Bedacht",
    "Oefen",
    "Nep",
    "Verzon",
    "Denkbeeld",
    "Schijn",
    "Ontwerp",
    "Çelik-Proef",
    "van der Oefen",
];
pub(super) const PARENTS: [&str; 16] = [
    "Fenna", "Pieter", "Daan", "Tessa", "Vera", "Mees", "Sanne", "Bas", "Otto", "Nina", "Anaïs",
    "Mohammed", "Ömer", "Priya", "Joost", "Liselot",
];
pub(super) const CHILDREN: [&str; 16] = [
    "Lieke", "Sem", "Noor", "Finn", "Julia", "Luuk", "Evi", "Milan", "Zoë", "Jesse", "Yara",
    "Ayoub", "Fleur", "Thijs", "Mila", "Ilias",
];
