//! HTTP tests of `speechtree serve`: every route and every error status,
//! against the server started as a child process on 127.0.0.1, port 0.
//! The API's answers are compared with what the command prints for the same
//! input.

mod serve_common;

use serve_common::{Conn, Server, docx, get, multipart, post, request, speech};
use std::io::Write;
use std::process::{Command, Stdio};

/// What `speechtree ARGS` prints for `input` on standard input.
fn cli(args: &[&str], input: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_speechtree"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("speechtree runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("stdin is written");
    let out = child.wait_with_output().expect("speechtree finishes");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

const SKIPPED: &str = "一、总体要求\n三、主要任务\n";

fn assert_security_headers(r: &serve_common::Response) {
    let csp = r.header("content-security-policy").expect("a CSP header");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(
        !csp.contains("unsafe-inline"),
        "no inline scripts or styles: {csp}"
    );
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(r.header("x-frame-options"), Some("DENY"));
}

/// An error answer: its status, JSON `error.code`, and security headers.
fn assert_error(r: &serve_common::Response, status: u16, code: &str) -> serde_json::Value {
    assert_eq!(r.status, status, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    assert_eq!(v["error"]["status"], status);
    assert_eq!(v["error"]["code"], code, "{v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_security_headers(r);
    v
}

#[test]
fn health_answers_ok_with_security_headers_and_no_cors() {
    let server = Server::start(&[]);
    let r = get(server.addr, "/api/health");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "ok");
    assert_security_headers(&r);
    assert_eq!(
        r.header("access-control-allow-origin"),
        None,
        "no CORS unless --cors"
    );
}

#[test]
fn page_and_its_assets_are_served_from_the_binary() {
    let server = Server::start(&[]);
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert_security_headers(&page);
    let html = page.text();
    assert!(
        html.contains("<script src=\"app.js\""),
        "the script is a file, not inline"
    );
    assert!(!html.contains("<script>"), "no inline script");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN or remote asset"
    );
    assert!(html.contains("大纲"), "Chinese labels");
    let js = get(server.addr, "/app.js");
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-type"), Some("text/javascript; charset=utf-8"));
    let css = get(server.addr, "/app.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    let api = get(server.addr, "/api/openapi.json");
    assert_eq!(api.status, 200);
    let spec = api.json();
    for route in [
        "/api/parse",
        "/api/lint",
        "/api/convert",
        "/api/analyse",
        "/api/health",
    ] {
        assert!(spec["paths"][route].is_object(), "openapi.json describes {route}");
    }
}

#[test]
fn parse_gives_the_commands_json() {
    let server = Server::start(&[]);
    let text = speech(3);
    let r = post(
        server.addr,
        "/api/parse",
        "text/plain; charset=utf-8",
        text.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.text(), cli(&["--format", "json"], text.as_bytes()));
    let doc = r.json();
    assert_eq!(doc["type"], "document");
    assert_eq!(doc["span"]["end"], text.len());
}

#[test]
fn lint_gives_the_findings_as_lint_format_json_prints_them() {
    let server = Server::start(&[]);
    let r = post(
        server.addr,
        "/api/lint?name=%3Cstdin%3E",
        "text/plain",
        SKIPPED.as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.text(),
        cli(&["lint", "--format", "json", "-"], SKIPPED.as_bytes())
    );
    let findings = r.json();
    assert_eq!(findings[0]["rule"], "skipped-ordinal");
    assert_eq!(findings[0]["line"], 2);
    assert_eq!(findings[0]["column"], 1);
    // Without a name, the body is `<body>`.
    let r = post(server.addr, "/api/lint", "text/plain", SKIPPED.as_bytes());
    assert_eq!(r.json()[0]["path"], "<body>");
    // A clean text has no findings.
    let r = post(server.addr, "/api/lint", "text/plain", speech(2).as_bytes());
    assert_eq!(r.json(), serde_json::json!([]));
}

#[test]
fn convert_gives_each_format_of_the_command() {
    let server = Server::start(&[]);
    let text = speech(2);
    for (format, content_type) in [
        ("outline", "text/plain; charset=utf-8"),
        ("markdown", "text/markdown; charset=utf-8"),
        ("csv", "text/csv; charset=utf-8"),
        ("jsonl", "application/x-ndjson"),
        ("json", "application/json"),
    ] {
        let r = post(
            server.addr,
            &format!("/api/convert?format={format}&name=%3Cstdin%3E"),
            "text/plain",
            text.as_bytes(),
        );
        assert_eq!(r.status, 200, "{format}: {}", r.text());
        assert_eq!(r.header("content-type"), Some(content_type), "{format}");
        assert_eq!(r.text(), cli(&["--format", format], text.as_bytes()), "{format}");
    }
    // The outline is the default.
    let r = post(server.addr, "/api/convert", "text/plain", text.as_bytes());
    assert!(
        r.text()
            .starts_with("# title: 在全县春季农业生产工作会议上的讲话\n"),
        "{}",
        r.text()
    );
}

#[test]
fn analyse_gives_text_tree_findings_and_counts() {
    let server = Server::start(&[]);
    let text = "一、总体要求\n一是加强领导。二是压实责任。\n三、主要任务\n（一）抓落实\n";
    let r = post(server.addr, "/api/analyse", "text/plain", text.as_bytes());
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["text"], text);
    assert_eq!(v["document"]["type"], "document");
    fn count(node: &serde_json::Value, kind: &str) -> usize {
        let here = usize::from(node["type"] == kind);
        let below = node["children"]
            .as_array()
            .map_or(0, |c| c.iter().map(|n| count(n, kind)).sum());
        here + below
    }
    assert_eq!(v["counts"]["sections"], count(&v["document"], "section"));
    assert_eq!(v["counts"]["points"], count(&v["document"], "point"));
    assert_eq!(v["counts"]["sections"], 3);
    assert_eq!(v["counts"]["points"], 2);
    // 三、 skips 二、; （一） under it has no （二）.
    assert_eq!(v["counts"]["findings"], 2, "{}", v["findings"]);
    assert_eq!(v["findings"][0]["rule"], "skipped-ordinal");
    assert_eq!(v["findings"][1]["rule"], "single-item");
}

#[test]
fn gbk_and_utf16_bodies_are_detected_as_the_command_does() {
    let server = Server::start(&[]);
    let expected = cli(&[], "一、总体要求\n二、主要任务\n".as_bytes());
    // "一、总体要求\n二、主要任务\n" in GBK.
    let gbk: &[u8] = b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3\n\xb6\xfe\xa1\xa2\xd6\xf7\xd2\xaa\xc8\xce\xce\xf1\n";
    for content_type in ["text/plain", "text/plain; charset=gbk"] {
        let r = post(server.addr, "/api/convert", content_type, gbk);
        assert_eq!(r.status, 200, "{content_type}: {}", r.text());
        assert_eq!(r.text(), expected, "{content_type}");
    }
    let r = post(server.addr, "/api/convert?encoding=gb18030", "text/plain", gbk);
    assert_eq!(r.text(), expected);
    let mut utf16 = vec![0xff, 0xfe];
    for unit in "一、总体要求\n二、主要任务\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let r = post(server.addr, "/api/convert", "text/plain", &utf16);
    assert_eq!(r.text(), expected);
}

#[test]
fn uploads_of_txt_md_and_docx_are_read_by_extension() {
    let server = Server::start(&[]);
    let text = speech(2);
    let expected = cli(&[], text.as_bytes());
    for (file, bytes) in [
        ("讲话.txt", text.as_bytes().to_vec()),
        ("讲话.md", text.as_bytes().to_vec()),
        ("讲话.docx", docx(&text)),
    ] {
        let (body, content_type) = multipart("file", file, &bytes);
        let r = post(server.addr, "/api/convert?format=outline", &content_type, &body);
        assert_eq!(r.status, 200, "{file}: {}", r.text());
        assert_eq!(r.text(), expected, "{file}");
    }
    // The uploaded file's name is the `path` of findings.
    let (body, content_type) = multipart("file", "草稿.docx", &docx(SKIPPED));
    let r = post(server.addr, "/api/lint", &content_type, &body);
    assert_eq!(r.json()[0]["path"], "草稿.docx");
    // A .docx sent as the body, by its media type.
    let r = post(
        server.addr,
        "/api/convert",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &docx(&text),
    );
    assert_eq!(r.text(), expected);
}

#[test]
fn invalid_utf8_is_400_naming_the_byte_offset() {
    let server = Server::start(&[]);
    // Declared UTF-8: the first bad byte is at offset 7 (after "一、" and "\n").
    let body = b"\xe4\xb8\x80\xe3\x80\x81\n\xff\xfe";
    let r = post(server.addr, "/api/parse", "text/plain; charset=utf-8", body);
    let v = assert_error(&r, 400, "invalid_encoding");
    assert_eq!(v["error"]["offset"], 7);
    assert_eq!(v["error"]["line"], 2);
    assert_eq!(v["error"]["column"], 1);
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("byte offset 7")),
        "{v}"
    );
    // Detected: bytes that neither UTF-8 nor GB18030 explain.
    let r = post(server.addr, "/api/lint", "text/plain", b"ok\n\xff");
    assert_error(&r, 400, "invalid_encoding");
    let r = post(server.addr, "/api/parse?encoding=klingon", "text/plain", b"ok");
    assert_error(&r, 400, "unknown_encoding");
}

