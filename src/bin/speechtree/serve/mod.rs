//! `speechtree serve`: a local page for proofreaders and an HTTP API for
//! other systems, one server (axum routes on hyper connections, on tokio).
//!
//! Routes (see `docs/serve.md` and `GET /api/openapi.json`):
//!
//! - `GET /` and its assets: the page, embedded in the binary;
//! - `POST /api/parse`: the tree in the JSON of `--format json`;
//! - `POST /api/lint`: the findings as `speechtree lint --format json` prints them;
//! - `POST /api/convert?format=outline|markdown|csv|jsonl|json`;
//! - `POST /api/analyse`: text, tree, findings and counts in one answer (the page's call);
//! - `GET /api/health`.
//!
//! Inputs are a request body (text in UTF-8, or detected like the command
//! does: UTF-16 with a byte-order mark, GB18030) or a `multipart/form-data`
//! upload of a `.txt`, `.md`, `.html` or `.docx` file. Nothing is written to
//! disk. Parsing runs on blocking threads, at most `--jobs` at once, and each
//! request has a time limit.

mod api;
mod render;

use axum::http::{HeaderName, HeaderValue, Method, header};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

/// Arguments of `speechtree serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Address to listen on; anything but a loopback address exposes the
    /// server (and the documents sent to it) to the network.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port to listen on; 0 picks a free one (printed on stderr).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The largest request body accepted (B, KiB, MiB, GiB; K, M, G are
    /// binary too).
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = parse_size)]
    max_bytes: u64,
    /// Documents parsed at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Time limit of one request, in seconds (reading the body included).
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// The same limit in milliseconds (for tests; overrides --timeout).
    #[arg(long, value_name = "MS", hide = true)]
    timeout_ms: Option<u64>,
    /// Time a client has to send a request's line and headers, in seconds;
    /// a connection that sends them slower is closed.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    header_timeout: u64,
    /// Connections open at once; more wait until one closes.
    #[arg(long, value_name = "N", default_value_t = 1024)]
    max_connections: usize,
    /// Allow cross-origin requests from ORIGIN (repeatable; `*` for any).
    #[arg(long, value_name = "ORIGIN")]
    cors: Vec<String>,
}

/// Parses `16MiB`, `512K`, `1000000`.
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size such as 16MiB"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "kb" => 1000,
        "m" | "mib" => 1 << 20,
        "mb" => 1_000_000,
        "g" | "gib" => 1 << 30,
        "gb" => 1_000_000_000,
        other => return Err(format!("unknown size unit `{other}` (use B, KiB, MiB or GiB)")),
    };
    match n.checked_mul(mult) {
        Some(0) => Err("the size must be more than 0".to_owned()),
        Some(v) => Ok(v),
        None => Err(format!("`{s}` is too large")),
    }
}

/// What every request handler shares.
pub struct State {
    pub max_bytes: u64,
    pub timeout: Duration,
    pub jobs: Arc<Semaphore>,
}

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(args: Args) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("speechtree serve: cannot start the runtime: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(serve(args))
}

async fn serve(args: Args) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind((args.host.as_str(), args.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "speechtree serve: cannot listen on {}:{}: {e}",
                args.host, args.port
            );
            return ExitCode::from(2);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("speechtree serve: {e}");
            return ExitCode::from(2);
        }
    };
    if !addr.ip().is_loopback() {
        eprintln!(
            "speechtree serve: warning: listening on {}, not a loopback address: \
             other machines can reach this server and the documents sent to it",
            addr.ip()
        );
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    let state = Arc::new(State {
        max_bytes: args.max_bytes,
        timeout: match args.timeout_ms {
            Some(ms) => Duration::from_millis(ms.max(1)),
            None => Duration::from_secs(args.timeout.max(1)),
        },
        jobs: Arc::new(Semaphore::new(jobs)),
    });
    let cors = match cors_layer(&args.cors) {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("speechtree serve: {msg}");
            return ExitCode::from(2);
        }
    };
    let app = with_headers(api::router(state), cors);
    // The signal handlers are in place before the server says it listens:
    // a SIGTERM sent as soon as it answers is a graceful stop, not a kill.
    let mut stop = std::pin::pin!(shutdown_signal());
    eprintln!("speechtree serve: listening on http://{}/", display_addr(addr));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(args.header_timeout.max(1)));
    let service = TowerToHyperService::new(app);
    let connections = Arc::new(Semaphore::new(args.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    loop {
        // A free connection slot first, then a connection: past
        // `--max-connections` new clients wait in the listen queue.
        let permit = tokio::select! {
            permit = connections.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut stop => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: wait a little and go on.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            // A connection's errors (a client gone, headers too slow) concern
            // that client only.
            let _ = conn.await;
            drop(permit);
        });
    }
    eprintln!("speechtree serve: shutting down");
    drop(listener);
    // Requests under way get a grace period to finish after the signal.
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(Duration::from_secs(10)) => {},
    }
    ExitCode::SUCCESS
}

fn display_addr(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
    }
}

/// Ctrl-C, or SIGTERM on Unix. The handlers are installed when this is
/// called, not when the future is first polled.
fn shutdown_signal() -> impl Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{Signal, SignalKind, signal};
        let term = signal(SignalKind::terminate()).ok();
        let interrupt = signal(SignalKind::interrupt()).ok();
        let wait = |s: Option<Signal>| async move {
            match s {
                Some(mut s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        async move {
            tokio::select! {
                () = wait(term) => {},
                () = wait(interrupt) => {},
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// The security headers of every response, and CORS when asked for.
fn with_headers(app: axum::Router, cors: Option<CorsLayer>) -> axum::Router {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    let app = app
        .layer(set(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        .layer(set(header::CACHE_CONTROL, "no-store"));
    match cors {
        Some(cors) => app.layer(cors),
        None => app,
    }
}

fn cors_layer(origins: &[String]) -> Result<Option<CorsLayer>, String> {
    if origins.is_empty() {
        return Ok(None);
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        let mut values = Vec::new();
        for o in origins {
            values.push(
                HeaderValue::from_str(o.trim_end_matches('/'))
                    .map_err(|_| format!("--cors: `{o}` is not an origin"))?,
            );
        }
        AllowOrigin::list(values)
    };
    Ok(Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::CONTENT_TYPE]),
    ))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_parse_with_binary_and_decimal_units() {
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2MB"), Ok(2_000_000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("99999999999999999999GiB").is_err());
    }
}
