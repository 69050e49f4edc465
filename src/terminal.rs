//! The terminal driver: the same [`App`] as headless, on a real terminal. Each key press,
//! paste and resize becomes an action; every event already waiting is applied before the next
//! frame is drawn, so a burst of input (a paste on a terminal without bracketed paste, keys typed
//! during a slow frame) is handled at once and a key after it never waits for more keys to
//! arrive. A bracketed paste is one insertion. The clock is read by the app at each action; the
//! idle tick only redraws the countdowns. The loop waits at most [`LIVE_POLL`] for a key, then
//! takes what a team's register reported (`App::refresh`): others' saves are on screen without
//! a key press, and no network call runs while it waits.

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Key};
use crate::ui::theme::Theme;

/// How long the terminal waits without input before it redraws the countdowns.
pub const TICK: Duration = Duration::from_secs(20);

/// How often the screen is redrawn while the journal's chain is still being checked, so that
/// a broken chain shows as soon as it is found, not at the next key or tick.
pub const CHECK_REDRAW: Duration = Duration::from_millis(250);

/// The longest the loop waits for a key before it takes what a team's register reported
/// (others' saves, presence, a lost connection): another handler's save is on screen within
/// about this, without a key press.
pub const LIVE_POLL: Duration = Duration::from_millis(100);

/// At most this many waiting events are applied before a frame is drawn: a flood of input still
/// shows progress on screen.
pub const BURST: usize = 4096;

/// Applies one terminal event: a key press (releases and repeats are dropped here, at the edge),
/// a paste as one insertion, a new size.
pub fn apply(app: &mut App, event: Event) {
    match event {
        Event::Key(k) => {
            if let Some(key) = Key::from_event(&k) {
                app.handle_key(key);
            }
        }
        Event::Paste(text) => app.handle_paste(&text),
        Event::Resize(w, h) => app.update(Action::Resize(w, h)),
        _ => {}
    }
}

/// Applies `first` and then every event `next` says is already waiting (up to [`BURST`]), so
/// the screen is drawn once after all of them. Stops early when the app quits.
pub fn apply_pending(
    app: &mut App,
    first: Event,
    mut next: impl FnMut() -> io::Result<Option<Event>>,
) -> io::Result<()> {
    apply(app, first);
    for _ in 1..BURST {
        if app.should_quit() {
            break;
        }
        match next()? {
            Some(e) => apply(app, e),
            None => break,
        }
    }
    Ok(())
}

/// Runs the app on the terminal until the user quits. `ratatui::init` installs the hook that
/// restores the terminal before any panic message; the normal exit path restores too.
pub fn run(app: &mut App, theme: &Theme) -> io::Result<()> {
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(app, theme, &mut terminal);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(
    app: &mut App,
    theme: &Theme,
    terminal: &mut ratatui::DefaultTerminal,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    let mut dirty = true;
    let mut checking = true;
    loop {
        if dirty {
            terminal.draw(|f| crate::ui::draw(app, theme, f))?;
            dirty = false;
        }
        if app.should_quit() {
            return Ok(());
        }
        let until_tick = TICK.saturating_sub(last_tick.elapsed());
        let wait = if app.chain_state().is_none() {
            until_tick.min(CHECK_REDRAW)
        } else {
            until_tick
        }
        .min(LIVE_POLL);
        if event::poll(wait)? {
            dirty = true;
            let first = event::read()?;
            apply_pending(app, first, || {
                if event::poll(Duration::ZERO)? {
                    event::read().map(Some)
                } else {
                    Ok(None)
                }
            })?;
        }
        // Others' saves and presence: taken between keys, drawn only when they changed.
        dirty |= app.refresh(false);
        // While the chain is checked, and once when the check ends, the banner may change.
        let still = app.chain_state().is_none();
        dirty |= checking;
        checking = still;
        if last_tick.elapsed() >= TICK {
            app.update(Action::Tick);
            last_tick = Instant::now();
            dirty = true;
        }
    }
}
