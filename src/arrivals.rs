//! Articles extracted in parallel, handed over in load order, except that one slow file
//! never holds the others: once the next article in order has kept the rest waiting for
//! [`PATIENCE`], the ready ones go ahead of it and it follows when it is done.

use std::time::{Duration, Instant};

/// How long the next article in order may hold the ones after it.
pub const PATIENCE: Duration = Duration::from_secs(1);

/// Where each article of the load stands.
enum Slot<T> {
    Waiting,
    Ready(T),
    Given,
}

/// A reorder buffer over the articles of one load, numbered by load order.
pub struct Arrivals<T> {
    slots: Vec<Slot<T>>,
    /// The first article not yet handed over, unless it was passed over as slow.
    next: usize,
    /// Articles passed over as slow: each is handed over as soon as it arrives.
    late: Vec<bool>,
    /// When `next` last moved (or the load started).
    since: Instant,
    /// Articles ready and not yet handed over.
    ready: usize,
}

impl<T> Arrivals<T> {
    pub fn new(total: usize, now: Instant) -> Arrivals<T> {
        Arrivals {
            slots: (0..total).map(|_| Slot::Waiting).collect(),
            next: 0,
            late: vec![false; total],
            since: now,
            ready: 0,
        }
    }

    /// Article `i` is done; a late one is handed over at once.
    pub fn arrive(&mut self, i: usize, item: T, out: &mut Vec<T>) {
        let Some(slot) = self.slots.get_mut(i) else {
            return;
        };
        if self.late[i] {
            *slot = Slot::Given;
            out.push(item);
        } else {
            *slot = Slot::Ready(item);
            self.ready += 1;
        }
    }

    /// Article `i` is done and yields nothing (its file's budget refused it).
    pub fn arrive_nothing(&mut self, i: usize) {
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = Slot::Given;
        }
    }

    /// Hands over the ready articles in order; an article that has held the ones after it
    /// for [`PATIENCE`] by `now` is passed over.
    pub fn release(&mut self, now: Instant, out: &mut Vec<T>) {
        loop {
            while let Some(slot) = self.slots.get_mut(self.next) {
                match std::mem::replace(slot, Slot::Given) {
                    Slot::Ready(item) => {
                        self.ready -= 1;
                        out.push(item);
                    }
                    Slot::Given => {}
                    Slot::Waiting => {
                        *slot = Slot::Waiting;
                        break;
                    }
                }
                self.next += 1;
                self.since = now;
            }
            // Whatever is still ready stands behind `next`.
            if self.next >= self.slots.len()
                || self.ready == 0
                || now.duration_since(self.since) < PATIENCE
            {
                return;
            }
            self.late[self.next] = true;
            self.slots[self.next] = Slot::Given;
            self.next += 1;
            self.since = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_come_in_load_order_while_none_is_slow() {
        let t0 = Instant::now();
        let mut a = Arrivals::new(4, t0);
        let mut out = Vec::new();
        a.arrive(1, "b", &mut out);
        a.arrive(2, "c", &mut out);
        a.release(t0 + Duration::from_millis(200), &mut out);
        assert!(out.is_empty());
        a.arrive(0, "a", &mut out);
        a.release(t0 + Duration::from_millis(300), &mut out);
        assert_eq!(out, ["a", "b", "c"]);
        a.arrive(3, "d", &mut out);
        a.release(t0 + Duration::from_millis(400), &mut out);
        assert_eq!(out, ["a", "b", "c", "d"]);
    }

    #[test]
    fn a_slow_article_does_not_hold_the_others() {
        let t0 = Instant::now();
        let mut a = Arrivals::new(4, t0);
        let mut out = Vec::new();
        a.arrive(0, "a", &mut out);
        a.arrive(2, "c", &mut out);
        a.arrive(3, "d", &mut out);
        a.release(t0 + Duration::from_millis(100), &mut out);
        assert_eq!(out, ["a"]);
        a.release(t0 + Duration::from_millis(900), &mut out);
        assert_eq!(out, ["a"]);
        a.release(t0 + Duration::from_millis(1200), &mut out);
        assert_eq!(out, ["a", "c", "d"]);
        a.arrive(1, "b", &mut out);
        assert_eq!(out, ["a", "c", "d", "b"]);
        a.release(t0 + Duration::from_millis(1300), &mut out);
        assert_eq!(out, ["a", "c", "d", "b"]);
    }

    #[test]
    fn an_article_that_yields_nothing_lets_the_order_move_on() {
        let t0 = Instant::now();
        let mut a = Arrivals::new(3, t0);
        let mut out = Vec::new();
        a.arrive(1, "b", &mut out);
        a.arrive(2, "c", &mut out);
        a.arrive_nothing(0);
        a.release(t0 + Duration::from_millis(10), &mut out);
        assert_eq!(out, ["b", "c"]);
    }

    #[test]
    fn patience_runs_from_when_the_order_last_moved() {
        let t0 = Instant::now();
        let mut a = Arrivals::new(3, t0);
        let mut out = Vec::new();
        a.release(t0 + Duration::from_millis(1500), &mut out);
        a.arrive(0, 0, &mut out);
        a.release(t0 + Duration::from_millis(1600), &mut out);
        assert_eq!(out, [0]);
        a.arrive(2, 2, &mut out);
        a.release(t0 + Duration::from_millis(2000), &mut out);
        assert_eq!(out, [0]);
        a.release(t0 + Duration::from_millis(2700), &mut out);
        assert_eq!(out, [0, 2]);
        a.arrive(1, 1, &mut out);
        assert_eq!(out, [0, 2, 1]);
    }
}
