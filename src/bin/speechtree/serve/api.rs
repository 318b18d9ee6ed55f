//! Routes, request reading and JSON errors of `speechtree serve`.

use super::State;
use super::render;
use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");
const OPENAPI_JSON: &str = include_str!("assets/openapi.json");

/// Extensions accepted in uploads.
const UPLOAD_EXTENSIONS: [&str; 6] = ["txt", "text", "md", "markdown", "html", "docx"];

/// Room for the multipart framing around one file of `max_bytes`.
const MULTIPART_OVERHEAD: u64 = 64 << 10;

/// The router of every route, with `state`.
pub fn router(state: Arc<State>) -> Router {
    let limit = usize::try_from(state.max_bytes.saturating_add(MULTIPART_OVERHEAD)).unwrap_or(usize::MAX);
    Router::new()
        .route("/", get(|| asset(INDEX_HTML, "text/html; charset=utf-8")))
        .route("/app.js", get(|| asset(APP_JS, "text/javascript; charset=utf-8")))
        .route("/app.css", get(|| asset(APP_CSS, "text/css; charset=utf-8")))
        .route(
            "/api/openapi.json",
            get(|| asset(OPENAPI_JSON, "application/json")),
        )
        .route("/api/health", get(health))
        .route("/api/parse", post(|s, q, r| handle(s, q, r, Route::Parse)))
        .route("/api/lint", post(|s, q, r| handle(s, q, r, Route::Lint)))
        .route("/api/convert", post(|s, q, r| handle(s, q, r, Route::Convert)))
        .route("/api/analyse", post(|s, q, r| handle(s, q, r, Route::Analyse)))
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "method not allowed here",
            )
        })
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such page or route") })
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

async fn asset(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

async fn health() -> Response {
    axum::Json(serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
    }))
    .into_response()
}

/// An error answered as JSON: `{"error": {"status", "code", "message", …}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    /// Position of undecodable bytes.
    offset: Option<usize>,
    line: Option<usize>,
    column: Option<usize>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            offset: None,
            line: None,
            column: None,
        }
    }

    fn too_large(max: u64) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("the request is larger than the limit of {max} bytes (--max-bytes)"),
        )
    }

    fn timeout(status: StatusCode, limit: Duration) -> Self {
        let limit = if limit.subsec_millis() == 0 {
            format!("{} s", limit.as_secs())
        } else {
            format!("{} ms", limit.as_millis())
        };
        Self::new(
            status,
            "timeout",
            format!("the request took longer than {limit} (--timeout)"),
        )
    }
}

/// The library's reading errors, with the status each deserves.
impl From<speechtree::Error> for ApiError {
    fn from(e: speechtree::Error) -> Self {
        let message = e.to_string();
        match e {
            speechtree::Error::Decode {
                offset, line, column, ..
            } => ApiError {
                offset: Some(offset),
                line: Some(line),
                column: Some(column),
                ..Self::new(StatusCode::BAD_REQUEST, "invalid_encoding", message)
            },
            speechtree::Error::UnknownEncoding { .. } => {
                Self::new(StatusCode::BAD_REQUEST, "unknown_encoding", message)
            }
            speechtree::Error::Limit { .. } => Self::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message),
            speechtree::Error::Unsupported { .. } => {
                Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_type", message)
            }
            speechtree::Error::Docx { .. } => {
                Self::new(StatusCode::UNPROCESSABLE_ENTITY, "broken_docx", message)
            }
            _ => Self::new(StatusCode::UNPROCESSABLE_ENTITY, "unreadable", message),
        }
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    status: u16,
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": ErrorBody {
            status: self.status.as_u16(),
            code: self.code,
            message: &self.message,
            offset: self.offset,
            line: self.line,
            column: self.column,
        }});
        (self.status, axum::Json(body)).into_response()
    }
}