#[test]
fn too_large_is_413_for_bodies_and_uploads() {
    let server = Server::start(&["--max-bytes", "1KiB"]);
    let big = "一、总体要求\n".repeat(200);
    let r = post(server.addr, "/api/parse", "text/plain", big.as_bytes());
    assert_error(&r, 413, "too_large");
    let (body, content_type) = multipart("file", "big.txt", big.as_bytes());
    let r = post(server.addr, "/api/parse", &content_type, &body);
    assert_error(&r, 413, "too_large");
    // Without a Content-Length (chunked), the limit holds while reading.
    let mut conn = Conn::open(server.addr);
    let chunk = format!("{:x}\r\n{big}\r\n0\r\n\r\n", big.len());
    write!(
        conn.stream(),
        "POST /api/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunk}"
    )
    .expect("request written");
    assert_error(&conn.read_response().expect("an answer"), 413, "too_large");
    // A small one still passes.
    let r = post(
        server.addr,
        "/api/parse",
        "text/plain",
        "一、总体要求\n".as_bytes(),
    );
    assert_eq!(r.status, 200);
}

#[test]
fn unknown_types_are_415() {
    let server = Server::start(&[]);
    let r = post(server.addr, "/api/parse", "image/png", b"\x89PNG");
    assert_error(&r, 415, "unsupported_type");
    let (body, content_type) = multipart("file", "scan.pdf", b"%PDF-1.7");
    let r = post(server.addr, "/api/parse", &content_type, &body);
    let v = assert_error(&r, 415, "unsupported_type");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("scan.pdf"))
    );
    // A legacy Word .doc, by its signature.
    let doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0";
    let r = post(server.addr, "/api/parse", "application/octet-stream", doc);
    assert_error(&r, 415, "unsupported_type");
}

