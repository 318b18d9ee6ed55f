"""The page of `speechtree serve` in headless Chromium (Selenium, Debian's
chromium and chromedriver). Run through tests/browser/run.sh.

Starts the server (SPEECHTREE_BIN) on 127.0.0.1 port 0, drives the page as a
proofreader would, saves screenshots under target/browser/ and ends with
`N passed, N failed`.
"""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHOTS = os.path.join(ROOT, "target", "browser")
BIN = os.environ.get("SPEECHTREE_BIN", os.path.join(ROOT, "target", "debug", "speechtree"))

NUMS = "一二三四五六七八九十"

SPEECH = """在全县秋季农业生产工作会议上的讲话

同志们：

今天召开这次会议，主要是总结前一阶段工作，安排部署秋收秋种。下面，我讲三点意见。

一、充分认识做好秋季农业生产的重要意义
今年以来，全县上下克服不利天气影响，粮食生产总体稳定。一是播种面积保持稳定。二是单产水平有所提高。三是农民收入持续增长。
二、突出抓好秋收秋种各项重点工作
（一）抓好秋粮收获
要组织农机力量，做到应收尽收、颗粒归仓。
（二）抓好秋种准备
1.落实种子、化肥等农资供应。
2.做好农技服务和田间指导。
（三）抓好防灾减灾
要密切关注天气变化，及时发布预警信息。
三、切实加强组织领导
各乡镇要把秋季农业生产摆上重要位置，主要负责同志要亲自抓、负总责。

同志们，做好秋季农业生产工作意义重大，希望大家振奋精神，扎实工作，确保全年目标任务圆满完成。
"""

# A skipped ordinal (一、 then 三、), with characters outside the BMP before it
# so byte offsets and UTF-16 indices differ by more than the CJK factor.
SKIPPED = "关于𠀀𠀁地区基础设施建设的通知\n\n一、总体要求𠮷\n要坚持问题导向。\n三、主要任务\n要抓好落实。\n"


def docx_bytes(text):
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(
        '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>'
        % line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for line in text.split("\n")
    )
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (ns, paras))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", doc)
    return buf.getvalue()


def long_report(target_bytes):
    """A work report of about `target_bytes` bytes written for this test."""
    parts = ["2026年全市经济社会发展工作报告\n\n各位代表：\n\n"]
    size = 0
    i = 0
    while size < target_bytes:
        n = NUMS[i % 10]
        block = ["%s、第%d部分工作回顾与部署\n" % (n, i + 1)]
        for j in range(3):
            block.append("（%s）推进第%d项重点任务\n" % (NUMS[j], j + 1))
            block.append("一是加强统筹协调，完善工作机制，确保各项政策措施落地见效。"
                         "二是强化要素保障，加大资金投入，提升公共服务水平。"
                         "三是严格督查考核，压实各方责任，推动工作取得实效。\n")
            for k in range(1, 4):
                block.append("%d.持续优化营商环境，深化放管服改革，激发市场主体活力，"
                             "推动经济高质量发展，切实增进民生福祉，不断提升群众满意度。\n" % k)
        chunk = "".join(block)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        i += 1
    return "".join(parts)


class Server:
    def __init__(self):
        self.proc = subprocess.Popen(
            [BIN, "serve", "--host", "127.0.0.1", "--port", "0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in self.proc.stderr:
            m = re.search(r"listening on (http://\S+?)/?$", line.strip())
            if m:
                self.url = m.group(1)
                break
        else:
            raise RuntimeError("the server did not start")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def make_driver(user_data, downloads):
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN",
                 "--user-data-dir=" + user_data]:
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
    })
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=opts, service=service)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