/// The query string of the API's POST routes.
#[derive(serde::Deserialize, Default)]
pub struct Query {
    /// `convert`'s output format.
    format: Option<String>,
    /// A WHATWG encoding label overriding detection (and the body's charset).
    encoding: Option<String>,
    /// The name of the input in outputs (`path` of lint findings, CSV, JSONL).
    name: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Route {
    Parse,
    Lint,
    Convert,
    Analyse,
}

#[derive(Clone, Copy)]
enum Format {
    Outline,
    Markdown,
    Csv,
    Jsonl,
    Json,
}

impl Format {
    fn from_query(q: Option<&str>) -> Result<Self, ApiError> {
        Ok(match q.unwrap_or("outline") {
            "outline" => Format::Outline,
            "markdown" | "md" => Format::Markdown,
            "csv" => Format::Csv,
            "jsonl" => Format::Jsonl,
            "json" => Format::Json,
            other => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "unknown_format",
                    format!("unknown format `{other}`; formats are outline, markdown, csv, jsonl, json"),
                ));
            }
        })
    }
}

/// One input as received: its bytes, its name (whose extension tells its
/// kind) and the encoding named by the request, if any.
struct Received {
    bytes: Vec<u8>,
    name: String,
    encoding: Option<String>,
}

async fn handle(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    query: Result<axum::extract::Query<Query>, axum::extract::rejection::QueryRejection>,
    request: Request,
    route: Route,
) -> Result<Response, ApiError> {
    let query = query
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "bad_query", e.body_text()))?
        .0;
    let format = if route == Route::Convert {
        Some(Format::from_query(query.format.as_deref())?)
    } else {
        None
    };
    let deadline = Instant::now() + state.timeout;
    let limit = state.timeout;
    let received = tokio::time::timeout_at(deadline, receive(&state, request))
        .await
        .map_err(|_| ApiError::timeout(StatusCode::REQUEST_TIMEOUT, limit))??;
    // Parsing is CPU work: off the async threads, at most `--jobs` at once.
    let work = async {
        let permit = state.jobs.clone().acquire_owned().await.map_err(|_| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "shutting_down",
                "the server is shutting down",
            )
        })?;
        let max = state.max_bytes;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            process(received, query, route, format, max)
        })
        .await
        .map_err(|e| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                format!("internal error: {e}"),
            )
        })?
    };
    tokio::time::timeout_at(deadline, work)
        .await
        .map_err(|_| ApiError::timeout(StatusCode::SERVICE_UNAVAILABLE, limit))?
}

/// Reads the request's input: a body of text (or a `.docx`), or the file of
/// a `multipart/form-data` upload.
async fn receive(state: &State, request: Request) -> Result<Received, ApiError> {
    let max = state.max_bytes;
    if let Some(len) = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        && len > max.saturating_add(MULTIPART_OVERHEAD)
    {
        return Err(ApiError::too_large(max));
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("?").to_owned());
    let (mime, charset) = split_content_type(content_type.as_deref().unwrap_or(""));
    let name = match mime.as_str() {
        "multipart/form-data" => return receive_multipart(max, request).await,
        // `curl -d` and `--data-binary` send form-urlencoded: the bytes are the text.
        "" | "text/plain" | "application/octet-stream" | "application/x-www-form-urlencoded" => "<body>",
        "text/markdown" | "text/x-markdown" => "<body>.md",
        "text/html" => "<body>.html",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "<body>.docx",
        other => {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_type",
                format!(
                    "cannot read a body of type `{other}`; send text/plain, text/markdown, text/html, \
                     a .docx, or multipart/form-data with a file"
                ),
            ));
        }
    };
    let bytes = read_body(request.into_body(), max).await?;
    Ok(Received {
        bytes,
        name: name.to_owned(),
        encoding: charset,
    })
}

/// `text/plain; charset=GBK` → (`text/plain`, `Some("GBK")`).
fn split_content_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_owned())
    });
    (mime, charset)
}

async fn read_body(body: Body, max: u64) -> Result<Vec<u8>, ApiError> {
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    match axum::body::to_bytes(body, limit).await {
        Ok(b) => Ok(b.to_vec()),
        Err(e) => {
            let too_large =
                std::error::Error::source(&e).is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            if too_large {
                Err(ApiError::too_large(max))
            } else {
                Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "bad_body",
                    format!("cannot read the request body: {e}"),
                ))
            }
        }
    }
}

