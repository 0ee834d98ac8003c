//! How long one file's work may take: a deadline that the loader's stages check between
//! paragraphs and sentences, so a file past it stops cooperatively (no thread is killed)
//! while the rest of the corpus loads.

use std::time::{Duration, Instant};

/// The default time one file may take from reading to its last claim.
pub const DEFAULT_FILE_BUDGET: Duration = Duration::from_secs(10);

/// A deadline for one file's work, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    deadline: Option<Instant>,
    limit: Duration,
}

/// The work stopped at its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("stopped after {} s: time budget; --file-budget-secs to change", .limit.as_secs_f64())]
pub struct Stopped {
    /// The budget it ran past.
    pub limit: Duration,
}

impl Budget {
    /// No deadline: the work always runs to its end.
    pub fn unlimited() -> Budget {
        Budget {
            deadline: None,
            limit: Duration::MAX,
        }
    }

    /// `limit` in all, of which `spent` is already used (reading the file); `None` is no
    /// deadline.
    pub fn starting_now(limit: Option<Duration>, spent: Duration) -> Budget {
        match limit {
            None => Budget::unlimited(),
            Some(limit) => Budget {
                deadline: Instant::now().checked_add(limit.saturating_sub(spent)),
                limit,
            },
        }
    }

    /// A budget ending halfway between now and this one's deadline, for a first pass that
    /// must leave time for a second.
    pub fn halfway(&self) -> Budget {
        let now = Instant::now();
        Budget {
            deadline: self
                .deadline
                .map(|d| now + d.saturating_duration_since(now) / 2),
            limit: self.limit,
        }
    }

    /// `Err` once the deadline has passed.
    pub fn check(&self) -> Result<(), Stopped> {
        match self.deadline {
            Some(d) if Instant::now() >= d => Err(Stopped { limit: self.limit }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_budget_stops_and_says_how_to_change_it() {
        let b = Budget::starting_now(Some(Duration::from_secs(5)), Duration::from_secs(6));
        let e = b.check().unwrap_err();
        assert_eq!(
            e.to_string(),
            "stopped after 5 s: time budget; --file-budget-secs to change"
        );
        assert_eq!(
            Budget::starting_now(Some(Duration::from_millis(1500)), Duration::ZERO)
                .check()
                .map_err(|e| e.to_string()),
            Ok(())
        );
        assert_eq!(
            Budget::starting_now(Some(Duration::ZERO), Duration::ZERO)
                .check()
                .map_err(|e| e.to_string()),
            Err("stopped after 0 s: time budget; --file-budget-secs to change".to_string())
        );
    }

    #[test]
    fn halfway_ends_before_the_whole() {
        let b = Budget::starting_now(Some(Duration::from_millis(400)), Duration::ZERO);
        let half = b.halfway();
        std::thread::sleep(Duration::from_millis(250));
        assert!(half.check().is_err());
        assert!(b.check().is_ok());
        assert!(Budget::unlimited().halfway().check().is_ok());
    }

    #[test]
    fn no_budget_never_stops() {
        assert!(Budget::unlimited().check().is_ok());
        assert!(
            Budget::starting_now(None, Duration::from_secs(1000))
                .check()
                .is_ok()
        );
    }
}
