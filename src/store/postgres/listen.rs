//! The live side of a team's register (issue 20): a thread with a connection of its own that
//! LISTENs for others' saves (`privdesk`, sent by `privdesk.append` in the saving transaction)
//! and for who has which case open (`privdesk_presence`, a notification, never a journal
//! line), and that notices a lost server and connects again.
//!
//! Every network wait of the live side happens here, never on the UI thread: when the
//! register's own connection is lost, this thread opens its replacement ("the spare") and the
//! register takes it at its next statement.
//!
//! Presence: each workbench says which case it has open when that changes and every
//! [`HEARTBEAT`]; one not heard from for [`EXPIRY`] is taken to be gone (a crashed workbench
//! does not stay "open"). A workbench that (re)connects asks the others to say so at once.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;

use super::PgTarget;
use crate::domain::CaseId;
use crate::store::{Live, LiveEvent, Presence};

/// How long one wait for a notification lasts: also how soon a newly opened case is said.
const WAIT: Duration = Duration::from_millis(100);
/// How often a workbench says which case it has open.
pub const HEARTBEAT: Duration = Duration::from_secs(5);
/// A workbench not heard from for this long is gone.
pub const EXPIRY: Duration = Duration::from_secs(15);
/// How often the live connection is probed: a server that closed it is noticed within this.
const PROBE: Duration = Duration::from_secs(1);
/// How long a probe may take before the connection counts as lost.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long between two attempts to reach a lost server.
const RETRY: Duration = Duration::from_millis(500);
/// The channel of saves (the schema's `append` notifies it).
const SAVES: &str = "privdesk";
/// The channel of presence.
const PRESENCE: &str = "privdesk_presence";

/// What the register and its live thread share.
#[derive(Default)]
pub(super) struct Shared {
    /// The connection is lost: read-only until the live thread brings a new one.
    pub offline: AtomicBool,
    /// A live thread runs: the register never reconnects on the caller's thread.
    pub live: AtomicBool,
    /// The register found its connection closed: the live thread opens a spare.
    pub want_spare: AtomicBool,
    /// A new connection for the register, opened by the live thread.
    pub spare: Mutex<Option<Client>>,
}

impl Shared {
    /// Takes the spare connection, if the live thread left one.
    pub fn take_spare(&self) -> Option<Client> {
        self.spare
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }
}

/// Starts the live thread; `None` when the system gives no thread (then nothing is live).
pub(super) fn start(target: PgTarget, shared: Arc<Shared>) -> Option<Live> {
    let (live, open, events) = Live::pair();
    let listener = Listener {
        target,
        shared: Arc::clone(&shared),
        events,
        open_rx: open,
        session: session_id(),
        conn: None,
        open: None,
        beat_due: true,
        ask: true,
        last_beat: None,
        others: BTreeMap::new(),
        reported: Vec::new(),
        online: false,
        was_lost: false,
        next_try: Instant::now(),
        last_probe: Instant::now(),
    };
    shared.live.store(true, Ordering::SeqCst);
    match std::thread::Builder::new()
        .name("privdesk-live".into())
        .spawn(move || listener.run())
    {
        Ok(_) => Some(live),
        Err(_) => {
            shared.live.store(false, Ordering::SeqCst);
            None
        }
    }
}

/// A random id for this workbench's presence (two workbenches of one login differ).
fn session_id() -> String {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    format!("{:016x}", h.finish())
}

struct Listener {
    target: PgTarget,
    shared: Arc<Shared>,
    events: Sender<LiveEvent>,
    open_rx: Receiver<Option<CaseId>>,
    session: String,
    conn: Option<Client>,
    /// The case this workbench has open.
    open: Option<CaseId>,
    beat_due: bool,
    /// Ask the others to say what they have open (after connecting).
    ask: bool,
    last_beat: Option<Instant>,
    /// Other workbenches by session: what they have open, and when they last said so.
    others: BTreeMap<String, (Option<Presence>, Instant)>,
    /// What the app was last told of the others.
    reported: Vec<Presence>,
    /// The thread had a working connection at its last look.
    online: bool,
    /// The connection was lost since the last [`LiveEvent::Back`].
    was_lost: bool,
    next_try: Instant,
    last_probe: Instant,
}

/// A presence notification as sent: the server fills in the login (`session_user`).
#[derive(serde::Deserialize)]
struct Said {
    s: String,
    u: String,
    c: Option<String>,
    #[serde(default)]
    ask: bool,
    #[serde(default)]
    bye: bool,
}

impl Listener {
    fn run(mut self) {
        loop {
            // The app's open case; the app gone (its `Live` dropped) ends the thread.
            loop {
                match self.open_rx.try_recv() {
                    Ok(case) => {
                        if case != self.open {
                            self.open = case;
                            self.beat_due = true;
                        }
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.say(true);
                        self.shared.live.store(false, Ordering::SeqCst);
                        return;
                    }
                }
            }
            if !self.connected() {
                std::thread::sleep(WAIT);
                continue;
            }
            if self.shared.want_spare.swap(false, Ordering::SeqCst) && self.spare() {
                self.back();
            }
            let beat_late = self.last_beat.is_none_or(|t| t.elapsed() >= HEARTBEAT);
            if self.beat_due || beat_late {
                self.say(false);
            }
            self.listen();
            self.expire();
        }
    }