async fn receive_multipart(max: u64, request: Request) -> Result<Received, ApiError> {
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "bad_multipart", e.body_text()))?;
    let multipart_error = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(max)
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, "bad_multipart", e.body_text())
        }
    };
    let mut encoding = None;
    let mut found: Option<(Vec<u8>, String)> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let field_name = field.name().unwrap_or("").to_owned();
        let file_name = field.file_name().map(str::to_owned);
        if field_name == "encoding" && file_name.is_none() {
            let label = field.text().await.map_err(multipart_error)?;
            if !label.trim().is_empty() {
                encoding = Some(label.trim().to_owned());
            }
            continue;
        }
        if found.is_some() {
            continue;
        }
        if let Some(file_name) = file_name {
            check_extension(&file_name)?;
            let bytes = field.bytes().await.map_err(multipart_error)?;
            found = Some((bytes.to_vec(), file_name));
        } else if field_name == "text" {
            let bytes = field.bytes().await.map_err(multipart_error)?;
            found = Some((bytes.to_vec(), "<text>".to_owned()));
        }
    }
    let (bytes, name) = found.ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "no_input",
            "the form has no file and no `text` field",
        )
    })?;
    if bytes.len() as u64 > max {
        return Err(ApiError::too_large(max));
    }
    Ok(Received {
        bytes,
        name,
        encoding,
    })
}

fn check_extension(file_name: &str) -> Result<(), ApiError> {
    let ext = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext {
        Some(ext) if UPLOAD_EXTENSIONS.contains(&ext.as_str()) || ext == "htm" => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
            format!("{file_name}: cannot read this kind of file; upload .txt, .md, .html or .docx"),
        )),
    }
}

/// The page's answer: everything it shows, from one request.
#[derive(Serialize)]
struct Analysis<'a> {
    name: &'a str,
    text: &'a str,
    document: &'a speechtree::Document<'a>,
    findings: &'a [render::JsonFinding<'a>],
    counts: render::Counts,
}

/// Reads, parses and renders (on a blocking thread).
fn process(
    received: Received,
    query: Query,
    route: Route,
    format: Option<Format>,
    max: u64,
) -> Result<Response, ApiError> {
    let encoding = query.encoding.or(received.encoding);
    let read = render::read(&received.bytes, &received.name, encoding, max)?;
    drop(received.bytes);
    let name = query.name.unwrap_or(received.name);
    let doc = render::parse(&read);
    let internal = |e: String| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e);
    let json = |s: String| ([(header::CONTENT_TYPE, "application/json")], s).into_response();
    Ok(match (route, format) {
        (Route::Parse, _) | (Route::Convert, Some(Format::Json)) => {
            json(render::json(&doc).map_err(internal)?)
        }
        (Route::Lint, _) => {
            let findings = render::findings(&doc);
            let findings = render::json_findings(&name, &read.text, &findings);
            json(serde_json::to_string_pretty(&findings).map_err(|e| internal(e.to_string()))? + "\n")
        }
        (Route::Analyse, _) => {
            let lint = render::findings(&doc);
            let counts = render::counts(&read.text, &doc, &lint);
            let findings = render::json_findings(&name, &read.text, &lint);
            let analysis = Analysis {
                name: &name,
                text: &read.text,
                document: &doc,
                findings: &findings,
                counts,
            };
            json(serde_json::to_string(&analysis).map_err(|e| internal(e.to_string()))?)
        }
        (Route::Convert, Some(Format::Outline) | None) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            render::outline(&doc),
        )
            .into_response(),
        (Route::Convert, Some(Format::Markdown)) => (
            [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
            render::markdown(&doc).map_err(internal)?,
        )
            .into_response(),
        (Route::Convert, Some(Format::Csv)) => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            render::csv(&name, &doc).map_err(internal)?,
        )
            .into_response(),
        (Route::Convert, Some(Format::Jsonl)) => (
            [(header::CONTENT_TYPE, "application/x-ndjson")],
            render::jsonl(&name, &doc).map_err(internal)?,
        )
            .into_response(),
    })
}
