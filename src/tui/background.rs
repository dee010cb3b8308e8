//! Is the terminal's background light or dark? `COLORFGBG` when the
//! terminal sets it (rxvt, Konsole, …), else the terminal's own answer to
//! the OSC 11 query (via `terminal-colorsaurus`, which sends a device
//! attributes query after it so a terminal that does not know OSC 11 is
//! recognised at once instead of by timeout), else dark.

use std::time::Duration;

use crate::store::ThemeSetting;

use super::theme::Palette;

/// How long a terminal may take to answer. A local terminal answers in
/// well under a millisecond; this bounds a slow SSH link or a terminal that
/// answers neither query.
pub const QUERY_TIMEOUT: Duration = Duration::from_millis(300);

/// The palette for a setting: as chosen, or detected for `auto`.
pub fn palette(setting: ThemeSetting) -> Palette {
    match setting {
        ThemeSetting::Light => Palette::Light,
        ThemeSetting::Dark => Palette::Dark,
        ThemeSetting::Auto => detect(),
    }
}

/// Detects the background; dark when nothing tells.
pub fn detect() -> Palette {
    if let Some(p) = std::env::var("COLORFGBG")
        .ok()
        .as_deref()
        .and_then(from_colorfgbg)
    {
        return p;
    }
    query().unwrap_or(Palette::Dark)
}

/// `COLORFGBG` is `fg;bg` (or `fg;default;bg`) in palette numbers; the
/// background's number decides: 7 and 9–15 are light entries, 0–6 and 8
/// dark ones (rxvt's and Konsole's convention, which vim and bat follow).
pub fn from_colorfgbg(value: &str) -> Option<Palette> {
    let bg = value.rsplit(';').next()?.trim();
    let n: u8 = bg.parse().ok()?;
    Some(match n {
        7 | 9..=15 => Palette::Light,
        0..=6 | 8 => Palette::Dark,
        _ => return None,
    })
}

/// The terminal's answer to OSC 10/11 (foreground and background
/// colours), compared by perceived lightness.
fn query() -> Option<Palette> {
    let options = {
        let mut o = terminal_colorsaurus::QueryOptions::default();
        o.timeout = QUERY_TIMEOUT;
        o
    };
    match terminal_colorsaurus::theme_mode(options).ok()? {
        terminal_colorsaurus::ThemeMode::Light => Some(Palette::Light),
        terminal_colorsaurus::ThemeMode::Dark => Some(Palette::Dark),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_names_the_background_last() {
        assert_eq!(from_colorfgbg("0;15"), Some(Palette::Light));
        assert_eq!(from_colorfgbg("15;0"), Some(Palette::Dark));
        assert_eq!(from_colorfgbg("0;default;15"), Some(Palette::Light));
        assert_eq!(from_colorfgbg("12;8"), Some(Palette::Dark)); // Solarized Dark
        assert_eq!(from_colorfgbg("11;15"), Some(Palette::Light)); // Solarized Light
        assert_eq!(from_colorfgbg("0;7"), Some(Palette::Light));
        assert_eq!(from_colorfgbg("15;default"), None);
        assert_eq!(from_colorfgbg(""), None);
        assert_eq!(from_colorfgbg("0;200"), None);
    }

    #[test]
    fn a_chosen_theme_is_not_detected() {
        assert_eq!(palette(ThemeSetting::Light), Palette::Light);
        assert_eq!(palette(ThemeSetting::Dark), Palette::Dark);
    }
}
