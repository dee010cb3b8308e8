//! The terminal interface. Sits on top of the domain modules; nothing below
//! it imports ratatui.

pub mod app;
pub mod highlight;
pub mod keymap;
pub mod markdown;
pub mod theme;
