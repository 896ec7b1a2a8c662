//! The framing layer in front of the language server: any byte stream is split into
//! frames and each is judged without a panic.
#![no_main]

use copydesk::lsp::framing::{Frame, judge, read_frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = judge(data);
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        return;
    };
    runtime.block_on(async {
        let mut reader = tokio::io::BufReader::new(data);
        while let Ok(Some(frame)) = read_frame(&mut reader).await {
            if let Frame::Body(body) = frame {
                let _ = judge(&body);
            }
        }
    });
});
