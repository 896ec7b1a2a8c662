//! `copydesk eval`: accuracy evaluations of each check family on annotated corpora.
//! The same functions back the regression-floor tests in `tests/`.

pub mod attribution;
pub mod names;
pub mod spelling;
