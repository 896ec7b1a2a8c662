//! The wire in front of tower-lsp.
//!
//! Stock tower-lsp 0.20 stops serving on the first message it cannot decode, and after
//! `exit` it waits for one more message before returning. This layer reads every frame
//! from the client itself: a frame that is not a JSON-RPC object is answered here with a
//! parse error (-32700) or invalid request (-32600) and dropped, so the server goes on;
//! `"params": null` (which tower-lsp rejects for `shutdown`) is removed; and `exit` closes
//! the server's input so the process ends. Everything written to stdout goes through one
//! writer, a whole frame at a time.

use serde_json::{Value, json};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;

/// Frames larger than this are refused (and skipped) rather than buffered.
pub const MAX_FRAME_BYTES: usize = 256 * 1024 * 1024;

/// What the client did at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`: exit code 0.
    Clean,
    /// `exit` without `shutdown`: exit code 1, as the spec says.
    ExitWithoutShutdown,
    /// The client closed its output.
    Eof,
}

/// One frame read from the client.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    /// A header that could not be understood; the reader has resynchronised.
    BadHeader(String),
}

/// Reads the next frame; `None` at end of input.
pub async fn read_frame<R: AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(if saw_header {
                Some(Frame::BadHeader("input ended inside a header".into()))
            } else {
                None
            });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_header {
                continue; // stray blank line between frames
            }
            break;
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad = Some(format!("bad Content-Length `{}`", value.trim())),
                }
            }
            Some(_) => {} // Content-Type and other headers are allowed and ignored
            None => bad = Some(format!("not a header line: `{}`", truncate(text, 80))),
        }
    }
    if let Some(message) = bad {
        return Ok(Some(Frame::BadHeader(message)));
    }
    let Some(length) = length else {
        return Ok(Some(Frame::BadHeader("missing Content-Length".into())));
    };
    if length > MAX_FRAME_BYTES {
        let skipped =
            tokio::io::copy(&mut reader.take(length as u64), &mut tokio::io::sink()).await?;
        return Ok(Some(Frame::BadHeader(format!(
            "message of {skipped} bytes is over the {MAX_FRAME_BYTES}-byte limit"
        ))));
    }
    let mut body = vec![0; length];
    match reader.read_exact(&mut body).await {
        Ok(_) => Ok(Some(Frame::Body(body))),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(Some(Frame::BadHeader(
            "input ended inside a message".into(),
        ))),
        Err(e) => Err(e),
    }
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// A frame with its header, ready to write.
pub fn encode(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// What to do with one client message.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Pass these bytes to the server.
    Forward(Vec<u8>, Option<String>),
    /// Answer the client with this error response and drop the message.
    Reject(Value),
}

/// Validates one message body.
pub fn judge(body: &[u8]) -> Verdict {
    let parsed: Value = match std::str::from_utf8(body) {
        Err(e) => {
            return Verdict::Reject(error_response(
                Value::Null,
                -32700,
                &format!("message is not valid UTF-8: {e}"),
            ));
        }
        Ok(text) => match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                return Verdict::Reject(error_response(
                    Value::Null,
                    -32700,
                    &format!("message is not valid JSON: {e}"),
                ));
            }
        },
    };
    let Value::Object(mut object) = parsed else {
        return Verdict::Reject(error_response(
            Value::Null,
            -32600,
            "batches and non-object messages are not supported",
        ));
    };
    let id = object.get("id").cloned().unwrap_or(Value::Null);
    let valid_id = matches!(id, Value::Null | Value::Number(_) | Value::String(_));
    let method = object.get("method").map(|m| m.as_str().map(str::to_owned));
    let is_response = object.contains_key("result") || object.contains_key("error");
    if !valid_id || method == Some(None) || (method.is_none() && !is_response) {
        return Verdict::Reject(error_response(
            if valid_id { id } else { Value::Null },
            -32600,
            "not a JSON-RPC request, notification or response",
        ));
    }
    let method = method.flatten();
    let mut changed = false;
    if object.get("params").is_some_and(Value::is_null) {
        object.remove("params");
        changed = true;
    }
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        object.insert("jsonrpc".into(), json!("2.0"));
        changed = true;
    }
    let bytes = if changed {
        serde_json::to_vec(&Value::Object(object)).unwrap_or_else(|_| body.to_vec())
    } else {
        body.to_vec()
    };
    Verdict::Forward(bytes, method)
}

