//! The terminal interface. Sits on top of the domain modules; nothing below
//! it imports ratatui.

pub mod action;
pub mod app;
pub mod background;
pub mod browse;
pub mod draw;
pub mod help_view;
pub mod highlight;
pub mod keymap;
pub mod layout;
pub mod markdown;
pub mod run;
pub mod screens;
pub mod stats_view;
pub mod theme;
pub mod view;
pub mod widgets;
