//! Load test of `speechtree serve` on 127.0.0.1: ignored by default (too
//! heavy for `cargo test`); run it with
//!
//! ```text
//! cargo test --release --test serve_load -- --ignored --nocapture
//! ```
//!
//! 64 keep-alive clients send 20,000 requests (`SERVE_LOAD_REQUESTS`,
//! `SERVE_LOAD_CONCURRENCY`) of a ~20 KB speech written for the test, mixed
//! over `/api/parse`, `/api/lint` and `/api/convert`, and every answer must be
//! a 200 with the right body. Alongside, other clients keep sending
//! malformed bodies (400, 415, 422), oversized ones (413) and bodies that
//! never finish (408 at the server's time limit). It prints requests per
//! second, p50 and p99 latency of the good requests and the server's VmRSS
//! before and after (`SERVE_LOAD_MISBEHAVE=0` leaves the misbehaving clients
//! out, for comparison; `SERVE_LOAD_TIMEOUT` sets the server's `--timeout`,
//! 3 s by default). The run stops by itself: at most the request count, and
//! at most `SERVE_LOAD_SECONDS` (600) seconds, past which it fails.

mod serve_common;

use serve_common::{Conn, Server, multipart, speech};
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// VmRSS of `pid` in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}

/// What the misbehaving clients got: (expected answers, unexpected ones).
#[derive(Default)]
struct Bad {
    expected: AtomicUsize,
    unexpected: AtomicUsize,
}

