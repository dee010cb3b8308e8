//! `pyquiz check PATH…`: what pyquiz reads in each deck file (see
//! [`crate::bank::check`]), as text or JSON.

use std::io::Write;
use std::path::PathBuf;

use crate::bank::check::{FileCheck, LevelCounts, check};
use crate::bank::files;
use crate::bank::layout::layout_names;
use crate::cli::error::CliError;

/// Checks every file (directories: their Markdown files) and prints the
/// reports; an error when some file gave no question.
pub fn run(
    paths: &[PathBuf],
    layout: Option<&str>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CliError> {
    let forced = layout.and_then(crate::bank::layout::by_name);
    let gathered = files::gather(paths)?;
    let mut reports = Vec::with_capacity(gathered.files.len());
    for found in &gathered.files {
        let bytes = files::read(&found.path)?;
        reports.push(check(&found.path.display().to_string(), &bytes, forced));
    }
    for warning in &gathered.warnings {
        writeln!(err, "pyquiz: warning: {warning}")?;
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    } else {
        for (k, report) in reports.iter().enumerate() {
            if k > 0 {
                writeln!(out)?;
            }
            write_text(report, out)?;
        }
    }
    let unreadable = reports.iter().filter(|r| r.unreadable).count();
    let unrecognized = reports
        .iter()
        .filter(|r| !r.recognized() && !r.unreadable)
        .count();
    if unrecognized > 0 {
        return Err(CliError::Unrecognized {
            unrecognized,
            files: reports.len(),
            tried: forced.map_or_else(layout_names, |l| l.name().to_string()),
            also: if unreadable > 0 {
                format!("; {unreadable} could not be read (see each file's error)")
            } else {
                String::new()
            },
        });
    }
    if unreadable > 0 {
        return Err(CliError::Unreadable {
            unreadable,
            files: reports.len(),
        });
    }
    Ok(())
}

fn levels(counts: &LevelCounts) -> String {
    [
        ("easy", counts.easy),
        ("medium", counts.medium),
        ("hard", counts.hard),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(name, n)| format!("{name} {n}"))
    .collect::<Vec<_>>()
    .join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn write_text(r: &FileCheck, out: &mut dyn Write) -> Result<(), CliError> {
    const INDENT: &str = "               ";
    writeln!(out, "{}", r.file)?;
    let others: Vec<String> = r
        .scores
        .iter()
        .filter(|s| Some(s.layout) != r.layout)
        .map(|s| format!("{} {}", s.layout, s.score))
        .collect();
    match r.layout {
        Some(layout) => {
            let why = if r.forced {
                "chosen with --layout".to_string()
            } else if let Some(s) = r.scores.iter().find(|s| s.layout == layout) {
                format!("score {}", s.score)
            } else {
                "pyquiz's own deck format".to_string()
            };
            match r.layout_about.filter(|about| !about.is_empty()) {
                Some(about) => writeln!(out, "  layout       {layout} ({why}): {about}")?,
                None => writeln!(out, "  layout       {layout} ({why})")?,
            }
        }
        None => writeln!(out, "  layout       none")?,
    }
    if !others.is_empty() {
        writeln!(out, "  also scored  {}", others.join(", "))?;
    }
    if let Some(error) = &r.error {
        writeln!(out, "  error        {error}")?;
    }
    if r.questions > 0 {
        let mut parts = vec![format!("{} answered", r.answered)];
        if r.unanswered > 0 {
            parts.push(format!("{} without an answer", r.unanswered));
        }
        parts.push(format!("{} with code", r.with_code));
        writeln!(out, "  questions    {}: {}", r.questions, parts.join(", "))?;
        let labelled = r.difficulty_labelled.total();
        let inferred = r.difficulty_inferred.total();
        let mut difficulty = Vec::new();
        if labelled > 0 {
            difficulty.push(format!(
                "stated for {labelled} ({})",
                levels(&r.difficulty_labelled)
            ));
        }
        if inferred > 0 {
            difficulty.push(format!(
                "inferred for {inferred} ({})",
                levels(&r.difficulty_inferred)
            ));
        }
        writeln!(out, "  difficulty   {}", difficulty.join("; "))?;
        let topics: Vec<String> = r
            .topics
            .iter()
            .take(6)
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        let tagged = if r.tagged > 0 {
            format!(
                "; {} tagged in the deck",
                plural(r.tagged, "question", "questions")
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "  topics       {}{}{tagged}",
            topics.join(", "),
            if r.topics.len() > 6 { ", …" } else { "" }
        )?;
    }
    if let Some(fm) = &r.front_matter {
        let mut said = vec![format!("lines 1-{}", fm.lines)];
        if let Some(title) = &fm.title {
            said.push(format!("title {title:?}"));
        }
        if let Some(d) = fm.difficulty {
            said.push(format!("difficulty {d} for every question"));
        }
        if !fm.tags.is_empty() {
            said.push(format!("tags {}", fm.tags.join(", ")));
        }
        writeln!(out, "  front matter {}", said.join("; "))?;
    }
    for (k, q) in r.first.iter().enumerate() {
        let label = if k == 0 { "  first        " } else { INDENT };
        writeln!(out, "{label}line {}: {}", q.line, q.question)?;
    }
    if r.warnings.is_empty() {
        if r.recognized() {
            writeln!(out, "  warnings     none")?;
        }
    } else {
        for (k, w) in r.warnings.iter().enumerate() {
            let label = if k == 0 {
                format!("  {:<13}", plural(r.warnings.len(), "warning", "warnings"))
            } else {
                INDENT.to_string()
            };
            writeln!(out, "{label}line {}: {}", w.line, w.message)?;
        }
    }
    Ok(())
}
