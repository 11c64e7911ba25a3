"""The reportlab peer of Benchmarks/DocumentRender: the same proof of insurance and contribution
statement, from the same strings (DocumentRenderBenchmark data), laid out like the engine's templates
with reportlab's platypus: A4 with the same margins, a spaced-out title, the field grid, the tables
with repeated header rows, stripes and a totals row, the page header and "第N页/共M页" footer, and
an Ed25519-signed, Base45-encoded payload as a QR code with its short code.

    render.py DATA.json ITERATIONS WARMUP [FONT]

Prints `pages NAME N` and `sample NAME NS` (one per render, after WARMUP), as the Swift peer does.
FONT: `uming` (default) embeds AR PL UMing CN (fonts-arphic-uming, TrueType outlines: reportlab
cannot embed Noto CJK's CFF outlines) as a subset, as the engine embeds Noto Serif CJK; `cid` uses
reportlab's built-in STSong-Light, which is not embedded at all (the reader's own font is used).
"""
import io
import json
import sys
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

INK = colors.HexColor(0x1A1A1A)
MUTED = colors.HexColor(0x5C6470)
LABEL_FILL = colors.HexColor(0xF0F2F5)
HEADER_FILL = colors.HexColor(0xE3E8EF)
STRIPE_FILL = colors.HexColor(0xF7F8FA)
BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def base45(data):
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        out += [BASE45[n % 45], BASE45[n // 45 % 45], BASE45[n // 2025]]
    if len(data) % 2:
        out += [BASE45[data[-1] % 45], BASE45[data[-1] // 45]]
    return "".join(out)


class Peer:
    def __init__(self, font):
        if font == "cid":
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            self.font = "STSong-Light"
        else:
            pdfmetrics.registerFont(TTFont("UMing", "/usr/share/fonts/truetype/arphic/uming.ttc", subfontIndex=0))
            self.font = "UMing"
        f = self.font
        self.title = ParagraphStyle("title", fontName=f, fontSize=22, leading=30, alignment=TA_CENTER, textColor=INK)
        self.body = ParagraphStyle("body", fontName=f, fontSize=11, leading=16.5, textColor=INK)
        self.small = ParagraphStyle("small", fontName=f, fontSize=8, leading=11, textColor=MUTED)
        self.small_right = ParagraphStyle("small_right", parent=self.small, alignment=TA_RIGHT)
        self.cell = ParagraphStyle("cell", fontName=f, fontSize=9, leading=12, textColor=INK)
        self.body_right = ParagraphStyle("body_right", parent=self.body, alignment=TA_RIGHT)
        self.key = Ed25519PrivateKey.generate()

    def spaced(self, text):
        return Paragraph("\u2002".join(text), self.title)

    def grid(self, fields, width):
        rows = []
        for i in range(0, len(fields), 2):
            row = []
            for label, value in fields[i:i + 2]:
                row += [Paragraph(label, self.cell), Paragraph(value, self.cell)]
            rows.append(row)
        label = 26 * mm
        table = Table(rows, colWidths=[label, width / 2 - label] * 2)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL), ("BACKGROUND", (2, 0), (2, -1), LABEL_FILL),
            ("GRID", (0, 0), (-1, -1), 0.5, MUTED), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        return table

    def table(self, header, rows, widths, width, totals=None, stripes=False):
        scale = width / sum(widths)
        data = [[Paragraph(h, self.cell) for h in header]]
        data += [[Paragraph(c, self.cell) for c in row] for row in rows]
        if totals:
            data.append([Paragraph(c, self.cell) for c in totals])
        table = Table(data, colWidths=[w * scale for w in widths], repeatRows=1)
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("GRID", (0, 0), (-1, -1), 0.5, MUTED),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        if stripes:
            style += [("BACKGROUND", (0, i), (-1, i), STRIPE_FILL) for i in range(2, len(data), 2)]
        table.setStyle(TableStyle(style))
        return table

    def signed(self, values):
        return [Spacer(1, 8 * mm), Paragraph(f"经办机构：{values['office.name']}", self.body_right),
                Spacer(1, 2 * mm), Paragraph(f"出具日期：{values['issue.date']}", self.body_right)]

    def verification(self, values, facts):
        message = json.dumps({"v": 1, "s": values["issue.serial"], "f": facts}, sort_keys=True,
                             ensure_ascii=False).encode()
        signature = self.key.sign(message)
        text = "SSV1:" + base45(signature + message)
        widget = QrCodeWidget(text, barLevel="M")
        x1, y1, x2, y2 = widget.getBounds()
        size = 28 * mm
        drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
        drawing.add(widget)
        code = base45(signature[:8])
        caption = Paragraph(f"验证码：{code}　扫描二维码或登录经办机构网站核验", self.small)
        return [Spacer(1, 10 * mm), Table([[drawing, caption]], colWidths=[32 * mm, None])]

    def build(self, story, header=None):
        """Builds the PDF with the footer's page count: the numbered canvas keeps each page's
        state and draws the footers once the total is known."""
        font = self.font

        class NumberedCanvas(canvas.Canvas):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.pages = []

            def showPage(self):
                self.pages.append(dict(self.__dict__))
                self._startPage()

            def save(self):
                total = len(self.pages)
                for state in self.pages:
                    self.__dict__.update(state)
                    self.setFont(font, 8)
                    self.setFillColor(MUTED)
                    self.drawCentredString(A4[0] / 2, 10 * mm, f"第{self._pageNumber}页/共{total}页")
                    super().showPage()
                super().save()

        def on_page(c, doc):
            if header:
                c.saveState()
                c.setFont(font, 8)
                c.setFillColor(MUTED)
                c.drawRightString(A4[0] - 20 * mm, A4[1] - 12 * mm, header)
                c.setStrokeColor(MUTED)
                c.setLineWidth(0.4)
                c.line(20 * mm, A4[1] - 13.5 * mm, A4[0] - 20 * mm, A4[1] - 13.5 * mm)
                c.restoreState()

        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                topMargin=18 * mm, bottomMargin=16 * mm)
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=NumberedCanvas)
        return out.getvalue(), doc.page

    def proof(self, data):
        v, rows = data["values"], data["tables"]["enrolments"]
        width = A4[0] - 40 * mm
        story = [
            self.spaced("社会保险参保证明"), Spacer(1, 2 * mm),
            Paragraph(f"证明编号：{v['issue.serial']}", self.small_right), Spacer(1, 4 * mm),
            Paragraph("兹证明下列人员在本经办机构参加社会保险，截至出具日期的参保情况如下：", self.body), Spacer(1, 3 * mm),
            self.grid([("姓名", v["person.name"]), ("性别", v["person.sex"]), ("社会保障号码", v["person.number"]),
                       ("有效期至", v["issue.validUntil"])], width),
            Spacer(1, 5 * mm),
            self.table(["序号", "险种", "参保状态", "参保起始", "缴费至", "累计月数", "参保单位"],
                       [[r["index"], r["insurance"], r["status"], r["since"], r["paidUntil"], r["months"],
                         r["employer"]] for r in rows], [5, 18.5, 10, 11, 11, 8.5, 23.5], width),
            Spacer(1, 4 * mm), Paragraph("特此证明。", self.body),
        ]
        story += self.signed(v) + self.verification(v, {"n": str(len(rows))})
        return self.build(story)

    def statement(self, data):
        v, rows = data["values"], data["tables"]["contributions"]
        width = A4[0] - 40 * mm
        story = [
            self.spaced("社会保险个人缴费明细"), Spacer(1, 4 * mm),
            self.grid([("姓名", v["person.name"]), ("社会保障号码", v["person.number"]), ("查询期间", v["period"]),
                       ("记录条数", v["count"]), ("单位缴纳合计", v["total.employer"]),
                       ("个人缴纳合计", v["total.personal"])], width),
            Spacer(1, 4 * mm), Paragraph("金额单位：元", self.small_right), Spacer(1, 1 * mm),
            self.table(["序号", "费款所属期", "险种", "缴费基数", "单位缴纳", "个人缴纳", "到账情况"],
                       [[r["index"], r["month"], r["insurance"], r["base"], r["employer"], r["personal"], r["status"]]
                        for r in rows], [6, 12, 22, 12, 12, 12, 9], width,
                       totals=[f"合计（{len(rows)}条）", "", "", "", v["total.employer"], v["total.personal"], ""],
                       stripes=True),
        ]
        story += self.signed(v) + self.verification(v, {"n": str(len(rows))})
        return self.build(story, header=f"社会保险个人缴费明细　{v['person.name']}　{v['person.maskedNumber']}")


def main():
    path, iterations, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    peer = Peer(sys.argv[4] if len(sys.argv) > 4 else "uming")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for name in ("proof", "statement"):
        render = getattr(peer, name)
        pdf, pages = render(data[name])
        if len(sys.argv) > 5:
            with open(f"{sys.argv[5]}/{name}.pdf", "wb") as f:
                f.write(pdf)
        print(f"pages {name} {pages}", flush=True)
        for index in range(warmup + iterations):
            start = time.perf_counter_ns()
            render(data[name])
            elapsed = time.perf_counter_ns() - start
            if index >= warmup:
                print(f"sample {name} {elapsed}", flush=True)


if __name__ == "__main__":
    main()
