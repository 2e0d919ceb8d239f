#!/usr/bin/env python3
"""`thaidoc watch`: renders, renders again when the document, its template or an image
changes, keeps the last good PDF on errors and prints them, stops on SIGINT and SIGTERM.

Every wait is bounded (WAIT seconds) and waits for an event (a line printed, a file
changed), never for a fixed time. Usage: check_watch.py THAIDOC SOURCE_DIR
"""
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

THAIDOC, SOURCE = sys.argv[1], sys.argv[2]
WAIT = 30  # seconds: far above a render (about 0.05 s), so only a real failure hits it

MEMO = """kind: memo
template: ./house.yaml
memo:
  emblem: seal.png
  agency: สำนักปลัด องค์การบริหารส่วนตำบลตาเนิน
  reference: ชย ๘๐๘๐๑/๓๓๕
  date: {date}
  subject: {subject}
  to: นายกองค์การบริหารส่วนตำบลตาเนิน
  body:
    - ข้อความ
  signer:
    name: นางสาวเสาวนิตย์ ประยูรพันธ์
"""
HOUSE = "extends: memo\nmemo:\n  title: {title}\n"


class Watch:
    def __init__(self, workdir):
        env = dict(os.environ, THAIDOC_STRICT='1')
        self.proc = subprocess.Popen([THAIDOC, 'watch', 'doc.yaml', '-o', 'out.pdf'], cwd=workdir, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        self.seen = []
        self.since = 0
        for stream, name in ((self.proc.stdout, 'out'), (self.proc.stderr, 'err')):
            threading.Thread(target=self._pump, args=(stream, name), daemon=True).start()

    def _pump(self, stream, name):
        for line in stream:
            self.lines.put((name, line.rstrip('\n')))

    def mark(self):
        """Lines after this point answer the next expect()s (stdout and stderr interleave)."""
        self.since = len(self.seen)

    def expect(self, what, stream='out'):
        """Waits for a line of `stream` containing `what` printed since the last mark()."""
        deadline = time.monotonic() + WAIT
        checked = self.since
        while True:
            for i in range(checked, len(self.seen)):
                if self.seen[i][0] == stream and what in self.seen[i][1]:
                    return self.seen[i][1]
            checked = len(self.seen)
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError('no %s line containing %r within %d s; seen:\n%s' % (
                    stream, what, WAIT, '\n'.join('%s: %s' % s for s in self.seen)))
            try:
                self.seen.append(self.lines.get(timeout=left))
            except queue.Empty:
                pass

    def stop(self, sig):
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError('watch did not stop within %d s after signal %d' % (WAIT, sig))
        return code


def pdf_text(path):
    return subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True, check=True).stdout


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def write(path, text, by_rename=False):
    if by_rename:  # as vim and most editors save: a new file renamed over the old
        with open(path + '.swp', 'w', encoding='utf-8') as f:
            f.write(text)
        os.replace(path + '.swp', path)
    else:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)


def main():
    work = tempfile.mkdtemp(prefix='thaidoc-watch-')
    try:
        shutil.copy(os.path.join(SOURCE, 'tests', 'bad_input', 'files', 'ok.png'), os.path.join(work, 'seal.png'))
        doc = os.path.join(work, 'doc.yaml')
        pdf = os.path.join(work, 'out.pdf')
        write(os.path.join(work, 'house.yaml'), HOUSE.format(title='บันทึกข้อความ'))
        write(doc, MEMO.format(date='2025-04-24', subject='รายงานผลครั้งที่หนึ่ง'))

        w = Watch(work)
        w.expect('wrote out.pdf')
        w.expect('thaidoc watch: watching ')
        check('รายงานผลครั้งที่หนึ่ง' in pdf_text(pdf), 'first render: subject missing')

        # 1. The document changes (saved by rename, as editors do): rendered again.
        w.mark()
        write(doc, MEMO.format(date='2025-04-24', subject='รายงานผลครั้งที่สอง'), by_rename=True)
        w.expect('wrote out.pdf')
        text = pdf_text(pdf)
        check('รายงานผลครั้งที่สอง' in text and 'ครั้งที่หนึ่ง' not in text, 'edit not rendered:\n' + text)

        # 2. The template it uses changes: rendered again.
        w.mark()
        write(os.path.join(work, 'house.yaml'), HOUSE.format(title='บันทึกข้อความภายใน'))
        w.expect('wrote out.pdf')
        check('บันทึกข้อความภายใน' in pdf_text(pdf), 'template change not rendered')

        # 3. The image changes (another PNG copied over it): rendered again.
        before = os.stat(pdf).st_mtime_ns
        w.mark()
        shutil.copy(os.path.join(SOURCE, 'tests', 'bad_input', 'files', 'ok.png'), os.path.join(work, 'seal.png'))
        w.expect('wrote out.pdf')
        check(os.stat(pdf).st_mtime_ns != before, 'image change: PDF not rewritten')

        # 4. An error: the diagnostics are printed, the last good PDF stays as it was.
        good = open(pdf, 'rb').read()
        w.mark()
        write(doc, MEMO.format(date='2025-02-30', subject='รายงานผลครั้งที่สาม'))
        err = w.expect("memo.date: '2025-02-30' is not a valid date", stream='err')
        check('doc.yaml:7:9:' in err, 'error without its place: ' + err)
        w.expect('errors, out.pdf not changed')
        check(open(pdf, 'rb').read() == good, 'the last good PDF was changed')
        leftovers = [f for f in os.listdir(work) if f.startswith('.out.pdf')]
        check(not leftovers, 'temporary files left: %s' % leftovers)

        # 5. Fixed: rendered again.
        w.mark()
        write(doc, MEMO.format(date='2025-04-25', subject='รายงานผลครั้งที่สี่'))
        w.expect('wrote out.pdf')
        check('รายงานผลครั้งที่สี่' in pdf_text(pdf), 'fix not rendered')

        # 6. SIGINT stops it cleanly.
        w.mark()
        code = w.stop(signal.SIGINT)
        check(code == 0, 'exit code %d after SIGINT' % code)
        w.expect('thaidoc watch: stopped')

        # 7. A document that starts broken: no PDF, then rendered once fixed; SIGTERM stops it.
        os.remove(pdf)
        write(doc, MEMO.format(date='2025-02-30', subject='ก'))
        w = Watch(work)
        w.expect('is not a valid date', stream='err')
        w.expect('errors, no PDF written')
        w.expect('thaidoc watch: watching ')  # the watches are set only now: an edit before this would be missed
        check(not os.path.exists(pdf), 'a PDF was written for a broken document')
        w.mark()
        write(doc, MEMO.format(date='2025-04-24', subject='รายงานผลครั้งที่ห้า'))
        w.expect('wrote out.pdf')
        check('รายงานผลครั้งที่ห้า' in pdf_text(pdf), 'fixed document not rendered')
        w.mark()
        code = w.stop(signal.SIGTERM)
        check(code == 0, 'exit code %d after SIGTERM' % code)
        w.expect('thaidoc watch: stopped')
        print('OK')
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    try:
        main()
    except AssertionError as e:
        print('FAIL ' + str(e))
        sys.exit(1)
