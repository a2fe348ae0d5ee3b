//! The allocator of the `oversight` binary: mimalloc on Linux, where a
//! build allocates and frees many small values per page and glibc malloc
//! was a fifth of a large build. Elsewhere the system's own allocator.

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Only the preview sets an option: without it (`--no-default-features`)
// there is nothing to set.
#[cfg(all(target_os = "linux", feature = "serve"))]
mod options {
    use std::ffi::{c_int, c_long};

    // mimalloc's own functions, linked in by the `mimalloc` crate
    // (libmimalloc-sys 0.1.49, mimalloc 3). Setting and reading an option
    // touch nothing but the option.
    unsafe extern "C" {
        safe fn mi_option_set(option: c_int, value: c_long);
        // Read only by the test below: the binary itself and the
        // benchmark that includes this file never call it.
        #[allow(dead_code)]
        safe fn mi_option_get(option: c_int) -> c_long;
    }

    /// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h`: how many
    /// milliseconds freed memory is kept before it goes back to the system
    /// (1,000 by default in mimalloc 3; -1 keeps it).
    const PURGE_DELAY: c_int = 15;

    pub fn keep_freed_memory() {
        mi_option_set(PURGE_DELAY, -1);
    }

    #[cfg(test)]
    mod tests {
        /// If an upgrade of mimalloc renumbered its options, the preview
        /// would set some other option: this fails first.
        #[test]
        fn the_purge_delay_option_is_the_one_set() {
            if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
                assert_eq!(super::mi_option_get(super::PURGE_DELAY), 1000);
            }
            super::keep_freed_memory();
            assert_eq!(super::mi_option_get(super::PURGE_DELAY), -1);
        }
    }
}

/// For the preview: memory freed when a save replaces the site is kept
/// for the next save instead of going back to the system. Otherwise each
/// save after a pause of more than a second (most saves an officer makes)
/// faults much of its memory in again: at 10,000 documents that was up to
/// a third of a save's time. The preview's memory stays at its highest,
/// which is two sites' worth while a save is built beside the one served.
#[cfg(feature = "serve")]
pub fn keep_freed_memory() {
    #[cfg(target_os = "linux")]
    options::keep_freed_memory();
}
