//! Shared by the HTTP tests of `speechtree serve`: the server as a child
//! process on 127.0.0.1 port 0, a minimal HTTP/1.1 client over `TcpStream`
//! (no client crate needed), and fixtures written for these tests.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `speechtree serve`, stopped (SIGTERM, then kill) on drop.
pub struct Server {
    pub addr: SocketAddr,
    /// What the server printed on stderr before its address.
    pub preamble: Vec<String>,
    child: Child,
}

impl Server {
    /// Starts the server with extra `args`, waiting for its address.
    pub fn start(args: &[&str]) -> Server {
        Server::start_on("127.0.0.1", args)
    }

    /// Starts the server listening on `host`, port 0.
    pub fn start_on(host: &str, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_speechtree"))
            .args(["serve", "--host", host, "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("speechtree serve starts");
        let stderr = child.stderr.take().expect("stderr is piped");
        let mut lines = BufReader::new(stderr).lines();
        let mut preamble = Vec::new();
        let addr = loop {
            let line = lines
                .next()
                .expect("the server prints its address before exiting")
                .expect("stderr is readable");
            if let Some(rest) = line.split("listening on http://").nth(1) {
                break rest.trim_end_matches('/').parse().expect("a socket address");
            }
            preamble.push(line);
        };
        // Keep draining stderr so the server never blocks on it.
        std::thread::spawn(move || for _ in lines {});
        Server {
            addr,
            preamble,
            child,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM and waits for the exit status.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..200 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        self.child.wait().expect("the server exits")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A response: status, headers (names lowercase) and body.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("JSON body ({e}): {}", self.text()))
    }
}

/// One request on a fresh connection.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut conn = Conn::open(addr);
    conn.send(method, path, headers, body, true)
        .expect("the request is answered")
}

/// `POST path` with a body of `content_type`.
pub fn post(addr: SocketAddr, path: &str, content_type: &str, body: &[u8]) -> Response {
    request(addr, "POST", path, &[("Content-Type", content_type)], body)
}

pub fn get(addr: SocketAddr, path: &str) -> Response {
    request(addr, "GET", path, &[], b"")
}

/// A `multipart/form-data` body with one file field and its content type.
pub fn multipart(field: &str, file_name: &str, content: &[u8]) -> (Vec<u8>, String) {
    let boundary = "speechtree-test-boundary-7d1f";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (body, format!("multipart/form-data; boundary={boundary}"))
}

/// A keep-alive connection.
pub struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    pub fn open(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect(addr).expect("connect to the server");
        stream.set_read_timeout(Some(Duration::from_secs(120))).ok();
        stream.set_nodelay(true).ok();
        Conn {
            reader: BufReader::new(stream),
        }
    }

    pub fn stream(&mut self) -> &mut TcpStream {
        self.reader.get_mut()
    }

    /// Sends one request and reads its response.
    pub fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        close: bool,
    ) -> std::io::Result<Response> {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: {}\r\n",
            body.len()
        );
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if close {
            head.push_str("Connection: close\r\n");
        }
        head.push_str("\r\n");
        let stream = self.reader.get_mut();
        stream.write_all(head.as_bytes())?;
        stream.write_all(body)?;
        self.read_response()
    }

    /// Reads one response (Content-Length or chunked).
    pub fn read_response(&mut self) -> std::io::Result<Response> {
        let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_owned());
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "connection closed",
            ));
        }
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no status line"))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (k, v) = l.split_once(':').ok_or_else(|| bad("bad header"))?;
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
        let find = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let mut body = Vec::new();
        if let Some(len) = find("content-length") {
            let len: usize = len.parse().map_err(|_| bad("bad content-length"))?;
            body.resize(len, 0);
            self.reader.read_exact(&mut body)?;
        } else if find("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
            loop {
                line.clear();
                self.reader.read_line(&mut line)?;
                let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                    .map_err(|_| bad("bad chunk size"))?;
                let mut chunk = vec![0; size + 2];
                self.reader.read_exact(&mut chunk)?;
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        } else {
            self.reader.read_to_end(&mut body)?;
        }
        Ok(Response {
            status,
            headers,
            body,
        })
    }
}

/// A speech written for these tests: title, salutation, sections 一、（一）1.
/// and inline points, `sections` top-level sections long.
pub fn speech(sections: usize) -> String {
    const NUMS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut s = String::from(
        "在全县春季农业生产工作会议上的讲话\n\n同志们：\n\n今天召开这次会议，主要是安排部署春耕备耕工作。下面，我讲几点意见。\n\n",
    );
    for i in 0..sections {
        let n = NUMS[i % 10];
        s.push_str(&format!("{n}、抓好第{}项重点工作\n", i + 1));
        for (j, sub) in NUMS.iter().take(3).enumerate() {
            s.push_str(&format!("（{sub}）落实第{}条具体措施\n", j + 1));
            s.push_str("一是加强组织领导，压实各级责任，确保各项任务落到实处。二是强化要素保障，统筹资金、人员和物资，做到早谋划、早部署、早落实。三是严格督查考核，对工作不力的单位和个人严肃问责。\n");
            for k in 1..=2 {
                s.push_str(&format!("{k}.做好田间管理和技术指导，组织农技人员深入一线，帮助群众解决实际困难，切实提高粮食单产和种植效益。\n"));
            }
        }
    }
    s.push_str(
        "\n同志们，春耕生产时间紧、任务重，希望大家齐心协力，确保全年粮食生产目标任务圆满完成。谢谢大家！\n",
    );
    s
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A minimal `.docx` with one paragraph per line of `text`.
pub fn docx(text: &str) -> Vec<u8> {
    use std::io::Cursor;
    let paragraphs: String = text
        .lines()
        .map(|l| {
            let l = l.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            format!(r#"<w:p><w:r><w:t xml:space="preserve">{l}</w:t></w:r></w:p>"#)
        })
        .collect();
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
        .expect("zip entry");
    zip.write_all(document.as_bytes()).expect("zip write");
    zip.finish().expect("zip finish").into_inner()
}