#[test]
fn a_broken_docx_is_422() {
    let server = Server::start(&[]);
    let (body, content_type) = multipart("file", "broken.docx", b"this is not a zip archive");
    let r = post(server.addr, "/api/parse", &content_type, &body);
    let v = assert_error(&r, 422, "broken_docx");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("broken.docx"))
    );
    // A zip without word/document.xml.
    let mut truncated = docx("一、总体要求");
    truncated.truncate(truncated.len() / 2);
    let (body, content_type) = multipart("file", "truncated.docx", &truncated);
    let r = post(server.addr, "/api/lint", &content_type, &body);
    assert_error(&r, 422, "broken_docx");
}

#[test]
fn bad_routes_methods_forms_and_formats_are_json_errors() {
    let server = Server::start(&[]);
    assert_error(&get(server.addr, "/api/nothing"), 404, "not_found");
    assert_error(&get(server.addr, "/api/parse"), 405, "method_not_allowed");
    let r = post(server.addr, "/api/convert?format=pdf", "text/plain", b"x");
    assert_error(&r, 400, "unknown_format");
    let (body, content_type) = multipart("other", "", b"");
    let body = String::from_utf8(body)
        .expect("ASCII")
        .replace("; filename=\"\"", "");
    let r = post(server.addr, "/api/parse", &content_type, body.as_bytes());
    assert_error(&r, 400, "no_input");
    let r = post(server.addr, "/api/parse", "multipart/form-data", b"--x--");
    assert_error(&r, 400, "bad_multipart");
    // After all of these the server still answers.
    assert_eq!(get(server.addr, "/api/health").status, 200);
}

#[test]
fn a_slow_body_gets_408_within_the_time_limit() {
    let server = Server::start(&["--timeout", "1"]);
    let mut conn = Conn::open(server.addr);
    // Promise 100 bytes, send 10, and wait.
    write!(
        conn.stream(),
        "POST /api/parse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n\
         Content-Length: 100\r\n\r\n一、总体"
    )
    .expect("request written");
    let r = conn.read_response().expect("an answer before the body ends");
    assert_error(&r, 408, "timeout");
    assert_eq!(get(server.addr, "/api/health").status, 200);
}