class Page:
    def __init__(self, driver, url):
        self.d = driver
        self.url = url

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def wait(self, cond, timeout=30, what="condition"):
        try:
            return WebDriverWait(self.d, timeout, poll_frequency=0.05).until(lambda d: cond())
        except Exception:
            raise AssertionError("timed out waiting for " + what)

    def shot(self, name):
        path = os.path.join(SHOTS, name)
        self.d.save_screenshot(path)
        print("   screenshot", os.path.relpath(path, ROOT))

    def clear(self):
        self.d.find_element(By.ID, "clear").click()

    def paste(self, text):
        """Pastes `text` into the box as a person does: copied (Ctrl+A, Ctrl+C)
        from another text box, then Ctrl+V."""
        self.js("const t = document.createElement('textarea'); t.id = 'scratch';"
                "t.value = arguments[0]; document.body.appendChild(t);", text)
        self.d.find_element(By.ID, "scratch").click()
        ActionChains(self.d).key_down(Keys.CONTROL).send_keys("a").send_keys("c").key_up(Keys.CONTROL).perform()
        self.js("document.getElementById('scratch').remove()")
        self.d.find_element(By.ID, "input").click()
        ActionChains(self.d).key_down(Keys.CONTROL).send_keys("v").key_up(Keys.CONTROL).perform()

    def wait_analysis(self, name):
        self.wait(lambda: self.js("return document.getElementById('count-name').textContent") == name
                  and self.js("return document.getElementById('textview').dataset.complete") == "true"
                  and self.js("return document.getElementById('tree').dataset.complete") == "true",
                  what="the analysis of " + name)

    def rows(self):
        return self.js("return [...document.querySelectorAll('#tree .node')].map(r => "
                       "[r.querySelector('.marker').textContent, r.querySelector('.title').textContent])")

    def highlighted_text(self):
        """The text of the highlight: whole highlighted lines and marked pieces, in order."""
        return self.js("""
            const out = [];
            for (const line of document.querySelectorAll('#textview .line')) {
              if (line.classList.contains('hl')) out.push(line.querySelector('.tx').textContent + '\\n');
              else for (const m of line.querySelectorAll('mark')) out.push(m.textContent);
            }
            return out.join('');""")

    def first_highlight_in_view(self):
        return self.js("""
            const el = document.querySelector('#textview .line.hl-first');
            if (!el) return false;
            const r = el.getBoundingClientRect(), v = document.getElementById('textview').getBoundingClientRect();
            return r.top >= v.top && r.bottom <= v.bottom;""")


def api(url, path, body, content_type="text/plain; charset=utf-8"):
    req = urllib.request.Request(url + path, data=body, headers={"Content-Type": content_type}, method="POST")
    with urllib.request.urlopen(req) as r:
        return r.read()


def expected_rows(url, text):
    """(marker, title) of sections and points, from the API's tree."""
    doc = json.loads(api(url, "/api/parse", text.encode("utf-8")))
    out = []

    def walk(n):
        if n["type"] in ("section", "point"):
            head = n.get("heading") or n.get("lead")
            out.append((n["marker"]["text"].strip(), head["title"] if head else ""))
        for c in n.get("children", []):
            walk(c)
    walk(doc)
    return out


