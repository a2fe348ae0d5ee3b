//! Progress through a long build, for whoever is watching: the command
//! line draws a bar on a terminal; tests and the preview ignore it.

/// Told how far a stage has got. Every method does nothing by default.
pub trait Progress: Sync {
    /// A stage of `total` steps begins ("rendering", "writing").
    fn begin(&self, _stage: &'static str, _total: usize) {}
    /// `n` more steps are done.
    fn advance(&self, _n: usize) {}
    /// The stage is over.
    fn end(&self) {}
}

/// Progress nobody watches.
pub struct Silent;

impl Progress for Silent {}