#[test]
fn cors_only_when_asked() {
    let server = Server::start(&["--cors", "http://docs.example.test"]);
    let r = request(
        server.addr,
        "POST",
        "/api/parse",
        &[
            ("Origin", "http://docs.example.test"),
            ("Content-Type", "text/plain"),
        ],
        "一、总体要求\n".as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("http://docs.example.test")
    );
    let preflight = request(
        server.addr,
        "OPTIONS",
        "/api/parse",
        &[
            ("Origin", "http://docs.example.test"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        b"",
    );
    assert_eq!(preflight.status, 200);
    assert!(
        preflight
            .header("access-control-allow-methods")
            .is_some_and(|m| m.contains("POST"))
    );
    // Another origin gets no permission.
    let r = request(
        server.addr,
        "GET",
        "/api/health",
        &[("Origin", "http://evil.example.test")],
        b"",
    );
    assert_eq!(r.header("access-control-allow-origin"), None);
}

#[test]
fn listening_beyond_loopback_warns_and_loopback_does_not() {
    let quiet = Server::start(&[]);
    assert!(quiet.preamble.is_empty(), "{:?}", quiet.preamble);
    // All interfaces: a warning. Only loopback traffic is sent.
    let open = Server::start_on("0.0.0.0", &[]);
    assert!(
        open.preamble
            .iter()
            .any(|l| l.contains("warning") && l.contains("not a loopback address")),
        "{:?}",
        open.preamble
    );
    let port = open.addr.port();
    let loopback = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    assert_eq!(get(loopback, "/api/health").status, 200);
}

#[test]
fn sigterm_shuts_the_server_down_gracefully() {
    let server = Server::start(&[]);
    assert_eq!(get(server.addr, "/api/health").status, 200);
    let status = server.terminate();
    assert!(status.success(), "exit status {status:?}");
    // Right after it says it listens, before any request.
    for _ in 0..5 {
        let status = Server::start(&[]).terminate();
        assert!(status.success(), "exit status {status:?} right after start");
    }
}

#[test]
fn keep_alive_connections_serve_many_requests() {
    let server = Server::start(&[]);
    let mut conn = Conn::open(server.addr);
    let text = speech(1);
    for _ in 0..20 {
        let r = conn
            .send(
                "POST",
                "/api/parse",
                &[("Content-Type", "text/plain")],
                text.as_bytes(),
                false,
            )
            .expect("answered");
        assert_eq!(r.status, 200);
    }
}

#[test]
fn slow_request_headers_close_the_connection() {
    let server = Server::start(&["--header-timeout", "1"]);
    let mut slow = std::net::TcpStream::connect(server.addr).expect("connects");
    // Half a request line and header, then nothing more.
    slow.write_all(b"POST /api/parse HTTP/1.1\r\nHost: localhost\r\nContent-Ty")
        .expect("partial headers written");
    // Other clients are served meanwhile.
    assert_eq!(get(server.addr, "/api/health").status, 200);
    // A liveness bound, far above the 1 s header timeout: the server must
    // close the connection (or answer 408) rather than wait forever.
    slow.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .expect("read timeout set");
    let mut answer = Vec::new();
    match std::io::Read::read_to_end(&mut slow, &mut answer) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!("the server kept the slow connection open: {e}"),
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "closed, or 408: {answer}"
    );
    assert_eq!(get(server.addr, "/api/health").status, 200);
}

#[test]
fn parsing_past_the_time_limit_gets_503_and_the_server_goes_on() {
    // A small upload that is a large document: a `.docx` of the same lines
    // compresses to a few KiB, so reading it fits well inside the limit and
    // parsing it does not.
    let server = Server::start(&["--timeout-ms", "100", "--max-bytes", "256MiB"]);
    let text = "一是加强组织领导，压实各级责任，确保各项任务落到实处。\n".repeat(100_000);
    let (body, content_type) = multipart("file", "big.docx", &docx(&text));
    let r = post(server.addr, "/api/parse", &content_type, &body);
    let v = assert_error(&r, 503, "timeout");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("100 ms")),
        "{v}"
    );
    assert_eq!(get(server.addr, "/api/health").status, 200);
    let r = post(
        server.addr,
        "/api/parse",
        "text/plain; charset=utf-8",
        "一、总体要求\n".as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}