impl Bad {
    fn count(&self, got: std::io::Result<serve_common::Response>, want: u16, what: &str) {
        match got {
            Ok(r) if r.status == want => {
                self.expected.fetch_add(1, Ordering::Relaxed);
            }
            Ok(r) => {
                eprintln!(
                    "{what}: status {} instead of {want}: {}",
                    r.status,
                    String::from_utf8_lossy(&r.body)
                );
                self.unexpected.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                eprintln!("{what}: {e}");
                self.unexpected.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

#[test]
#[ignore = "load test: run with --ignored (see the file's docs)"]
fn twenty_thousand_requests_at_concurrency_64_without_errors() {
    let total = env_usize("SERVE_LOAD_REQUESTS", 20_000);
    let concurrency = env_usize("SERVE_LOAD_CONCURRENCY", 64).max(1);
    let limit = Duration::from_secs(env_usize("SERVE_LOAD_SECONDS", 600) as u64);
    // The server's time limit: what the never-ending bodies wait for.
    let timeout = env_usize("SERVE_LOAD_TIMEOUT", 3).to_string();
    let server = Server::start(&["--max-bytes", "1MiB", "--timeout", &timeout]);
    let addr = server.addr;
    let pid = server.pid();

    // A speech of about 20 KB.
    let mut n = 1;
    while speech(n).len() < 20_000 {
        n += 1;
    }
    let doc = Arc::new(speech(n));
    let rss_before = rss_kib(pid);

    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let bad = Arc::new(Bad::default());
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(total)));
    let start = Instant::now();

    // Misbehaving clients, until the good ones finish.
    let mut adversaries = Vec::new();
    let misbehave = std::env::var("SERVE_LOAD_MISBEHAVE").map_or(true, |v| v != "0");
    for kind in (0..4).filter(|_| misbehave) {
        let (done, bad) = (done.clone(), bad.clone());
        adversaries.push(std::thread::spawn(move || {
            let broken_docx = multipart("file", "broken.docx", b"PK\x03\x04 truncated");
            while !done.load(Ordering::Relaxed) {
                let mut conn = Conn::open(addr);
                match kind {
                    // Malformed: invalid UTF-8, an unknown type, a broken .docx.
                    0 => {
                        let r = conn.send("POST", "/api/parse", &[("Content-Type", "text/plain; charset=utf-8")], b"ok\n\xff\xfe", true);
                        bad.count(r, 400, "invalid UTF-8");
                        let r = Conn::open(addr).send("POST", "/api/lint", &[("Content-Type", "image/png")], b"\x89PNG", true);
                        bad.count(r, 415, "unknown type");
                        let r = Conn::open(addr).send("POST", "/api/parse", &[("Content-Type", &broken_docx.1)], &broken_docx.0, true);
                        bad.count(r, 422, "broken docx");
                    }
                    // Oversized: announced by Content-Length.
                    1 => {
                        let r = conn
                            .stream()
                            .write_all(
                                b"POST /api/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n\
                                  Content-Length: 104857600\r\n\r\n",
                            )
                            .and_then(|()| conn.read_response());
                        bad.count(r, 413, "oversized");
                    }
                    // Oversized without a length: chunks past the limit.
                    2 => {
                        let chunk = vec![b'a'; 64 << 10];
                        let mut head = b"POST /api/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
                        for _ in 0..20 {
                            head.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                            head.extend_from_slice(&chunk);
                            head.extend_from_slice(b"\r\n");
                        }
                        // The server may answer and close before reading it all.
                        let _ = conn.stream().write_all(&head);
                        bad.count(conn.read_response(), 413, "oversized, chunked");
                    }
                    // Slow: a body that never completes gets 408 at the time limit.
                    _ => {
                        let r = conn
                            .stream()
                            .write_all(
                                "POST /api/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n\
                                 Content-Length: 1000\r\n\r\n一、总体要求"
                                    .as_bytes(),
                            )
                            .and_then(|()| conn.read_response());
                        bad.count(r, 408, "slow body");
                    }
                }
            }
        }));
    }

    let mut clients = Vec::new();
    for _ in 0..concurrency {
        let (next, errors, latencies, doc) = (next.clone(), errors.clone(), latencies.clone(), doc.clone());
        clients.push(std::thread::spawn(move || {
            let mut conn = Conn::open(addr);
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total || start.elapsed() > limit {
                    break;
                }
                let (path, check): (&str, fn(&[u8]) -> bool) = match i % 4 {
                    0 | 1 => ("/api/parse", |b| b.starts_with(b"{\n  \"type\": \"document\"")),
                    2 => ("/api/lint", |b| b.starts_with(b"[")),
                    _ => ("/api/convert?format=outline", |b| {
                        b.starts_with("# title: ".as_bytes())
                    }),
                };
                let t = Instant::now();
                let r = conn.send(
                    "POST",
                    path,
                    &[("Content-Type", "text/plain; charset=utf-8")],
                    doc.as_bytes(),
                    false,
                );
                let took = t.elapsed();
                match r {
                    Ok(r) if r.status == 200 && check(&r.body) => mine.push(took),
                    Ok(r) => {
                        eprintln!(
                            "{path}: status {}: {}",
                            r.status,
                            String::from_utf8_lossy(&r.body[..r.body.len().min(200)])
                        );
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        errors.fetch_add(1, Ordering::Relaxed);
                        conn = Conn::open(addr);
                    }
                }
            }
            latencies.lock().expect("no client panicked").extend(mine);
        }));
    }
    for c in clients {
        c.join().expect("a client thread");
    }
    let elapsed = start.elapsed();
    done.store(true, Ordering::Relaxed);
    for a in adversaries {
        a.join().expect("an adversary thread");
    }
    let rss_after = rss_kib(pid);
    let mut lat = std::mem::take(&mut *latencies.lock().expect("no client panicked"));
    lat.sort();
    let ok = lat.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("machine: {}", machine());
    println!(
        "document: {} bytes; requests: {ok} ok, {} errors, concurrency {concurrency}",
        doc.len(),
        errors.load(Ordering::Relaxed)
    );
    println!(
        "misbehaving requests alongside: {} answered as expected, {} not",
        bad.expected.load(Ordering::Relaxed),
        bad.unexpected.load(Ordering::Relaxed)
    );
    println!("| requests | concurrency | requests/s | p50 ms | p99 ms | VmRSS before | VmRSS after |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {ok} | {concurrency} | {:.0} | {:.1} | {:.1} | {:.1} MiB | {:.1} MiB |",
        ok as f64 / elapsed.as_secs_f64(),
        ms(percentile(&lat, 0.50)),
        ms(percentile(&lat, 0.99)),
        rss_before as f64 / 1024.0,
        rss_after as f64 / 1024.0
    );
    assert!(
        elapsed <= limit + Duration::from_secs(5),
        "the run hit its time bound of {limit:?}"
    );
    assert_eq!(errors.load(Ordering::Relaxed), 0, "good requests failed");
    assert_eq!(ok, total, "every good request answered");
    assert_eq!(
        bad.unexpected.load(Ordering::Relaxed),
        0,
        "misbehaving requests got the wrong answer"
    );
    assert!(
        bad.expected.load(Ordering::Relaxed) > 0,
        "misbehaving requests ran alongside"
    );
    let status = server.terminate();
    assert!(status.success(), "the server shuts down cleanly: {status:?}");
}