pub fn error_response(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// Pumps client frames into the server's input until `exit` or end of input.
pub async fn pump_input<R, W>(client: R, mut server: W, replies: Outlet) -> Ending
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::with_capacity(64 * 1024, client);
    let mut shutdown_seen = false;
    loop {
        let frame = match read_frame(&mut reader).await {
            Ok(Some(frame)) => frame,
            Ok(None) => return Ending::Eof,
            Err(e) => {
                tracing::error!("reading from the client failed: {e}");
                return Ending::Eof;
            }
        };
        let body = match frame {
            Frame::Body(body) => body,
            Frame::BadHeader(message) => {
                tracing::warn!("dropped a message: {message}");
                let reply = error_response(Value::Null, -32700, &message);
                let _ = replies.send(encode(reply.to_string().as_bytes()));
                continue;
            }
        };
        match judge(&body) {
            Verdict::Reject(reply) => {
                tracing::warn!("rejected a message: {}", reply["error"]["message"]);
                let _ = replies.send(encode(reply.to_string().as_bytes()));
            }
            Verdict::Forward(bytes, method) => {
                if server.write_all(&encode(&bytes)).await.is_err() {
                    return Ending::Eof;
                }
                let _ = server.flush().await;
                match method.as_deref() {
                    Some("shutdown") => shutdown_seen = true,
                    Some("exit") => {
                        return if shutdown_seen {
                            Ending::Clean
                        } else {
                            Ending::ExitWithoutShutdown
                        };
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The single output channel: whole frames for the client, written in the order sent.
pub type Outlet = mpsc::UnboundedSender<Vec<u8>>;

/// Pumps whole frames written by the server to the single output channel.
pub async fn pump_output<R: AsyncRead + Unpin>(server: R, out: Outlet) {
    let mut reader = BufReader::with_capacity(64 * 1024, server);
    while let Ok(Some(Frame::Body(body))) = read_frame(&mut reader).await {
        if out.send(encode(&body)).is_err() {
            break;
        }
    }
}

/// Writes frames to the client, one at a time.
pub async fn write_frames<W: AsyncWrite + Unpin>(
    mut client: W,
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(frame) = frames.recv().await {
        if client.write_all(&frame).await.is_err() || client.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames(input: &[u8]) -> Vec<Frame> {
        let mut reader = BufReader::new(input);
        let mut out = Vec::new();
        while let Some(f) = read_frame(&mut reader).await.unwrap() {
            out.push(f);
        }
        out
    }

    #[tokio::test]
    async fn reads_frames_and_resynchronises_after_a_bad_header() {
        let input = b"Content-Length: 2\r\n\r\n{}garbage\r\n\r\nContent-Length: 7\r\nContent-Type: x\r\n\r\n[1,2,3]";
        let got = frames(input).await;
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], Frame::Body(b"{}".to_vec()));
        assert!(matches!(got[1], Frame::BadHeader(_)));
        assert_eq!(got[2], Frame::Body(b"[1,2,3]".to_vec()));
    }

    #[tokio::test]
    async fn truncated_body_is_reported() {
        let got = frames(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"").await;
        assert!(matches!(&got[..], [Frame::BadHeader(m)] if m.contains("inside a message")));
    }

    #[test]
    fn judges_messages() {
        assert!(
            matches!(judge(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}"), Verdict::Forward(_, Some(m)) if m == "x")
        );
        let Verdict::Reject(r) = judge(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"meth") else {
            panic!()
        };
        assert_eq!(r["error"]["code"], -32700);
        let Verdict::Reject(r) = judge(b"\xff\xfe") else {
            panic!()
        };
        assert_eq!(r["error"]["code"], -32700);
        let Verdict::Reject(r) = judge(b"[{\"jsonrpc\":\"2.0\"}]") else {
            panic!()
        };
        assert_eq!(r["error"]["code"], -32600);
        let Verdict::Reject(r) = judge(b"{\"jsonrpc\":\"2.0\",\"id\":7}") else {
            panic!()
        };
        assert_eq!(
            (r["id"].clone(), r["error"]["code"].clone()),
            (json!(7), json!(-32600))
        );
        let Verdict::Forward(bytes, _) =
            judge(b"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}")
        else {
            panic!()
        };
        assert!(!String::from_utf8(bytes).unwrap().contains("params"));
    }
}