    /// Whether the thread has a working connection, making one when it is time to try.
    fn connected(&mut self) -> bool {
        if self.conn.as_ref().is_some_and(|c| !c.is_closed()) {
            return true;
        }
        // Dropped here or by a failed statement (`say`, `listen`): lost either way.
        self.conn = None;
        if self.online {
            self.online = false;
            self.lost();
        }
        if Instant::now() < self.next_try {
            return false;
        }
        self.next_try = Instant::now() + RETRY;
        let Ok(mut client) = self.target.connect() else {
            return false;
        };
        if client
            .batch_execute(&format!("LISTEN {SAVES}; LISTEN {PRESENCE}"))
            .is_err()
        {
            return false;
        }
        if self.was_lost {
            // The register's connection went with ours: it gets a new one before it is
            // writable again.
            if !self.spare() {
                return false;
            }
            self.conn = Some(client);
            self.back();
        } else {
            self.conn = Some(client);
        }
        self.online = true;
        self.beat_due = true;
        self.ask = true;
        true
    }

    /// Opens a connection for the register; false when the server cannot be reached.
    fn spare(&mut self) -> bool {
        match self.target.connect() {
            Ok(client) => {
                *self
                    .shared
                    .spare
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(client);
                true
            }
            Err(_) => {
                // Asked again at the next round.
                self.shared.want_spare.store(true, Ordering::SeqCst);
                false
            }
        }
    }

    fn lost(&mut self) {
        self.was_lost = true;
        self.shared.offline.store(true, Ordering::SeqCst);
        let _ = self.events.send(LiveEvent::Lost);
        // Nobody is known to be anywhere while we cannot hear them.
        self.others.clear();
        self.report();
    }

    fn back(&mut self) {
        self.was_lost = false;
        self.shared.offline.store(false, Ordering::SeqCst);
        let _ = self.events.send(LiveEvent::Back);
    }

    /// Says which case this workbench has open (or that it leaves: `bye`).
    fn say(&mut self, bye: bool) {
        let Some(conn) = self.conn.as_mut() else {
            return;
        };
        let case = self.open.filter(|_| !bye).map(|c| c.to_string());
        let sent = conn.execute(
            "SELECT pg_notify($1, json_build_object('s', $2::text, 'u', session_user::text, \
             'c', $3::text, 'ask', $4::boolean, 'bye', $5::boolean)::text)",
            &[&PRESENCE, &self.session, &case, &self.ask, &bye],
        );
        if sent.is_ok() {
            self.beat_due = false;
            self.ask = false;
            self.last_beat = Some(Instant::now());
        } else {
            // pg_notify is everyone's: a failure is the connection's.
            self.conn = None;
        }
    }

    /// Waits up to [`WAIT`] for notifications and takes every one waiting.
    fn listen(&mut self) {
        let Some(conn) = self.conn.as_mut() else {
            return;
        };
        let mut got = Vec::new();
        let mut broken = false;
        // A connection the server closed ends the wait at once with nothing: probe it then,
        // and every [`PROBE`] anyway.
        let mut early = false;
        {
            let mut notes = conn.notifications();
            let started = Instant::now();
            match notes.timeout_iter(WAIT).next() {
                Ok(Some(n)) => got.push(n),
                Err(_) => broken = true,
                Ok(None) => early = started.elapsed() < WAIT / 2,
            }
            if !broken {
                let mut waiting = notes.iter();
                loop {
                    match waiting.next() {
                        Ok(Some(n)) => got.push(n),
                        Err(_) => {
                            broken = true;
                            break;
                        }
                        Ok(None) => break,
                    }
                }
            }
        }
        if !broken && (early || self.last_probe.elapsed() >= PROBE) {
            self.last_probe = Instant::now();
            broken = conn.is_valid(PROBE_TIMEOUT).is_err();
        }
        if broken || conn.is_closed() {
            self.conn = None;
        }
        let mut saved: Option<u64> = None;
        for n in got {
            match n.channel() {
                SAVES => {
                    if let Ok(seq) = n.payload().parse::<u64>() {
                        saved = Some(saved.map_or(seq, |s| s.max(seq)));
                    }
                }
                PRESENCE => self.heard(n.payload()),
                _ => {}
            }
        }
        if let Some(seq) = saved {
            let _ = self.events.send(LiveEvent::Saved(seq));
        }
    }

    /// Another workbench said what it has open.
    fn heard(&mut self, payload: &str) {
        let Ok(said) = serde_json::from_str::<Said>(payload) else {
            return;
        };
        if said.s == self.session {
            return;
        }
        if said.ask {
            self.beat_due = true;
        }
        if said.bye {
            self.others.remove(&said.s);
            return;
        }
        let presence = said
            .c
            .as_deref()
            .and_then(|c| CaseId::from_str(c).ok())
            .map(|case| Presence { case, user: said.u });
        self.others.insert(said.s, (presence, Instant::now()));
    }

    /// Forgets the workbenches not heard from for [`EXPIRY`], and tells the app what changed.
    fn expire(&mut self) {
        self.others.retain(|_, (_, at)| at.elapsed() < EXPIRY);
        self.report();
    }

    fn report(&mut self) {
        let mut now: Vec<Presence> = self
            .others
            .values()
            .filter_map(|(p, _)| p.clone())
            .collect();
        now.sort();
        now.dedup();
        if now != self.reported {
            self.reported = now.clone();
            let _ = self.events.send(LiveEvent::Present(now));
        }
    }
}