def main():
    os.makedirs(SHOTS, exist_ok=True)
    server = Server()
    tmp = tempfile.mkdtemp(prefix="speechtree-browser-")
    downloads = os.path.join(tmp, "downloads")
    os.makedirs(downloads)
    driver = make_driver(os.path.join(tmp, "profile"), downloads)
    driver.set_script_timeout(120)
    page = Page(driver, server.url)
    passed, failed = 0, 0

    def check(name, fn):
        nonlocal passed, failed
        print("-- " + name)
        try:
            fn()
            passed += 1
            print("   ok")
        except Exception:
            failed += 1
            traceback.print_exc(file=sys.stdout)
            try:
                page.shot("failed-" + re.sub(r"\W+", "-", name) + ".png")
            except Exception:
                pass

    def page_loads():
        driver.get(server.url + "/")
        assert driver.title.startswith("公文结构校对"), driver.title
        assert driver.find_element(By.ID, "outline-title").text == "大纲"
        page.shot("01-empty.png")

    def paste_speech_shows_the_outline():
        page.paste(SPEECH)
        page.wait_analysis("粘贴的文稿")
        rows = [tuple(r) for r in page.rows() if r[0] not in ("标题", "称呼", "结束语", "署名", "副标题", "日期", "落款")]
        want = expected_rows(server.url, SPEECH)
        assert rows == want, (rows, want)
        assert ("一、", "充分认识做好秋季农业生产的重要意义") in rows
        assert ("（二）", "抓好秋种准备") in rows
        assert ("二是", "单产水平有所提高") in rows
        sections = int(driver.find_element(By.ID, "count-sections").text)
        points = int(driver.find_element(By.ID, "count-points").text)
        assert sections + points == len(want), (sections, points, len(want))
        assert driver.find_element(By.ID, "count-findings").text == "0"
        page.shot("02-speech.png")

    def clicking_a_node_highlights_its_span():
        node = driver.find_element(By.XPATH, "//div[@class='node'][span[@class='marker' and text()='（二）']]")
        node.click()
        got = page.highlighted_text()
        assert got == "（二）抓好秋种准备\n1.落实种子、化肥等农资供应。\n2.做好农技服务和田间指导。\n", repr(got)
        assert "selected" in node.get_attribute("class")
        assert page.first_highlight_in_view()
        page.shot("03-highlight.png")

    def the_tree_works_from_the_keyboard():
        first = driver.find_element(By.CSS_SELECTOR, "#tree .node")
        first.click()
        active = driver.switch_to.active_element
        # Down to the first section, Enter highlights it.
        for _ in range(8):
            if active.find_element(By.CLASS_NAME, "marker").text == "一、":
                break
            active.send_keys(Keys.ARROW_DOWN)
            active = driver.switch_to.active_element
        assert active.find_element(By.CLASS_NAME, "marker").text == "一、"
        active.send_keys(Keys.ENTER)
        assert page.highlighted_text().startswith("一、充分认识做好秋季农业生产的重要意义\n")
        # Left collapses, its points disappear from the focus order; Right opens again.
        active.send_keys(Keys.ARROW_LEFT)
        li = active.find_element(By.XPATH, "..")
        assert li.get_attribute("aria-expanded") == "false"
        active.send_keys(Keys.ARROW_DOWN)
        assert driver.switch_to.active_element.find_element(By.CLASS_NAME, "marker").text == "二、"
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
        driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        assert li.get_attribute("aria-expanded") == "true"
        driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
        driver.switch_to.active_element.send_keys(" ")
        assert page.highlighted_text() == "一是播种面积保持稳定。", repr(page.highlighted_text())

    def a_skipped_ordinal_is_listed_and_underlined():
        page.clear()
        page.paste(SKIPPED)
        page.wait_analysis("粘贴的文稿")
        items = driver.find_elements(By.CSS_SELECTOR, "#findings li")
        assert len(items) == 1, [i.text for i in items]
        text = items[0].text
        assert "第 5 行第 1 列" in text and "跳号" in text and "skipped-ordinal" in text, text
        under = page.js("return [...document.querySelectorAll('#textview .lint-error')].map(e => e.textContent)")
        assert under == ["三、"], under
        assert driver.find_element(By.ID, "count-findings").text.startswith("1")
        items[0].find_element(By.TAG_NAME, "button").click()
        assert page.highlighted_text() == "三、", repr(page.highlighted_text())
        # Spans after characters outside the BMP: the section 一、 ends at the astral 𠮷.
        node = driver.find_element(By.XPATH, "//div[@class='node'][span[@class='marker' and text()='一、']]")
        node.click()
        assert page.highlighted_text() == "一、总体要求𠮷\n要坚持问题导向。\n", repr(page.highlighted_text())
        page.shot("04-finding.png")

    def a_docx_opens_from_the_file_button():
        path = os.path.join(tmp, "秋季农业生产讲话.docx")
        with open(path, "wb") as f:
            f.write(docx_bytes(SPEECH))
        driver.find_element(By.ID, "file").send_keys(path)
        page.wait_analysis("秋季农业生产讲话.docx")
        rows = [tuple(r) for r in page.rows()]
        assert ("三、", "切实加强组织领导") in rows, rows
        assert ("（三）", "抓好防灾减灾") in rows, rows
        page.shot("05-docx.png")

    def a_gbk_file_dropped_on_the_page_is_read():
        gbk = list(SPEECH.encode("gbk"))
        page.js("""
            const file = new File([new Uint8Array(arguments[0])], '旧稿.txt', {type: 'text/plain'});
            const dt = new DataTransfer();
            dt.items.add(file);
            const zone = document.getElementById('dropzone');
            zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
            zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));""", gbk)
        page.wait_analysis("旧稿.txt")
        rows = [tuple(r) for r in page.rows()]
        assert ("二、", "突出抓好秋收秋种各项重点工作") in rows, rows
        driver.find_element(By.XPATH, "//div[@class='node'][span[@class='marker' and text()='二是']]").click()
        assert page.highlighted_text() == "二是单产水平有所提高。", repr(page.highlighted_text())

    def the_outline_downloads():
        driver.find_element(By.CSS_SELECTOR, ".downloads button[data-format='outline']").click()
        target = os.path.join(downloads, "秋季农业生产讲话.outline.txt")
        page.wait(lambda: os.path.exists(target), what="the download")
        with open(target, encoding="utf-8") as f:
            got = f.read()
        assert "三、\t切实加强组织领导" in got, got
        driver.find_element(By.CSS_SELECTOR, ".downloads button[data-format='csv']").click()
        page.wait(lambda: os.path.exists(os.path.join(downloads, "秋季农业生产讲话.csv")), what="the CSV")

    def a_broken_docx_shows_an_error():
        path = os.path.join(tmp, "损坏.docx")
        with open(path, "wb") as f:
            f.write(b"PK\x03\x04 not really a zip")
        driver.find_element(By.ID, "file").send_keys(path)
        err = driver.find_element(By.ID, "error")
        page.wait(lambda: err.is_displayed(), what="the error")
        assert "422" in err.text and "损坏.docx" in err.text, err.text
        page.shot("07-error.png")

    def a_1mb_report_parses_and_renders_in_chunks():
        page.clear()
        report = long_report(1 << 20)
        page.js("""
            window.__tasks = [];
            new PerformanceObserver(l => { for (const e of l.getEntries())
              window.__tasks.push(Math.round(e.duration)); }).observe({entryTypes: ['longtask']});
            document.getElementById('input').value = arguments[0];""", report)
        start = time.monotonic()
        driver.find_element(By.ID, "analyse").click()
        page.wait_analysis("粘贴的文稿")
        took = time.monotonic() - start
        tasks = page.js("return window.__tasks.splice(0)")
        lines = page.js("return document.querySelectorAll('#textview .line').length")
        elements = page.js("return document.querySelectorAll('#textview *').length")
        findings = page.js("return document.querySelectorAll('#findings li').length")
        want_lines = report.count("\n")
        assert lines == want_lines, (lines, want_lines)
        # A line is three elements (line, number, text), plus one per underline.
        assert elements <= 3 * lines + 2 * findings, (elements, lines, findings)
        assert elements < len(report) / 10, "no element per character"
        # The last section, far down: its span converts and scrolls into view.
        last = driver.find_elements(By.CSS_SELECTOR, "#tree > li.kind-section > .node")[-1]
        driver.execute_script("arguments[0].scrollIntoView()", last)
        last.click()
        got = page.highlighted_text()
        assert got.startswith(last.text.replace("\n", "").split("▾")[-1].strip()[:2]), (got[:40], last.text)
        assert report.endswith(got), "the last section runs to the end of the report"
        assert page.first_highlight_in_view()
        after = page.js("return window.__tasks")
        print("   steps (ms):", page.js("return JSON.stringify(window.speechtree.timings, (k, v) => typeof v === 'number' ? Math.round(v) : v)"))
        print("   %d bytes, %d lines: analysed and shown in %.1f s; %d long tasks (over 50 ms), longest %d ms;"
              " then going to the last section: longest task %d ms"
              % (len(report.encode('utf-8')), lines, took, len(tasks), max(tasks, default=0), max(after, default=0)))
        page.shot("06-long-report.png")

    try:
        check("the page loads with Chinese labels", page_loads)
        check("pasting a speech shows its outline", paste_speech_shows_the_outline)
        check("clicking a node highlights its span", clicking_a_node_highlights_its_span)
        check("the tree works from the keyboard", the_tree_works_from_the_keyboard)
        check("a skipped ordinal is listed and underlined", a_skipped_ordinal_is_listed_and_underlined)
        check("a .docx opens from the file button", a_docx_opens_from_the_file_button)
        check("the outline and CSV download", the_outline_downloads)
        check("a GBK file dropped on the page is read", a_gbk_file_dropped_on_the_page_is_read)
        check("a broken .docx shows an error", a_broken_docx_shows_an_error)
        check("a 1 MB report parses and renders in chunks", a_1mb_report_parses_and_renders_in_chunks)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "422" not in e["message"]]
        check("no console errors (CSP violations included)", lambda: (_ for _ in ()).throw(AssertionError(errors)) if errors else None)
    finally:
        driver.quit()
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
