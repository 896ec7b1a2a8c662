//! Writes the benchmark inputs to a folder (default target/bench-inputs): draft-1mb.txt,
//! draft-2mb.txt, draft-4mb.txt and folder-10mb/ (100 drafts of 100 KB), so that other
//! tools can be run on exactly the same text. `cargo bench --bench generate [-- DIR]`.

mod inputs;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs"));
    std::fs::create_dir_all(dir.join("folder-10mb"))?;
    for mb in [1, 2, 4] {
        std::fs::write(
            dir.join(format!("draft-{mb}mb.txt")),
            inputs::draft(mb * inputs::MB),
        )?;
    }
    std::fs::write(dir.join("draft-100k-words.txt"), inputs::words(100_000))?;
    let piece = inputs::draft(100_000);
    for i in 0..100 {
        std::fs::write(dir.join(format!("folder-10mb/draft-{i:03}.txt")), &piece)?;
    }
    eprintln!("benchmark inputs written to {}", dir.display());
    Ok(())
}
